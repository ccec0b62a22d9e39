// The task pane's state and the one pure reducer that changes it. No React, no
// host, no wording: what the pane says is composed in messages.ts, the work is
// done in effects.ts.
import type { PlanReport } from "../engine/report";
import { defaultSettings, type Settings, type SheetOverride } from "../engine/settings";

/** A long piece of work, shown with a progress bar while it runs. */
export type Task = "load" | "check" | "colour" | "clear" | "summaries" | "save" | "select";

/** What the user asked for, as data: "Try again" runs it again exactly. */
export type Operation =
  | { kind: "load" }
  | { kind: "check" }
  | { kind: "colour" }
  | { kind: "clear" }
  | { kind: "summaries" }
  | { kind: "saveSettings"; settings: Settings }
  | { kind: "correctSheet"; sheet: string; override: SheetOverride | null }
  | { kind: "selectCell"; sheet: string; address: string }
  | { kind: "takeSelectedRow"; sheet: string };

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
  /** The operation that failed, when trying it again may help. */
  retry?: Operation;
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

export type Action =
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

/** Today's date in the user's own time zone as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

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
      // Whatever failed, the pane is free again: no error leaves it busy.
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
      return state.problem ? { ...state, problem: null } : state;
    case "dismissNotice":
      return state.notice ? { ...state, notice: null } : state;
  }
}

/** Is the report out of date (as-at date or settings changed since it was made)? */
export const reportIsStale = (s: CheckState): boolean =>
  s.report !== null && (s.reportMadeWith?.asAt !== s.asAt || s.reportMadeWith?.settings !== s.settings);

/** The settings to work with: as saved, or the standard ones until they are loaded. */
export const settingsOf = (s: CheckState): Settings => s.settings ?? defaultSettings();

/** The settings with one sheet's correction saved (or, with null or an empty correction, removed). */
export function withSheetCorrection(settings: Settings, sheet: string, override: SheetOverride | null): Settings {
  const sheets = { ...settings.sheets };
  const kept = override && (Object.fromEntries(Object.entries(override).filter(([, v]) => v !== undefined)) as SheetOverride);
  if (kept && Object.keys(kept).length) sheets[sheet] = kept;
  else delete sheets[sheet];
  return { ...settings, sheets };
}
