// The one place where the task pane meets the rest of Plan Monitor.
// The pane talks to a TaskpaneBackend (the Office.js host in Excel, an
// in-memory host on the demo page or in tests) and runs the host-agnostic
// operations of src/engine/workflow.ts; it never reads or writes a workbook itself.
import type { HostCapabilities, PlanHost, Progress, WriteSheetsResult } from "../engine/host";
import type { PlanReport } from "../engine/report";
import type { Settings } from "../engine/settings";
import { buildSummaries, colourWorkbook, scanWorkbook } from "../engine/workflow";
import { OfficePlanHost, explainOfficeError, type OfficeHostOptions } from "../excel";

/** Settings as loaded: the defaults with a warning in plain words when what was saved is not usable. */
export interface LoadedSettings {
  settings: Settings;
  warning?: string;
}

/** What the task pane needs from where it runs. The Office.js host satisfies it; so can a demo page. */
export interface TaskpaneBackend {
  host: PlanHost;
  /** The settings saved in the workbook (defaults when none). */
  loadSettings(): Promise<LoadedSettings>;
  saveSettings(settings: Settings): Promise<void>;
  /** Select a cell (A1 address) on a sheet and bring it into view. */
  selectCell(sheet: string, address: string): Promise<void>;
  /** The sheet and 1-based row of the cell the user has selected. */
  selectedCell(): Promise<{ sheet: string; row: number }>;
  /** Plain-words explanation of an error from this host (e.g. explainOfficeError). */
  explainError?(error: unknown): string;
  /** What the host wants the user told after its last operation (e.g. merged cells could not be read). */
  warnings?(): readonly string[];
}

/** The work the pane asks for, whatever the host. */
export interface TaskpaneOperations {
  scan(asAt: string, settings: Settings, progress: Progress): Promise<PlanReport>;
  colour(report: PlanReport, progress: Progress): Promise<void>;
  clear(): Promise<void>;
  summaries(report: PlanReport, settings: Settings, progress: Progress): Promise<WriteSheetsResult>;
}

/** What the backend's host can do; a host that does not say, or fails to, can do none of it. */
export function hostCapabilities(backend: TaskpaneBackend): HostCapabilities {
  try {
    return { undo: backend.host.capabilities?.().undo === true };
  } catch {
    return { undo: false };
  }
}

/** The engine's workflow on a backend's host. */
export function operationsFor(backend: TaskpaneBackend): TaskpaneOperations {
  const { host } = backend;
  return {
    scan: (asAt, settings, progress) => scanWorkbook(host, { asAt, settings }, progress),
    colour: (report, progress) => colourWorkbook(host, report, progress),
    clear: () => host.clearColours(),
    summaries: (report, settings, progress) => buildSummaries(host, report, settings, progress),
  };
}

/** The backend in Excel: the Office.js host, its settings store, and cell selection. */
export function createOfficeBackend(options: OfficeHostOptions = {}): TaskpaneBackend {
  const host = new OfficePlanHost(options);
  return {
    host,
    loadSettings: () => host.loadSettings(),
    saveSettings: (settings) => host.saveSettings(settings),
    selectCell: (sheet, address) => host.selectCell(sheet, address),
    selectedCell: () => host.selectedCell(),
    explainError: (e) => explainOfficeError(e),
    warnings: () => host.warnings,
  };
}
