// The grid: one worksheet as a host reads it. Every host (Office.js, .xlsx,
// the in-memory demo) produces this shape; the engine reads nothing else.

/** An Excel error value such as `#REF!` or `#N/A`. */
export interface CellError {
  error: string;
}

/** A raw cell value. Dates are serial numbers, as Office.js gives them. */
export type CellValue = string | number | boolean | CellError | null;

export interface Cell {
  value: CellValue;
  /** The text Excel displays for the cell. */
  text: string;
  /** Number format code; "General" when absent. */
  format?: string;
}

/** A merged area, 0-based and inclusive. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** An Excel table (ListObject) on the sheet, 0-based and inclusive. */
export interface TableArea extends MergedArea {
  name: string;
  hasTotals: boolean;
}

export interface Grid {
  /** Worksheet name. */
  name: string;
  /** rows[r][c], 0-based; missing entries are empty cells. */
  rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>;
  merges: readonly MergedArea[];
  tables?: readonly TableArea[];
  /** The workbook uses the 1904 date system. */
  date1904?: boolean;
  /** Set by a host for sheets it wrote itself (summary sheets): never scanned as plans. */
  ownedByPlanMonitor?: boolean;
  /** With ownedByPlanMonitor: the kind of Plan Monitor sheet ("history", "themes", …) its trusted marker names. */
  ownedKind?: string;
  /** A sheet the user hid ("hidden") or hid where Excel's menus cannot show it ("veryHidden"); absent when visible. */
  visibility?: "hidden" | "veryHidden";
}

export const isCellError = (v: CellValue): v is CellError =>
  typeof v === "object" && v !== null && "error" in v;

/** A cell's text, trimmed; "" for empty cells and errors' own text for errors. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  if (cell.text !== undefined && cell.text !== null && cell.text !== "") return String(cell.text).trim();
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (isCellError(v)) return v.error;
  return String(v).trim();
}

/**
 * Columns that can hold data: the longest row. A merged area adds none (its
 * value is in its top-left cell), so a title merged across a whole row (A1:XFD1)
 * does not make every row 16,384 cells wide.
 */
export function columnCount(grid: Grid): number {
  let n = 0;
  for (const row of grid.rows) if (row && row.length > n) n = row.length;
  return n;
}

// Addresses are the A1 codec's (a1.ts); re-exported for code that reads them with the grid.
export { cellAddress, columnIndex, columnLetter } from "./a1";
