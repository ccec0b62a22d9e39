// Writing Plan Monitor's own sheets into the open workbook: each is rewritten in
// place when its marker is proved (engine/owned.ts), else added under a free name
// (engine/sheet-names.ts); a user's sheet is never touched. 2 syncs (more only
// when the data passes the payload budget): requests grow with bytes, not cells.
// Rewriting clears the sheet first, so running it again after a half-applied
// run gives the same sheets.
import { cellAddress, columnLetter } from "../engine/grid";
import type { Progress, WriteSheetsResult } from "../engine/host";
import { MARKER_COMMENT, markerName, markerRef } from "../engine/owned";
import { nameNewSheet } from "../engine/sheet-names";
import { cellFormula, cellNumberFormat, type SheetCell, type SheetCellStyle, type SheetCellValue, type SheetSpec } from "../engine/writeback";
import { areaA1, cellsToAreas, chunkAddresses } from "./a1";
import { OBJECT_REQUEST_BYTES, arrayRequestOverhead, utf8Length } from "./batching";
import { PlanMonitorError, protectedSheetMessage } from "./errors";
import type { SizeOptions } from "./options";
import { probeMarker, provedSheet } from "./owned";

/** Cells per Range.formulas block a summary sheet is written in. */
const WRITE_CHUNK_CELLS = 20_000;
/** Column width from characters (as in .xlsx files) to the points Office.js uses. */
export const charsToPoints = (chars: number): number => (chars * 7 + 5) * 0.75;

/**
 * A value as it must be typed so Excel keeps it: Excel converts strings written
 * through Range.values or Range.formulas as if typed ("1.10" → 1.1, "2024-05-01" → a date, "TRUE",
 * "=…"), so text gets the apostrophe prefix, except in cells formatted as text
 * ("@"), which Excel leaves alone (there the apostrophe would be kept as text).
 */
const asTyped = (v: SheetCellValue, format: string | undefined): string | number | boolean =>
  v === null ? "" : typeof v === "string" ? (v === "" || format === "@" ? v : `'${v}`) : v;

/**
 * Write (or rewrite in place) Plan Monitor's own sheets. `undoable`: the run is
 * one undo group (ExcelApi 1.20), so only calls Excel can undo are made: the
 * marker gets no comment (NamedItem.comment cannot be undone on the web) and a
 * sheet's visibility is set only when it changes (Worksheet.visibility cannot be
 * undone on Windows and Mac).
 */
export async function writeSheets(context: Excel.RequestContext, specs: SheetSpec[], options: SizeOptions, progress?: Progress, undoable = false): Promise<WriteSheetsResult> {
  progress?.(0, specs.length + 1, "Checking the sheets");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/visibility,items/protection/protected,items/charts/items/name");
  const names = context.workbook.names;
  const probes = specs.map((spec) => probeMarker(context, spec.kind));
  await context.sync();

  const result: WriteSheetsResult = { written: [], notices: [] };
  const byName = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
  const taken = new Set(sheets.items.map((ws) => ws.name.toLowerCase()));
  type Target = { spec: SheetSpec; ws: Excel.Worksheet; name: string; existing: boolean; visibility: string; charts: string[]; staleMarker?: Excel.NamedItem };
  const targets: Target[] = [];
  for (const [i, spec] of specs.entries()) {
    // Ours only when the marker is proved (A1 holds Plan Monitor's title): a
    // marker on a user's sheet is replaced, the sheet left alone.
    const { sheet, marker } = provedSheet(probes[i]);
    const ours = sheet !== null ? byName.get(sheet.toLowerCase()) : undefined;
    if (ours) {
      if (ours.protection.protected) throw new PlanMonitorError(protectedSheetMessage(ours.name, "update"), { code: "AccessDenied" });
      targets.push({ spec, ws: ours, name: ours.name, existing: true, visibility: ours.visibility, charts: ours.charts.items.map((c) => c.name) });
      continue;
    }
    const { name, notice } = nameNewSheet(spec.name, taken);
    if (notice) result.notices.push(notice);
    taken.add(name.toLowerCase());
    targets.push({ spec, ws: null as unknown as Excel.Worksheet, name, existing: false, visibility: "Visible", charts: [], staleMarker: marker ?? undefined });
  }

  let pending = 0;
  const flushIfFull = async (bytes: number) => {
    if (pending > 0 && pending + bytes > options.payloadBudgetBytes) {
      await context.sync();
      pending = 0;
    }
    pending += bytes;
  };
  for (const [i, t] of targets.entries()) {
    progress?.(i + 1, specs.length + 1, `Writing "${t.name}"`);
    await flushIfFull(OBJECT_REQUEST_BYTES * 8);
    if (t.existing) {
      const whole = t.ws.getRange().untrack();
      whole.clear("All");
      whole.format.useStandardWidth = true;
      for (const chart of t.charts) t.ws.charts.getItem(chart).delete();
      t.ws.freezePanes.unfreeze();
    } else {
      t.staleMarker?.delete();
      t.ws = sheets.add(t.name);
      if (undoable) names.add(markerName(t.spec.kind), `=${markerRef(t.name)}`);
      else names.add(markerName(t.spec.kind), `=${markerRef(t.name)}`, MARKER_COMMENT);
    }
    // A1 (the title that proves the sheet ours) goes in the same request as the
    // new sheet and its marker, or as the clearing: whatever part of a run Excel
    // applies, the next run still finds the sheet and rewrites it in place.
    const a1 = t.spec.rows[0]?.[0] ?? null;
    t.ws.getRange("A1").untrack().formulas = [[cellFormula(a1) ?? asTyped(a1?.value ?? null, undefined)]];
    await queueSheet(t.ws, t.spec, flushIfFull);
    const visibility = t.spec.hidden ? "Hidden" : "Visible";
    if (visibility !== t.visibility) t.ws.visibility = visibility;
    result.written.push({ kind: t.spec.kind, name: t.name });
  }
  await context.sync();
  progress?.(specs.length + 1, specs.length + 1, "Done");
  return result;
}

