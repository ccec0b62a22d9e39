// Reading written workbooks back the way a reader (or Excel) sees them: plain
// exceljs, cell by cell, so the tests do not trust the host's own reader.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import type { ColourPlan } from "../../src/engine/writeback";
import { XlsxHost } from "../../src/xlsx/host";
import { writePackage } from "../../src/xlsx/write-package";
import { ownedSheets } from "../../src/xlsx/owned-sheets";

export async function load(buffer: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as ArrayBuffer);
  return wb;
}

export const hostFor = (file: string): Promise<XlsxHost> => XlsxHost.fromBuffer(readFileSync(file));

/** A host over a workbook made or changed in exceljs (saved, then opened as a file). */
export async function hostOf(wb: ExcelJS.Workbook): Promise<XlsxHost> {
  return XlsxHost.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** The host's copy, changed as a user would change it in Excel (here with exceljs), then opened again: the next run's host. */
export async function edited(host: XlsxHost, edit: (wb: ExcelJS.Workbook) => void): Promise<XlsxHost> {
  const wb = await load(await host.toBuffer());
  edit(wb);
  return hostOf(wb);
}

/** A workbook coloured the way `check --out` colours it (the package writer), opened again in exceljs. */
export async function colouredByCli(wb: ExcelJS.Workbook, plan: ColourPlan): Promise<ExcelJS.Workbook> {
  return load(await writePackage(Buffer.from(await wb.xlsx.writeBuffer()), { colours: plan, sheets: [], macroEnabled: false }));
}

/** A workbook with the command line's clearing applied (Plan Monitor's colouring removed), opened again. */
export const clearedByCli = (wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> => colouredByCli(wb, { sheets: [] });

/** Save and load again: what a later run (or a user) would open. */
export async function reopen(host: XlsxHost): Promise<XlsxHost> {
  return XlsxHost.fromBuffer(await host.toBuffer());
}

export function ownedSheet(wb: ExcelJS.Workbook, kind: string): ExcelJS.Worksheet {
  const ws = ownedSheets(wb).get(kind);
  if (!ws) throw new Error(`no sheet marked as Plan Monitor's ${kind}`);
  return ws;
}

/** The value of a cell as written: a number, a string, or the text of a link. */
export function valueAt(ws: ExcelJS.Worksheet, row: number, col: number): unknown {
  const cell = ws.getCell(row, col);
  if (cell.isMerged && cell.master !== cell) return null; // as Excel reports it: only the top-left cell holds the value
  const v = cell.value;
  if (v && typeof v === "object" && "result" in v) return (v as { result: unknown }).result;
  if (v && typeof v === "object" && "text" in v) return (v as { text: string }).text;
  return v;
}

/** The target of a link cell, =HYPERLINK("#'Sheet'!C12", …) → "#'Sheet'!C12". */
export function linkAt(ws: ExcelJS.Worksheet, row: number, col: number): string | undefined {
  const v = ws.getCell(row, col).value;
  if (!v || typeof v !== "object" || !("formula" in v)) return undefined;
  const m = /^HYPERLINK\("((?:[^"]|"")*)",/.exec((v as { formula: string }).formula);
  return m ? m[1].replace(/""/g, '"') : undefined;
}

/** 1-based row whose first cells are these values, or -1. */
export function findRow(ws: ExcelJS.Worksheet, ...cells: unknown[]): number {
  for (let r = 1; r <= ws.rowCount; r++) if (cells.every((c, i) => valueAt(ws, r, i + 1) === c)) return r;
  return -1;
}

/** 1-based row whose first cell starts with this text, or -1. */
export function findRowStarting(ws: ExcelJS.Worksheet, prefix: string, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++) {
    const v = valueAt(ws, r, 1);
    if (typeof v === "string" && v.startsWith(prefix)) return r;
  }
  return -1;
}

/** Every cell value of every sheet, for comparing two workbooks. */
export function allValues(wb: ExcelJS.Workbook): Record<string, unknown[][]> {
  const out: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      rows[r - 1] = [];
      row.eachCell({ includeEmpty: true }, (c, col) => (rows[r - 1][col - 1] = JSON.parse(JSON.stringify(c.value ?? null))));
    });
    out[ws.name] = rows;
  }
  return out;
}

/** Values, fills, fonts, number formats and alignment of every cell: what colouring must never change. */
export function cellFormats(wb: ExcelJS.Workbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        out[`${ws.name}!${c.address}`] = JSON.parse(JSON.stringify({ value: c.value, fill: c.fill, font: c.font, numFmt: c.numFmt, alignment: c.alignment, border: c.border }));
      }),
    );
  }
  return out;
}

export const conditionalFormats = (wb: ExcelJS.Workbook): Record<string, unknown> =>
  Object.fromEntries(
    wb.worksheets.map((ws) => [ws.name, JSON.parse(JSON.stringify((ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings ?? []))]),
  );
