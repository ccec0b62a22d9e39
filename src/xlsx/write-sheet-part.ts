// A SheetSpec as a worksheet part (SpreadsheetML), written straight into the
// package: values, styles, merges, column widths, row heights for wrapped
// text, internal links, frozen rows, page setup and page breaks. Text is
// written inline (<is>), so the workbook's shared strings are never touched.
// The charts are added afterwards by charts.ts; a chart with nothing to draw
// (no rows in its table) gets a one-line note at its place instead.
import { cellAddress, columnLetter } from "../engine/grid";
import { cutText } from "../engine/text";
import { cellFormula, cellNumberFormat, linkText, MAX_FORMULA_TEXT, type ChartSpec, type SheetCell, type SheetSpec } from "../engine/writeback";
import { chartData } from "./charts";
import type { CellLook, StylesPart } from "./styles-part";
import { cellText } from "./xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;
/** Excel's default column width, in characters. */
const DEFAULT_WIDTH = 9;

type Area = NonNullable<SheetSpec["merges"]>[number];

/** One cell as written: what it holds and how it looks. */
interface PlacedCell {
  value: SheetCell["value"];
  formula?: string;
  look: CellLook;
}

/**
 * The worksheet part of a spec as UTF-8 bytes, with its styles added to
 * `styles`. printTitles: the rows to repeat ("$1:$3"), for the workbook's
 * defined name. The part of 200,000 actions' exceptions is over 100 MB of XML,
 * so it is built in chunks of bytes, never as one string.
 */
export function sheetPartXml(spec: SheetSpec, styles: StylesPart): { xml: Buffer; printTitles?: string } {
  const rows: (PlacedCell | undefined)[][] = spec.rows.map((row) => row.map((c) => (c ? placed(c) : undefined)));
  const merges: Area[] = [...(spec.merges ?? [])];
  const charts = spec.charts ?? [];
  for (const chart of charts) if (!chartData(spec, chart)) merges.push(...chartNote(rows, chart, spec));
  const heights = wrappedRowHeights(rows, spec.columnWidths ?? [], merges);
  const breaks = charts.filter((c) => c.anchor.row > 0 && chartData(spec, c)).map((c) => c.anchor.row);

  const out = new ByteChunks();
  out.push(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`);
  out.push(spec.print ? `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` : "");
  const freeze = spec.freezeRows ?? 0;
  out.push(
    freeze > 0
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>`
      : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`,
  );
  out.push(`<sheetFormatPr defaultRowHeight="${LINE_HEIGHT}"/>`);
  const widths = spec.columnWidths ?? [];
  if (widths.length) out.push(`<cols>${widths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`);
  out.push("<sheetData>");
  rows.forEach((row, r) => {
    let cells = "";
    row.forEach((cell, c) => {
      if (cell) cells += cellXml(cell, r, c, styles);
    });
    const height = heights[r];
    if (!cells && height === undefined) return;
    out.push(`<row r="${r + 1}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ""}>${cells}</row>`);
  });
  out.push("</sheetData>");
  if (merges.length) out.push(`<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}"/>`).join("")}</mergeCells>`);
  let printTitles: string | undefined;
  if (spec.print) {
    const p = spec.print;
    out.push(`<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>`);
    out.push(`<pageSetup paperSize="9" orientation="${p.landscape ? "landscape" : "portrait"}" fitToWidth="${p.fitToPagesWide}" fitToHeight="0"/>`);
    if (p.footer) out.push(`<headerFooter><oddFooter>${cellText(`&C${p.footer}`)}</oddFooter></headerFooter>`);
    if (p.repeatRows) printTitles = `$${p.repeatRows.first + 1}:$${p.repeatRows.last + 1}`;
  }
  if (breaks.length) out.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((b) => `<brk id="${b}" max="16383" man="1"/>`).join("")}</rowBreaks>`);
  out.push("</worksheet>");
  return { xml: out.bytes(), printTitles };
}

/** Text collected into UTF-8 chunks of about a megabyte each. */
class ByteChunks {
  private readonly chunks: Buffer[] = [];
  private pending = "";

  push(text: string): void {
    this.pending += text;
    if (this.pending.length >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending) this.chunks.push(Buffer.from(this.pending, "utf8"));
    this.pending = "";
  }

  bytes(): Buffer {
    this.flush();
    return Buffer.concat(this.chunks);
  }
}

