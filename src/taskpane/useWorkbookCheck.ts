// The task pane's state: one reducer, one hook. Everything the pane shows comes
// from the report and settings held here; the work is done by the backend.
import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { allItems } from "../engine/counts";
import type { WriteSheetsResult } from "../engine/host";
import type { PlanReport } from "../engine/report";
import { defaultSettings, type Settings, type SheetOverride } from "../engine/settings";
import { operationsFor, type TaskpaneBackend, type TaskpaneOperations } from "./backend";
import { errorText, longDate, plural, todayIso } from "./words";

export type Task = "load" | "check" | "colour" | "clear" | "summaries" | "save" | "select";

export interface Busy {
  task: Task;
  done: number;
  total: number;
  /** What the host says it is doing, e.g. "Reading sheet 2 of 5…". */
  what: string;
}

export interface Notice {
  intent: "success" | "info" | "warning";
  title: string;
  text: string;
  lines?: string[];
}

export interface Problem {
  title: string;
  text: string;
}

export interface CheckState {
  asAt: string;
  /** Settings as saved (null until loaded). */
  settings: Settings | null;
  report: PlanReport | null;
  /** The as-at date and settings the report was made with. */
  reportMadeWith: { asAt: string; settings: Settings } | null;
  busy: Busy | null;
  problem: Problem | null;
  notice: Notice | null;
  /** One line for screen readers and the eye after each piece of work. */
  status: string;
}

type Action =
  | { type: "start"; task: Task }
  | { type: "progress"; done: number; total: number; what: string }
  | { type: "finish"; status?: string; notice?: Notice | null }
  | { type: "fail"; problem: Problem }
  | { type: "problem"; problem: Problem }
  | { type: "settings"; settings: Settings }
  | { type: "report"; report: PlanReport; asAt: string; settings: Settings }
  | { type: "asAt"; asAt: string }
  | { type: "dismissProblem" }
  | { type: "dismissNotice" };

export const initialState = (asAt: string = todayIso()): CheckState => ({
  asAt,
  settings: null,
  report: null,
  reportMadeWith: null,
  busy: null,
  problem: null,
  notice: null,
  status: "",
});

export function reducer(state: CheckState, action: Action): CheckState {
  switch (action.type) {
    case "start":
      return { ...state, busy: { task: action.task, done: 0, total: 0, what: "" }, problem: null, notice: null, status: "" };
    case "progress":
      return state.busy ? { ...state, busy: { ...state.busy, done: action.done, total: action.total, what: action.what } } : state;
    case "finish":
      return { ...state, busy: null, status: action.status ?? state.status, notice: action.notice === undefined ? state.notice : action.notice };
    case "fail":
      return { ...state, busy: null, problem: action.problem, status: action.problem.title };
    case "problem":
      return { ...state, problem: action.problem };
    case "settings":
      return { ...state, settings: action.settings };
    case "report":
      return { ...state, report: action.report, reportMadeWith: { asAt: action.asAt, settings: action.settings } };
    case "asAt":
      return { ...state, asAt: action.asAt };
    case "dismissProblem":
      return { ...state, problem: null };
    case "dismissNotice":
      return { ...state, notice: null };
  }
}

/** Is the report out of date (as-at date or settings changed since it was made)? */
export const reportIsStale = (s: CheckState): boolean =>
  s.report !== null && (s.reportMadeWith?.asAt !== s.asAt || s.reportMadeWith?.settings !== s.settings);

const TASK_FAILED: Record<Task, string> = {
  load: "Your saved settings could not be read",
  check: "The workbook could not be checked",
  colour: "The RAG colours could not be applied",
  clear: "The colours could not be cleared",
  summaries: "The summary sheets could not be built",
  save: "Your settings could not be saved",
  select: "That cell could not be selected",
};

export interface WorkbookCheck {
  state: CheckState;
  stale: boolean;
  check(): Promise<void>;
  setAsAt(asAt: string): void;
  colour(): Promise<void>;
  clear(): Promise<void>;
  buildSummaries(): Promise<void>;
  /** Save settings, then check again when there is a report to bring up to date. */
  saveSettings(settings: Settings): Promise<void>;
  /** Save (or with null remove) the correction for one sheet, then check again. */
  correctSheet(sheet: string, override: SheetOverride | null): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  /** Take the row of the cell the user has selected on `sheet` as its header row, then check again. */
  takeSelectedRow(sheet: string): Promise<void>;
  dismissProblem(): void;
  dismissNotice(): void;
}

