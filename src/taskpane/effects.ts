// The pane's work: call the backend and its host, dispatch what happened.
// Plain TypeScript over a store (no React), so each flow can be tested alone.
// The newest state is always store.getState(): an operation that saves settings
// and then checks again sees the settings it just saved.
import type { HostCapabilities, Progress } from "../engine/host";
import type { PlanReport } from "../engine/report";
import type { Settings, SheetOverride } from "../engine/settings";
import { hostCapabilities, type TaskpaneBackend, type TaskpaneOperations } from "./backend";
import * as say from "./messages";
import { reportIsStale, settingsOf, withSheetCorrection, type Action, type CheckState, type Notice, type Operation, type Task } from "./state";
import type { Store } from "./store";

export type PaneStore = Store<CheckState, Action>;

/** What the pane can ask for; each returns when the work (and any check after it) is over. */
export interface PaneEffects {
  /** What the host can do (read once): the pane words its promises by it. */
  capabilities: HostCapabilities;
  load(): Promise<void>;
  check(): Promise<void>;
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
  /** Run again the operation the shown problem came from. */
  retry(): Promise<void>;
  perform(op: Operation): Promise<void>;
}

type Outcome = { status?: string; notice?: Notice | null } | void;

/** An error whose message is already worded for the user (not to be explained again). */
class SaidError extends Error {}