/** Queue the writes of one summary sheet (it is empty when this runs). */
async function queueSheet(ws: Excel.Worksheet, spec: SheetSpec, flushIfFull: (bytes: number) => Promise<void>): Promise<void> {
  const width = spec.rows.reduce((w, r) => Math.max(w, r.length), 1); // not Math.max(...rows): 200,000 rows overflow the stack
  const height = spec.rows.length;
  const at = (r: number, c: number): SheetCell | null => spec.rows[r]?.[c] ?? null;

  // Per block of rows: number formats first (a text cell takes a string as text,
  // whatever it looks like), one rectangle per run of cells sharing a format; then
  // every value and formula of the block in one Range.formulas (links are
  // =HYPERLINK formulas, see cellFormula: no per-cell hyperlink calls).
  const rowsPerChunk = Math.max(1, Math.floor(WRITE_CHUNK_CELLS / width));
  for (let top = 0; top < height; top += rowsPerChunk) {
    const n = Math.min(rowsPerChunk, height - top);
    const formulas: (string | number | boolean)[][] = [];
    const byFormat = new Map<string, { row: number; col: number }[]>();
    for (let r = top; r < top + n; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = 0; c < width; c++) {
        const cell = at(r, c);
        const format = cellNumberFormat(cell);
        row.push(cellFormula(cell) ?? asTyped(cell?.value ?? null, format));
        if (format && format !== "General") {
          const list = byFormat.get(format) ?? [];
          list.push({ row: r, col: c });
          byFormat.set(format, list);
        }
      }
      formulas.push(row);
    }
    const formatAreas = [...byFormat].flatMap(([format, cells]) => cellsToAreas(cells).map((area) => ({ format, area })));
    let bytes = utf8Length(JSON.stringify(formulas)) + arrayRequestOverhead(n * width);
    for (const { format, area } of formatAreas) {
      const rows = area.bottom - area.top + 1;
      const cells = rows * (area.right - area.left + 1);
      bytes += cells * (utf8Length(JSON.stringify(format)) + 1) + rows * 3 + arrayRequestOverhead(cells);
    }
    await flushIfFull(bytes);
    for (const { format, area } of formatAreas) {
      const rows = area.bottom - area.top + 1;
      const cols = area.right - area.left + 1;
      const row = Array<string>(cols).fill(format);
      ws.getRangeByIndexes(area.top, area.left, rows, cols).untrack().numberFormat = Array.from({ length: rows }, () => row);
    }
    ws.getRangeByIndexes(top, 0, n, width).untrack().formulas = formulas;
  }

  // Styles: one RangeAreas per distinct style (and address chunk). Link cells are
  // underlined, as the .xlsx host does.
  const groups = new Map<string, { style: SheetCellStyle & { underline?: boolean }; cells: { row: number; col: number }[] }>();
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++) {
      const cell = at(r, c);
      const style = cell?.style as SheetCellStyle | undefined;
      if (!style && !cell?.link) continue;
      const { numberFormat: _nf, ...rest } = (style ?? {}) as SheetCellStyle & { underline?: boolean };
      if (cell?.link) rest.underline = true;
      if (!Object.values(rest).some((v) => v !== undefined && v !== false)) continue;
      const key = JSON.stringify(rest, Object.keys(rest).sort());
      const g = groups.get(key) ?? { style: rest, cells: [] as { row: number; col: number }[] };
      g.cells.push({ row: r, col: c });
      groups.set(key, g);
    }
  for (const { style, cells } of groups.values()) {
    for (const address of chunkAddresses(cellsToAreas(cells).map(areaA1))) {
      await flushIfFull(address.length + OBJECT_REQUEST_BYTES * 6);
      const format = ws.getRanges(address).untrack().format;
      if (style.fill) format.fill.color = style.fill;
      if (style.bold) format.font.bold = true;
      if (style.italic) format.font.italic = true;
      if (style.underline) format.font.underline = "Single";
      if (style.fontColor) format.font.color = style.fontColor;
      if (style.fontSize) format.font.size = style.fontSize;
      if (style.horizontal) format.horizontalAlignment = style.horizontal === "left" ? "Left" : style.horizontal === "center" ? "Center" : "Right";
      if (style.wrap) format.wrapText = true;
      if (style.border)
        for (const side of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
          const b = format.borders.getItem(side);
          b.style = "Continuous";
          b.weight = "Thin";
        }
    }
  }

  for (const m of spec.merges ?? []) {
    await flushIfFull(OBJECT_REQUEST_BYTES);
    ws.getRange(areaA1(m)).untrack().merge(false);
  }

  // Column widths are given in characters (as in .xlsx files); Office.js wants points.
  const widths = spec.columnWidths ?? [];
  for (let c = 0; c < widths.length; c++) {
    const w = widths[c];
    if (!(w > 0)) continue;
    let end = c;
    while (end + 1 < widths.length && widths[end + 1] === w) end++;
    await flushIfFull(OBJECT_REQUEST_BYTES);
    ws.getRange(`${columnLetter(c)}:${columnLetter(end)}`).untrack().format.columnWidth = charsToPoints(w);
    c = end;
  }

  for (const chart of spec.charts ?? []) {
    await flushIfFull(OBJECT_REQUEST_BYTES * 10);
    const { top, left, bottom, right } = chart.range;
    const source = ws.getRangeByIndexes(top, left, bottom - top + 1, right - left + 1).untrack();
    const added = ws.charts.add(chart.kind === "barStacked" ? "BarStacked" : "Line", source, chart.seriesBy === "rows" ? "Rows" : "Columns");
    added.title.text = chart.title;
    added.setPosition(cellAddress(chart.anchor.row, chart.anchor.col));
    // The first row/column holds labels: one series per remaining column (or row).
    const series = chart.seriesBy === "rows" ? bottom - top : right - left;
    (chart.colours ?? []).slice(0, Math.max(0, series)).forEach((colour, i) => added.series.getItemAt(i).format.fill.setSolidColor(colour));
  }

  if (spec.print) {
    await flushIfFull(OBJECT_REQUEST_BYTES * 4);
    const page = ws.pageLayout;
    page.orientation = spec.print.landscape ? "Landscape" : "Portrait";
    page.zoom = { horizontalFitToPages: spec.print.fitToPagesWide, verticalFitToPages: 0 };
    if (spec.print.repeatRows) page.setPrintTitleRows(`$${spec.print.repeatRows.first + 1}:$${spec.print.repeatRows.last + 1}`);
    page.headersFooters.defaultForAllPages.centerFooter = spec.print.footer ?? "";
  }
  if (spec.freezeRows && spec.freezeRows > 0) ws.freezePanes.freezeRows(spec.freezeRows);
}