export interface WorkbookCheckOptions {
  /** The as-at date to start with (default today). */
  asAt?: string;
  /** Operations to use instead of the backend's defaults (tests, demo). */
  operations?: TaskpaneOperations;
}

export function useWorkbookCheck(backend: TaskpaneBackend, options: WorkbookCheckOptions = {}): WorkbookCheck {
  const [state, dispatch] = useReducer(reducer, options.asAt, initialState);
  const latest = useRef(state);
  // The async operations below read the newest state between renders (and update it ahead of the reducer).
  // eslint-disable-next-line react-hooks/refs
  latest.current = state;
  const running = useRef(false);
  const mounted = useRef(true);
  const ops = useMemo(() => options.operations ?? operationsFor(backend), [backend, options.operations]);

  const send = useCallback((a: Action) => {
    if (mounted.current) dispatch(a);
  }, []);
  const progress = useCallback((done: number, total: number, what: string) => send({ type: "progress", done, total, what }), [send]);

  /** Run one piece of work at a time; the UI disables its controls meanwhile, this guards double clicks. */
  const run = useCallback(
    async (task: Task, work: () => Promise<{ status?: string; notice?: Notice | null } | void>): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      send({ type: "start", task });
      try {
        const done = (await work()) ?? {};
        send({ type: "finish", ...done });
        return true;
      } catch (e) {
        send({ type: "fail", problem: { title: TASK_FAILED[task], text: errorText(e, backend.explainError?.bind(backend)) } });
        return false;
      } finally {
        running.current = false;
      }
    },
    [backend, send],
  );

  const settingsNow = (): Settings => latest.current.settings ?? defaultSettings();

  /** Scan with the current as-at date and settings; returns the report. */
  const scan = useCallback(async (): Promise<PlanReport> => {
    const { asAt } = latest.current;
    const settings = settingsNow();
    const report = await ops.scan(asAt, settings, progress);
    send({ type: "report", report, asAt, settings });
    latest.current = { ...latest.current, report, reportMadeWith: { asAt, settings } };
    return report;
  }, [ops, progress, send]);

  const checkedStatus = (r: PlanReport): string => {
    const items = allItems(r);
    const findings = r.sheets.reduce((n, s) => n + s.findings.length + s.items.reduce((m, it) => m + it.findings.length, 0), 0);
    if (r.sheets.length === 0) return `No plan found in this workbook (as at ${longDate(r.asAt)}).`;
    return `Checked as at ${longDate(r.asAt)}: ${plural(r.sheets.length, "plan sheet")}, ${plural(items.length, "action")}, ${plural(findings, "thing", "things")} to look at.`;
  };

  /** The report, checked again first when the date or settings changed since. */
  const freshReport = useCallback(async (): Promise<PlanReport> => {
    const s = latest.current;
    return s.report && !reportIsStale(s) ? s.report : scan();
  }, [scan]);

  /** What the host wants the user told after its last operation. */
  const hostSays = useCallback((): string[] => [...(backend.warnings?.() ?? [])], [backend]);

  /** A notice with the host's warnings added (or a warning notice of its own when there are any). */
  const withHostWarnings = useCallback(
    (notice: Notice | null): Notice | null => {
      const lines = hostSays();
      if (!lines.length) return notice;
      if (!notice) return { intent: "warning", title: "Please note", text: "", lines };
      return { ...notice, intent: "warning", lines: [...(notice.lines ?? []), ...lines] };
    },
    [hostSays],
  );

  useEffect(() => {
    mounted.current = true;
    void run("load", async () => {
      let loaded;
      try {
        loaded = await backend.loadSettings();
      } catch (e) {
        send({ type: "settings", settings: defaultSettings() });
        throw new Error(
          `${errorText(e, backend.explainError?.bind(backend))} Plan Monitor is using its standard settings until you save yours again.`,
        );
      }
      send({ type: "settings", settings: loaded.settings });
      return loaded.warning ? { notice: { intent: "warning", title: "Standard settings in use", text: loaded.warning } } : {};
    });
    return () => {
      mounted.current = false;
    };
  }, [backend, run, send]);

  const check = useCallback(async () => {
    await run("check", async () => {
      const report = await scan();
      return { status: checkedStatus(report), notice: withHostWarnings(null) };
    });
  }, [run, scan, withHostWarnings]);

  const colour = useCallback(async () => {
    await run("colour", async () => {
      const report = await freshReport();
      await ops.colour(report, progress);
      const items = allItems(report).length;
      return {
        status: `Coloured ${plural(items, "action")}.`,
        notice: withHostWarnings({
          intent: "success",
          title: "RAG colours applied",
          text: `The status cells of ${plural(items, "action")} on ${plural(report.sheets.length, "sheet")} are coloured as at ${longDate(report.asAt)}. “Clear colours” takes them off again; your own formatting is kept.`,
        }),
      };
    });
  }, [run, freshReport, ops, progress, withHostWarnings]);

  const clear = useCallback(async () => {
    await run("clear", async () => {
      await ops.clear();
      return {
        status: "Colours cleared.",
        notice: withHostWarnings({ intent: "success", title: "Colours cleared", text: "Plan Monitor’s colours are removed; your own formatting is as it was." }),
      };
    });
  }, [run, ops, withHostWarnings]);

  const buildSummaries = useCallback(async () => {
    await run("summaries", async () => {
      const report = await freshReport();
      const result: WriteSheetsResult = await ops.summaries(report, settingsNow(), progress);
      const names = result.written.map((w) => `“${w.name}”`).join(", ");
      return {
        status: `Summary sheets built: ${names || "none"}.`,
        notice: withHostWarnings({
          intent: result.notices.length ? "warning" : "success",
          title: result.written.length ? "Summary sheets built" : "No summary sheets were written",
          text: result.written.length ? `Written as at ${longDate(report.asAt)}: ${names}.` : "There was nothing to summarise.",
          lines: result.notices,
        }),
      };
    });
  }, [run, freshReport, ops, progress, withHostWarnings]);

  const saveSettings = useCallback(
    async (settings: Settings) => {
      const saved = await run("save", async () => {
        await backend.saveSettings(settings);
        send({ type: "settings", settings });
        latest.current = { ...latest.current, settings };
        return { status: "Settings saved." };
      });
      if (saved && latest.current.report) await check();
    },
    [run, backend, send, check],
  );

  const correctSheet = useCallback(
    async (sheet: string, override: SheetOverride | null) => {
      const current = settingsNow();
      const sheets = { ...current.sheets };
      const kept = override && (Object.fromEntries(Object.entries(override).filter(([, v]) => v !== undefined)) as SheetOverride);
      if (kept && Object.keys(kept).length) sheets[sheet] = kept;
      else delete sheets[sheet];
      const saved = await run("save", async () => {
        const settings = { ...current, sheets };
        await backend.saveSettings(settings);
        send({ type: "settings", settings });
        latest.current = { ...latest.current, settings };
        return { status: `Correction for “${sheet}” saved.` };
      });
      if (saved) await check();
    },
    [run, backend, send, check],
  );

  const selectCell = useCallback(
    async (sheet: string, address: string) => {
      // Not a long task: no progress bar, but errors are shown like any other.
      try {
        await backend.selectCell(sheet, address);
      } catch (e) {
        send({ type: "problem", problem: { title: `${TASK_FAILED.select} (${address} on “${sheet}”)`, text: errorText(e, backend.explainError?.bind(backend)) } });
      }
    },
    [backend, send],
  );

  const takeSelectedRow = useCallback(
    async (sheet: string) => {
      let selected: { sheet: string; row: number };
      try {
        selected = await backend.selectedCell();
      } catch (e) {
        send({ type: "problem", problem: { title: "The selected cell could not be read", text: errorText(e, backend.explainError?.bind(backend)) } });
        return;
      }
      if (selected.sheet !== sheet) {
        send({
          type: "problem",
          problem: { title: `Select a cell in the header row of “${sheet}” first`, text: `The cell selected now is on “${selected.sheet}”. Click a cell in the row that names the columns of “${sheet}”, then choose “Use the row I have selected” again.` },
        });
        return;
      }
      const current = settingsNow().sheets[sheet];
      await correctSheet(sheet, { ...current, headerRow: selected.row, columns: undefined, ignore: undefined });
    },
    [backend, send, correctSheet],
  );

  return {
    state,
    stale: reportIsStale(state),
    check,
    setAsAt: useCallback((asAt: string) => send({ type: "asAt", asAt }), [send]),
    colour,
    clear,
    buildSummaries,
    saveSettings,
    correctSheet,
    selectCell,
    takeSelectedRow,
    dismissProblem: useCallback(() => send({ type: "dismissProblem" }), [send]),
    dismissNotice: useCallback(() => send({ type: "dismissNotice" }), [send]),
  };
}
