// The one interface every host implements (Office.js, .xlsx file, browser demo).
// Data flows one way: readGrids → engine → applyColours / writeSheets.
import type { Grid } from "./grid";
import type { ColourPlan, SheetCellValue, SheetSpec } from "./writeback";

export type Progress = (done: number, total: number, what: string) => void;

export interface WriteSheetsResult {
  /** The sheets written, by kind, with the name each got. */
  written: { kind: string; name: string }[];
  /** Things the user should be told, e.g. "A sheet of yours is called … so the summary was named …". */
  notices: string[];
}

/** What a host's workbook application can do, so the task pane can word its promises. */
export interface HostCapabilities {
  /** Colour, clear and summary are each one undo step in Excel (ExcelApi 1.20); otherwise Clear colours is the way back. */
  undo: boolean;
}

export interface PlanHost {
  /** What this host can do; a host without the method has none of the capabilities. */
  capabilities?(): HostCapabilities;
  /** Every worksheet as a grid (sheets the host knows are Plan Monitor's own are marked ownedByPlanMonitor, with their ownedKind). */
  readGrids(progress?: Progress): Promise<Grid[]>;
  /** Colour cells by RAG, replacing any colouring Plan Monitor applied before; values and the user's own formats are never changed. */
  applyColours(plan: ColourPlan, progress?: Progress): Promise<void>;
  /** Remove every colour Plan Monitor applied; the user's formatting is exactly as before. */
  clearColours(): Promise<void>;
  /** Write (or rewrite in place) Plan Monitor's own sheets; never touches a user's sheet. */
  writeSheets(specs: SheetSpec[], progress?: Progress): Promise<WriteSheetsResult>;
  /** The values of one of Plan Monitor's own sheets (e.g. the history), or null when there is none. */
  readOwnedSheet(kind: string): Promise<SheetCellValue[][] | null>;
}