export function createPaneEffects(store: PaneStore, backend: TaskpaneBackend, ops: TaskpaneOperations): PaneEffects {
  const { dispatch, getState } = store;
  const explain = (e: unknown): string => say.errorText(e, backend.explainError?.bind(backend));
  const hostWarnings = (): readonly string[] => backend.warnings?.() ?? [];
  const capabilities = hostCapabilities(backend);
  const { undo } = capabilities;

  /**
   * Run one long task at a time (the UI disables its controls meanwhile; this guards double
   * clicks). Whatever the work does, success or failure, the pane is not busy afterwards.
   * Each run reports progress through its own callback, so an operation that timed out and
   * still calls back from Excel cannot move the progress bar of the next one.
   */
  let runs = 0;
  async function run(op: Operation, task: Task, work: (progress: Progress) => Promise<Outcome>): Promise<boolean> {
    if (getState().busy) return false;
    const id = ++runs;
    const progress: Progress = (done, total, what) => {
      if (id === runs) dispatch({ type: "progress", done, total, what });
    };
    dispatch({ type: "start", task });
    try {
      dispatch({ type: "finish", ...((await work(progress)) ?? {}) });
      return true;
    } catch (e) {
      const text = e instanceof SaidError ? e.message : explain(e);
      dispatch({ type: "fail", problem: { title: say.failedTitle(task), text, retry: op } });
      return false;
    }
  }

  /** Scan with the current as-at date and settings. */
  async function scan(progress: Progress): Promise<PlanReport> {
    const { asAt } = getState();
    const settings = settingsOf(getState());
    const report = await ops.scan(asAt, settings, progress);
    dispatch({ type: "report", report, asAt, settings });
    return report;
  }

  /** The report, checked again first when the date or settings changed since. */
  async function freshReport(progress: Progress): Promise<PlanReport> {
    const s = getState();
    return s.report && !reportIsStale(s) ? s.report : scan(progress);
  }

  async function load(): Promise<void> {
    await run({ kind: "load" }, "load", async () => {
      let loaded;
      try {
        loaded = await backend.loadSettings();
      } catch (e) {
        dispatch({ type: "settings", settings: settingsOf(getState()) });
        throw new SaidError(say.settingsUnreadableText(explain(e)));
      }
      dispatch({ type: "settings", settings: loaded.settings });
      return loaded.warning ? { notice: say.standardSettingsNotice(loaded.warning) } : {};
    });
  }

  async function check(): Promise<void> {
    await run({ kind: "check" }, "check", async (progress) => {
      const report = await scan(progress);
      return { status: say.checkedStatus(report), notice: say.withHostWarnings(null, hostWarnings()) };
    });
  }

  async function colour(): Promise<void> {
    await run({ kind: "colour" }, "colour", async (progress) => {
      const report = await freshReport(progress);
      await ops.colour(report, progress);
      return { status: say.colouredStatus(report), notice: say.withHostWarnings(say.colouredNotice(report, undo), hostWarnings()) };
    });
  }

  async function clear(): Promise<void> {
    await run({ kind: "clear" }, "clear", async () => {
      await ops.clear();
      return { status: say.CLEARED_STATUS, notice: say.withHostWarnings(say.clearedNotice(undo), hostWarnings()) };
    });
  }

  async function buildSummaries(): Promise<void> {
    await run({ kind: "summaries" }, "summaries", async (progress) => {
      const report = await freshReport(progress);
      const result = await ops.summaries(report, settingsOf(getState()), progress);
      return { status: say.summariesStatus(result), notice: say.withHostWarnings(say.summariesNotice(result, report.asAt, undo), hostWarnings()) };
    });
  }

  async function saveSettings(settings: Settings): Promise<void> {
    const saved = await run({ kind: "saveSettings", settings }, "save", async () => {
      await backend.saveSettings(settings);
      dispatch({ type: "settings", settings });
      return { status: say.SETTINGS_SAVED_STATUS };
    });
    if (saved && getState().report) await check();
  }

  async function correctSheet(sheet: string, override: SheetOverride | null): Promise<void> {
    const saved = await run({ kind: "correctSheet", sheet, override }, "save", async () => {
      // Built from the settings as they are when the work starts, so a retry builds on the newest.
      const settings = withSheetCorrection(settingsOf(getState()), sheet, override);
      await backend.saveSettings(settings);
      dispatch({ type: "settings", settings });
      return { status: say.correctionSavedStatus(sheet) };
    });
    if (saved) await check();
  }

  async function selectCell(sheet: string, address: string): Promise<void> {
    // Not a long task: no progress bar, but errors are shown like any other.
    try {
      await backend.selectCell(sheet, address);
    } catch (e) {
      dispatch({ type: "problem", problem: { title: say.selectFailedTitle(sheet, address), text: explain(e), retry: { kind: "selectCell", sheet, address } } });
    }
  }

  async function takeSelectedRow(sheet: string): Promise<void> {
    let selected: { sheet: string; row: number };
    try {
      selected = await backend.selectedCell();
    } catch (e) {
      dispatch({ type: "problem", problem: { title: say.SELECTION_UNREADABLE_TITLE, text: explain(e), retry: { kind: "takeSelectedRow", sheet } } });
      return;
    }
    if (selected.sheet !== sheet) {
      dispatch({ type: "problem", problem: say.selectionOnOtherSheet(sheet, selected.sheet) });
      return;
    }
    const current = settingsOf(getState()).sheets[sheet];
    await correctSheet(sheet, { ...current, headerRow: selected.row, columns: undefined, ignore: undefined });
  }

  function perform(op: Operation): Promise<void> {
    switch (op.kind) {
      case "load":
        return load();
      case "check":
        return check();
      case "colour":
        return colour();
      case "clear":
        return clear();
      case "summaries":
        return buildSummaries();
      case "saveSettings":
        return saveSettings(op.settings);
      case "correctSheet":
        return correctSheet(op.sheet, op.override);
      case "selectCell":
        return selectCell(op.sheet, op.address);
      case "takeSelectedRow":
        return takeSelectedRow(op.sheet);
    }
  }

  async function retry(): Promise<void> {
    const { busy, problem } = getState();
    if (busy || !problem?.retry) return;
    dispatch({ type: "dismissProblem" });
    await perform(problem.retry);
  }

  return { capabilities, load, check, colour, clear, buildSummaries, saveSettings, correctSheet, selectCell, takeSelectedRow, retry, perform };
}
