// What a host writes back into a workbook, described once so that the Office.js
// host and the .xlsx host produce the same result. The engine decides *what*;
// a host decides *how* (batching, payload limits, reversibility).
import type { Rag } from "./report";

/** Fill colours per RAG, light enough to read black text on, distinct in greyscale print. */
export const RAG_FILL: Readonly<Record<Rag, string>> = {
  blue: "#9DC3E6",
  green: "#A9D08E",
  amber: "#FFD966",
  red: "#F4B084",
  grey: "#D9D9D9",
};

export const RAG_LABEL: Readonly<Record<Rag, string>> = {
  blue: "Blue (complete)",
  green: "Green (on track)",
  amber: "Amber (overdue)",
  red: "Red (overdue >30 days)",
  grey: "Grey (cannot assess)",
};

/** One cell to colour, 0-based. */
export interface ColourCell {
  row: number;
  col: number;
  rag: Rag;
}

/** Which cells of which sheet get which RAG colour. */
export interface ColourPlan {
  sheets: { name: string; cells: ColourCell[] }[];
}

export type SheetCellValue = string | number | boolean | null;

export interface SheetCellStyle {
  bold?: boolean;
  italic?: boolean;
  fill?: string;
  fontColor?: string;
  numberFormat?: string;
  horizontal?: "left" | "center" | "right";
  wrap?: boolean;
  border?: boolean;
}

export interface SheetCell {
  value: SheetCellValue;
  style?: SheetCellStyle;
  /** Internal link, e.g. "'Improvement Plan'!A12". */
  link?: string;
  /** Formula, written instead of the value when the host supports it (value is its cached result). */
  formula?: string;
}

export interface ChartSpec {
  kind: "barStacked" | "line";
  title: string;
  /** 0-based inclusive range of the source data on this sheet, headers in the first row/column. */
  range: { top: number; left: number; bottom: number; right: number };
  seriesBy: "columns" | "rows";
  /** Series colours in order, e.g. the RAG fills. */
  colours?: string[];
  /** Where to place it: 0-based top-left cell. */
  anchor: { row: number; col: number };
}

export interface PrintSpec {
  landscape: boolean;
  fitToPagesWide: number;
  /** 0-based rows repeated at the top of each printed page. */
  repeatRows?: { first: number; last: number };
  footer?: string;
}

/** A summary sheet Plan Monitor owns, rebuilt in place on every run. */
export interface SheetSpec {
  /** The name it should have, e.g. "PM Summary – Themes". */
  name: string;
  /** Stable identity of the sheet (the marker that says it is ours), e.g. "themes". */
  kind: string;
  rows: (SheetCell | null)[][];
  columnWidths?: number[];
  merges?: { top: number; left: number; bottom: number; right: number }[];
  charts?: ChartSpec[];
  print?: PrintSpec;
  /** 0-based number of rows frozen at the top. */
  freezeRows?: number;
  hidden?: boolean;
}
