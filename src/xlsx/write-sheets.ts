// Writing a SheetSpec into an exceljs worksheet: values, styles, merges,
// column widths, internal links, frozen rows and page setup. exceljs cannot
// write charts: charts.ts adds them to the package afterwards (XlsxHost.toBuffer).
// A chart with nothing to draw (no rows in its table) gets a one-line note instead.
import type ExcelJS from "exceljs";
import { cutText } from "../engine/text";
import { chartData } from "./charts";
import { cellFormula, cellNumberFormat, linkText, MAX_FORMULA_TEXT, type ChartSpec, type PrintSpec, type SheetCell, type SheetCellStyle, type SheetSpec } from "../engine/writeback";

const THIN = { style: "thin" as const, color: { argb: "FF808080" } };
const argb = (hex: string): string => `FF${hex.replace(/^#/, "").toUpperCase()}`;
/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;

export function writeSpec(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  spec.columnWidths?.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  spec.rows.forEach((row, r) => row.forEach((c, col) => c && writeCell(ws.getCell(r + 1, col + 1), c)));
  for (const m of spec.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  // Charts are drawn by charts.ts; one with no data gets a note at its anchor instead.
  const charts = spec.charts ?? [];
  const noteMerges = charts.filter((chart) => !chartData(spec, chart)).map((chart) => writeChartNote(ws, chart, spec, chart.anchor.row));
  // Printed, each chart starts a page of its own rather than being cut by a page break.
  for (const chart of charts) if (chart.anchor.row > 0 && chartData(spec, chart)) ws.getRow(chart.anchor.row).addPageBreak();
  fitWrappedRows(ws, spec.columnWidths ?? [], [...(spec.merges ?? []), ...noteMerges]);
  if (spec.freezeRows) ws.views = [{ state: "frozen", ySplit: spec.freezeRows, xSplit: 0 }];
  if (spec.print) applyPrint(ws, spec.print);
  if (spec.hidden) ws.state = "hidden";
}

function writeCell(target: ExcelJS.Cell, c: SheetCell): void {
  const formula = cellFormula(c);
  target.value = formula ? { formula: formula.slice(1), result: cachedResult(c), date1904: false } : c.value;
  applyStyle(target, { ...c.style, numberFormat: cellNumberFormat(c) }, Boolean(c.link));
}

/** What a formula cell shows until Excel recalculates it: a link's text (cut as the formula cuts it), else the cell's value. */
function cachedResult(c: SheetCell): ExcelJS.CellFormulaValue["result"] {
  if (c.link && !c.formula) return cutText(linkText(c), MAX_FORMULA_TEXT);
  return c.value ?? undefined;
}

/** Every cell gets a named font: a font without a name falls back to a serif face in some programs. */
const FONT = { name: "Calibri", family: 2, size: 11 } as const;

/**
 * One style object per distinct style, shared by every cell that has it: a summary
 * of 200,000 actions has millions of cells but a few dozen styles, and a fresh font,
 * fill, alignment and border per cell cost over a gigabyte. exceljs shares style
 * objects itself (merged cells share their master's); nothing changes a summary
 * cell's style in place after it is written (writeChartNote replaces it whole).
 */
const styles = new Map<string, Partial<ExcelJS.Style>>();
const MAX_SHARED_STYLES = 10_000;

function applyStyle(target: ExcelJS.Cell, s: SheetCellStyle, isLink: boolean): void {
  const key = JSON.stringify([s.fontSize, s.bold, s.italic, s.fontColor, isLink, s.fill, s.numberFormat, s.horizontal, s.wrap, s.border]);
  let style = styles.get(key);
  if (!style) {
    style = styleOf(s, isLink);
    if (styles.size < MAX_SHARED_STYLES) styles.set(key, style);
  }
  target.style = style;
}

function styleOf(s: SheetCellStyle, isLink: boolean): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = { ...FONT };
  if (s.fontSize) font.size = s.fontSize;
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.fontColor) font.color = { argb: argb(s.fontColor) };
  if (isLink) font.underline = true;
  const style: Partial<ExcelJS.Style> = { font };
  if (s.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.numberFormat) style.numFmt = s.numberFormat;
  if (s.horizontal || s.wrap) style.alignment = { horizontal: s.horizontal, wrapText: s.wrap || undefined, vertical: "top" };
  if (s.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  return style;
}

type Area = NonNullable<SheetSpec["merges"]>[number];

/** Writes the note that stands in for a chart; returns the area it is merged across. */
function writeChartNote(ws: ExcelJS.Worksheet, chart: ChartSpec, spec: SheetSpec, row: number): Area {
  const { anchor } = chart;
  const cell = ws.getCell(row + 1, anchor.col + 1);
  cell.value = `Chart “${chart.title}”: nothing to draw yet, because its table has no rows.`;
  cell.style = { ...cell.style, font: { ...FONT, italic: true, color: { argb: "FF595959" } }, alignment: { wrapText: true, vertical: "top" } };
  const right = Math.max(anchor.col, (spec.columnWidths?.length ?? 1) - 1);
  if (right > anchor.col) ws.mergeCells(row + 1, anchor.col + 1, row + 1, right + 1);
  return { top: row, left: anchor.col, bottom: row, right };
}

/**
 * exceljs writes no row heights and Excel does not grow a row for wrapped text
 * when it opens a file, so estimate them from the text length and the width of
 * the cell (or its merged area).
 */
function fitWrappedRows(ws: ExcelJS.Worksheet, columnWidths: readonly number[], merges: readonly Area[]): void {
  const widthOf = (c: number): number => columnWidths[c] ?? 9;
  const spans = new Map<string, number>();
  for (const m of merges) if (m.top === m.bottom) spans.set(`${m.top},${m.left}`, m.right);
  ws.eachRow((row, rowNumber) => {
    let lines = 1;
    let lineHeight = LINE_HEIGHT;
    row.eachCell((cell, col) => {
      if (cell.font?.size) lineHeight = Math.max(lineHeight, Math.ceil(cell.font.size * 1.35));
      if (!cell.alignment?.wrapText || cell.isMerged && cell.master !== cell) return;
      const right = spans.get(`${rowNumber - 1},${col - 1}`) ?? col - 1;
      let width = 0;
      for (let c = col - 1; c <= right; c++) width += widthOf(c);
      const emphasised = Boolean(cell.font?.bold || cell.font?.italic);
      lines = Math.max(lines, linesFor(String(cell.text ?? ""), width, emphasised ? 0.95 : 1.1));
    });
    if (lines > 1 || lineHeight > LINE_HEIGHT) row.height = lines * lineHeight;
  });
}

/** Lines a text wraps to in a cell of this width (in characters); `fill` is characters per width unit (bold and italic run wider). */
function linesFor(text: string, width: number, fill: number): number {
  const perLine = Math.max(1, Math.floor(width * fill) - 1);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function applyPrint(ws: ExcelJS.Worksheet, p: PrintSpec): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: p.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: p.fitToPagesWide,
    fitToHeight: 0,
    paperSize: 9, // A4
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    printTitlesRow: p.repeatRows ? `${p.repeatRows.first + 1}:${p.repeatRows.last + 1}` : undefined,
  };
  if (p.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${p.footer}` };
}
