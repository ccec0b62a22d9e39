// The .xlsx host's reader: a workbook file into the engine's grids.
import ExcelJS from "exceljs";
import type { Cell, Grid, MergedArea, TableArea } from "../engine/grid";
import { displayText, plainValue, solidFillColour } from "./cells";

/** A workbook that could not be read, with a reason a person understands. */
export class WorkbookReadError extends Error {
  override name = "WorkbookReadError";
}

/** Parse "A1:G167" into a 0-based area. */
export function parseRangeRef(ref: string): MergedArea | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? col(m[3]) : left };
}

/** Grids of every worksheet in a loaded exceljs workbook. */
export function gridsFromWorkbook(wb: ExcelJS.Workbook): Grid[] {
  const date1904 = Boolean(wb.properties?.date1904);
  return wb.worksheets.map((ws) => gridFromWorksheet(ws, date1904));
}

export function gridFromWorksheet(ws: ExcelJS.Worksheet, date1904 = false): Grid {
  const rows: (Cell | undefined)[][] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    if (row.hidden) hiddenRows.push(r);
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      // exceljs gives every cell of a merge the master's value; Excel gives it to the top-left only.
      if (c.isMerged && c.master !== c) return;
      const value = plainValue(c.value, date1904);
      const format = c.numFmt || "General";
      const cell: Cell = { value, text: displayText(value, format), format };
      const fill = solidFillColour(c.fill);
      if (fill) cell.fill = fill;
      if (c.font?.bold) cell.bold = true;
      cells[colNumber - 1] = cell;
    });
    rows[r] = cells;
  });
  const merges: MergedArea[] = [];
  for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
    const area = parseRangeRef(ref);
    if (area) merges.push(area);
  }
  const tables: TableArea[] = [];
  for (const t of ws.getTables?.() ?? []) {
    const table = (t as unknown as { table?: { name?: string; tableRef?: string; ref?: string; totalsRow?: boolean } }).table;
    const area = table && parseRangeRef(table.tableRef ?? table.ref ?? "");
    if (table && area) tables.push({ ...area, name: table.name ?? "", hasTotals: Boolean(table.totalsRow) });
  }
  return { name: ws.name, rows, merges, tables, date1904, hiddenRows };
}

/** Read an .xlsx file's bytes into grids; throws WorkbookReadError with a plain reason. */
export async function readWorkbookBuffer(data: ArrayBuffer | Uint8Array): Promise<{ workbook: ExcelJS.Workbook; grids: Grid[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(explainLoadFailure(e, data));
  }
  return { workbook: wb, grids: gridsFromWorkbook(wb) };
}

function explainLoadFailure(e: unknown, data: ArrayBuffer | Uint8Array): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // Encrypted (password-protected) workbooks are OLE compound files, not zip packages.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return "the workbook is password-protected or in the old .xls format; open it in Excel, remove the password or save it as .xlsx, and try again";
  if (bytes.length === 0) return "the file is empty";
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    return "this is not an Excel .xlsx workbook (the file is not a zip package)";
  const detail = e instanceof Error ? e.message : String(e);
  return `the workbook is damaged or not a valid .xlsx file (${detail.split("\n")[0]})`;
}