function placed(c: SheetCell): PlacedCell {
  const formula = cellFormula(c);
  const s = c.style ?? {};
  const look: CellLook = {};
  if (s.bold) look.bold = true;
  if (s.italic) look.italic = true;
  if (c.link) look.underline = true;
  if (s.fontSize) look.fontSize = s.fontSize;
  if (s.fontColor) look.fontColor = s.fontColor;
  if (s.fill) look.fill = s.fill;
  if (s.border) look.border = true;
  const numberFormat = cellNumberFormat(c);
  if (numberFormat) look.numberFormat = numberFormat;
  if (s.horizontal) look.horizontal = s.horizontal;
  if (s.wrap) look.wrap = true;
  // A link shows its text (cut as the formula cuts it) until Excel recalculates.
  const value = c.link && !c.formula ? cutText(linkText(c), MAX_FORMULA_TEXT) : c.value;
  return formula ? { value, formula: formula.slice(1), look } : { value, look };
}

function cellXml(cell: PlacedCell, r: number, c: number, styles: StylesPart): string {
  const ref = `${columnLetter(c)}${r + 1}`;
  const s = styles.cellFormat(cell.look);
  const style = s ? ` s="${s}"` : "";
  const v = cell.value;
  if (cell.formula !== undefined) {
    const f = `<f>${cellText(cell.formula)}</f>`;
    if (typeof v === "number") return `<c r="${ref}"${style}>${f}<v>${v}</v></c>`;
    if (typeof v === "boolean") return `<c r="${ref}"${style} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${style} t="str">${f}<v>${cellText(v ?? "")}</v></c>`;
  }
  // An empty text is an empty cell, as Excel makes it when "" is entered.
  if (v === null || v === undefined || v === "") return `<c r="${ref}"${style}/>`;
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : `<c r="${ref}"${style}/>`;
  if (typeof v === "boolean") return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${cellText(v)}</t></is></c>`;
}

/** Writes the note that stands in for a chart; returns the area it is merged across (none when it fits one cell). */
function chartNote(rows: (PlacedCell | undefined)[][], chart: ChartSpec, spec: SheetSpec): Area[] {
  const { row, col } = chart.anchor;
  while (rows.length <= row) rows.push([]);
  rows[row][col] = { value: `Chart “${chart.title}”: nothing to draw yet, because its table has no rows.`, look: { italic: true, fontColor: "#595959", wrap: true } };
  const right = Math.max(col, (spec.columnWidths?.length ?? 1) - 1);
  return right > col ? [{ top: row, left: col, bottom: row, right }] : [];
}

/**
 * Excel does not grow a row for wrapped text when it opens a file, so the
 * heights are estimated from the text length and the width of the cell (or
 * its merged area). Rows that need no more than one line of 11-point text get
 * no height (undefined).
 */
function wrappedRowHeights(rows: (PlacedCell | undefined)[][], columnWidths: readonly number[], merges: readonly Area[]): (number | undefined)[] {
  const widthOf = (c: number): number => columnWidths[c] ?? DEFAULT_WIDTH;
  const spans = new Map<string, number>();
  const covered = new Set<string>();
  for (const m of merges) {
    if (m.top === m.bottom) spans.set(`${m.top},${m.left}`, m.right);
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  return rows.map((row, r) => {
    let lines = 1;
    let lineHeight = LINE_HEIGHT;
    row.forEach((cell, c) => {
      if (!cell) return;
      if (cell.look.fontSize) lineHeight = Math.max(lineHeight, Math.ceil(cell.look.fontSize * 1.35));
      if (!cell.look.wrap || covered.has(`${r},${c}`)) return;
      const right = spans.get(`${r},${c}`) ?? c;
      let width = 0;
      for (let k = c; k <= right; k++) width += widthOf(k);
      const emphasised = Boolean(cell.look.bold || cell.look.italic);
      lines = Math.max(lines, linesFor(shownText(cell.value), width, emphasised ? 0.95 : 1.1));
    });
    return lines > 1 || lineHeight > LINE_HEIGHT ? lines * lineHeight : undefined;
  });
}

const shownText = (v: PlacedCell["value"]): string => (v === null || v === undefined ? "" : String(v));

/** Lines a text wraps to in a cell of this width (in characters); `fill` is characters per width unit (bold and italic run wider). */
function linesFor(text: string, width: number, fill: number): number {
  const perLine = Math.max(1, Math.floor(width * fill) - 1);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}
