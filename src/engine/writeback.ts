// What a host writes back into a workbook, described once so that the Office.js
// host and the .xlsx host produce the same result. The engine decides *what*;
// a host decides *how* (batching, payload limits, reversibility).
import type { Rag } from "./report";
import { cutText } from "./text";

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
  amber: "Amber (overdue, within the amber window)",
  red: "Red (overdue beyond the amber window)",
  grey: "Grey (cannot assess)",
};

/** The text inside the .xlsx host's rule formulas that says whose rule it is (Excel's rules manager shows it). */
export const COLOUR_MARKER = "Plan Monitor RAG";

/** The .xlsx host's rule formula for a RAG: always TRUE; the quoted text carries the marker. */
export const colourFormula = (rag: Rag): string => `ISTEXT("${COLOUR_MARKER}: ${rag}")`;

/** A conditional format as a host reads it, enough to tell whether it is Plan Monitor's. */
export interface ConditionalRule {
  /** A formula ("custom" / "expression") rule. */
  custom: boolean;
  formulas: readonly string[];
  /** Its fill, "#RRGGBB" or ARGB "FFRRGGBB". */
  fill?: string | null;
  /** Whether the rule stops lower rules; undefined where the host cannot read it (exceljs). */
  stopIfTrue?: boolean;
}

const squash = (f: string): string => f.replace(/\s/g, "").replace(/^=/, "").toUpperCase();
const rgbOf = (colour: string | null | undefined): string => (colour ?? "").replace(/^#/, "").toUpperCase().slice(-6);
const RAG_RGB = new Set(Object.values(RAG_FILL).map(rgbOf));

/**
 * Whether a rule is Plan Monitor's colouring, written by either host: its formula
 * carries COLOUR_MARKER (the .xlsx host), or it has the Office.js host's shape
 * (formula exactly TRUE, stop-if-true, fill exactly one of the RAG colours). A
 * user's own rule has neither, so clearing never removes it.
 */
export function isPlanMonitorRule(rule: ConditionalRule): boolean {
  if (!rule.custom) return false;
  if (rule.formulas.some((f) => squash(f).includes(squash(COLOUR_MARKER)))) return true;
  return rule.formulas.length === 1 && squash(rule.formulas[0]) === "TRUE" && rule.stopIfTrue !== false && RAG_RGB.has(rgbOf(rule.fill));
}

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
  /** Points; the host's default size when absent. */
  fontSize?: number;
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
  /** Internal link, e.g. "'Improvement Plan'!A12": every host writes it as linkFormula(link, text) (see cellFormula). */
  link?: string;
  /** Formula, written instead of the value when the host supports it (value is its cached result). */
  formula?: string;
}

/** Excel's limit on a text constant inside a formula. */
export const MAX_FORMULA_TEXT = 255;
const formulaText = (s: string): string => `"${cutText(s, MAX_FORMULA_TEXT).replace(/"/g, '""')}"`;

/**
 * An internal link as a formula, =HYPERLINK("#'Sheet'!C12","text"): the one form
 * both hosts write. A formula travels with the cell's value (the Office host writes
 * a whole block with one Range.formulas instead of one hyperlink call per cell),
 * and Excel and LibreOffice follow it within the workbook (exceljs's own hyperlinks
 * are external relationships that LibreOffice reads as a link to another file).
 */
export const linkFormula = (link: string, text: string): string => `=HYPERLINK(${formulaText(`#${link}`)},${formulaText(text)})`;

/** The text a link cell shows: its value, or the link itself when it has none. */
export function linkText(cell: SheetCell): string {
  const v = cell.value;
  if (v === null || v === "") return cell.link ?? "";
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

/**
 * The formula a host writes for a cell ("=…"), or undefined for a plain value: the
 * cell's own formula, else its link as linkFormula. Written once here so every host
 * writes the same thing; the cell's value is the formula's cached result (for a link,
 * the text it shows).
 */
export function cellFormula(cell: SheetCell | null | undefined): string | undefined {
  if (!cell) return undefined;
  if (cell.formula) return cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
  if (cell.link) return linkFormula(cell.link, linkText(cell));
  return undefined;
}

/**
 * The number format a host gives a cell: its style's, except that a formula cell
 * never gets text ("@"): Excel keeps whatever is entered into a text cell as text,
 * so a formula written there would show as its own text instead of working.
 */
export function cellNumberFormat(cell: SheetCell | null | undefined): string | undefined {
  const f = cell?.style?.numberFormat;
  return f === "@" && cellFormula(cell) ? undefined : f;
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
