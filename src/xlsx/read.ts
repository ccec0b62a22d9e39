// The .xlsx host's reader: a workbook file into the engine's grids.
import ExcelJS from "exceljs";
import { parseArea } from "../engine/a1";
import type { Cell, Grid, MergedArea, TableArea } from "../engine/grid";
import { isDateFormat } from "numfmt";
import { displayText, plainValue } from "./cells";
import { installExceljsFixes } from "./exceljs-fixes";
import { inflatesBeyond, zipEntries, type ZipEntry } from "./zip";

/** Days from the 1900 date system's day 0 to the 1904 system's. */
const DATE1904_OFFSET = 1462;

/** A workbook that could not be read, with a reason a person understands. */
export class WorkbookReadError extends Error {
  override name = "WorkbookReadError";
}

/** Parse "A1:G167" into a 0-based area. */
export const parseRangeRef = (ref: string): MergedArea | null => parseArea(ref.trim());

/** Grids of every worksheet in a loaded exceljs workbook. */
export function gridsFromWorkbook(wb: ExcelJS.Workbook): Grid[] {
  const date1904 = Boolean(wb.properties?.date1904);
  return wb.worksheets.map((ws) => gridFromWorksheet(ws, date1904));
}

export function gridFromWorksheet(ws: ExcelJS.Worksheet, date1904 = false): Grid {
  const rows: (Cell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const cells: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (c, colNumber) => {
      // exceljs gives every cell of a merge the master's value; Excel gives it to the top-left only.
      if (c.isMerged && c.master !== c) return;
      const value = plainValue(c.value, date1904);
      const format = c.numFmt || "General";
      // numfmt counts serials from 1900: a 1904 workbook's dates show 1,462 days later than that.
      const shown = date1904 && typeof value === "number" && isDateFormat(format) ? value + DATE1904_OFFSET : value;
      const cell: Cell = { value, text: displayText(shown, format), format };
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
  const grid: Grid = { name: ws.name, rows, merges, tables, date1904 };
  if (ws.state === "hidden" || ws.state === "veryHidden") grid.visibility = ws.state;
  return grid;
}

/** Read an .xlsx file's bytes into grids; throws WorkbookReadError with a plain reason. */
export async function readWorkbookBuffer(data: ArrayBuffer | Uint8Array): Promise<{ workbook: ExcelJS.Workbook; grids: Grid[] }> {
  loadMergesInLinearTime();
  installExceljsFixes();
  refuseZipBomb(data);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(explainLoadFailure(e, data));
  }
  // exceljs opens any zip package; one with no workbook part in it (a Word
  // document renamed .xlsx, say) loads as a workbook without sheets.
  if (wb.worksheets.length === 0 && !containsText(data, "xl/workbook.xml")) throw new WorkbookReadError(NOT_A_WORKBOOK_ZIP);
  return { workbook: wb, grids: gridsFromWorkbook(wb) };
}

/** What Plan Monitor unpacks at most: all parts together, and one part. A 200,000-row plan is about 100 MB of sheet XML. */
export const UNPACKED_LIMITS = { totalBytes: 1024 * 1_048_576, partBytes: 512 * 1_048_576, ratio: 500, ratioFromBytes: 10 * 1_048_576 };

const mb = (n: number): string => `${Math.round(n / 1_048_576).toLocaleString("en-GB")} MB`;

/**
 * Refuses, before exceljs unpacks anything, a package that would unpack to more
 * than Plan Monitor reads (a "zip bomb": a small file whose parts inflate to
 * gigabytes). The central directory's sizes are checked first (sum, each part,
 * and the packing ratio, which is 5-30 for real sheets); then every deflated part
 * is inflated with a cap of its stated size, so a part that lies about its size
 * is refused too. A package whose directory cannot be read is left to exceljs,
 * whose error is explained as before.
 */
export function refuseZipBomb(data: ArrayBuffer | Uint8Array, limits = UNPACKED_LIMITS): void {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return;
  const entries = zipEntries(bytes);
  if (!entries) return;
  const refuse = (why: string): never => {
    throw new WorkbookReadError(
      `this workbook would unpack to ${why}, more than Plan Monitor reads; a plan is never this large, so the file is damaged or made to exhaust memory (a "zip bomb"). Plan Monitor did not open it`,
    );
  };
  const total = entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (total > limits.totalBytes) refuse(`${mb(total)} (limit ${mb(limits.totalBytes)})`);
  const ratioOf = (e: ZipEntry): number => e.uncompressedSize / Math.max(1, e.compressedSize);
  for (const e of entries) {
    if (e.uncompressedSize > limits.partBytes) refuse(`${mb(e.uncompressedSize)} in its part ${e.name} alone (limit ${mb(limits.partBytes)})`);
    if (e.uncompressedSize > limits.ratioFromBytes && ratioOf(e) > limits.ratio)
      refuse(`${mb(e.uncompressedSize)} in its part ${e.name}, ${Math.round(ratioOf(e)).toLocaleString("en-GB")} times its packed size (real workbooks are under ${limits.ratio} times)`);
  }
  for (const e of entries) {
    if (inflatesBeyond(bytes, e, e.uncompressedSize))
      refuse(`more than its directory says: its part ${e.name} holds more than the ${e.uncompressedSize.toLocaleString("en-GB")} bytes stated`);
  }
}

const REMEDY_DAMAGED = "open it in Excel to repair it, or get a fresh copy, and try again";
const NOT_A_WORKBOOK_ZIP = `this is not an Excel .xlsx workbook (it is a zip package with no workbook in it, such as a Word or PowerPoint file renamed .xlsx); open the plan in Excel and save it as an Excel Workbook (.xlsx)`;
// What the zip library says about a package that is cut short or corrupted.
const BROKEN_ZIP = /end of central directory|end of data reached|corrupted zip|unexpected signature|invalid (?:stored|distance|code|block|literal)|crc32|unsupported compression|encrypted zip/i;

function explainLoadFailure(e: unknown, data: ArrayBuffer | Uint8Array): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  // Encrypted (password-protected) workbooks are OLE compound files, not zip packages.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return "the workbook is password-protected or in the old .xls format; open it in Excel, remove the password or save it as .xlsx, and try again";
  if (bytes.length === 0) return "the file is empty";
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    return "this is not an Excel .xlsx workbook (the file holds something else, such as a CSV file or a web page, under an .xlsx name); open it in Excel and save it as an Excel Workbook (.xlsx)";
  const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  if (BROKEN_ZIP.test(detail))
    return `the workbook is damaged or not a valid .xlsx file (the file is incomplete or corrupted, as when a copy or download is cut short); ${REMEDY_DAMAGED}`;
  if (/cannot merge already merged cells/i.test(detail))
    return `the workbook is damaged or not a valid .xlsx file (two merged areas on one sheet overlap); ${REMEDY_DAMAGED}`;
  // Something inside the package could not be read; the library's words help whoever supports the user.
  return `the workbook is damaged or not a valid .xlsx file (a part of it could not be read: ${detail}); ${REMEDY_DAMAGED}`;
}

/** Does the data contain this ASCII text (zip packages store their part names as plain text)? */
function containsText(data: ArrayBuffer | Uint8Array, text: string): boolean {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, "latin1");
}

/** The parts of exceljs's (internal) Worksheet class the merge fix below uses. */
interface WorksheetInternals {
  _merges: Record<string, unknown>;
  findCell(r: number, c: number): { type: number; address: string } | undefined;
  _mergeCellsInternal(dimensions: { top: number; left: number; bottom: number; right: number }, ignoreStyle?: boolean): void;
}

let mergesFixed = false;

/**
 * exceljs 4.4 checks each merged area it loads against every area loaded before
 * it, which is quadratic: a 50,000-row plan with 15,000 merged areas took 15 s
 * to open (1.4 s without the merges). This makes the same check through the
 * cells of the new area instead (each cell knows whether it is merged), then
 * lets exceljs apply the merge as before, so loading is linear. Overlapping areas
 * still fail with exceljs's own error. If exceljs's internals ever change shape,
 * its own check is left in place.
 */
function loadMergesInLinearTime(): void {
  if (mergesFixed) return;
  mergesFixed = true;
  let proto: WorksheetInternals | undefined;
  try {
    // exceljs's internal module, loaded only here and only if it is there (no import: it may move).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    proto = (require("exceljs/lib/doc/worksheet") as { prototype?: WorksheetInternals }).prototype;
  } catch {
    return;
  }
  if (!proto || typeof proto._mergeCellsInternal !== "function" || typeof proto.findCell !== "function") return;
  const apply = proto._mergeCellsInternal;
  const MERGE = ExcelJS.ValueType.Merge as number;
  proto._mergeCellsInternal = function (this: WorksheetInternals, dimensions, ignoreStyle) {
    const merges = this._merges;
    if (!merges || typeof merges !== "object") return apply.call(this, dimensions, ignoreStyle);
    for (let r = dimensions.top; r <= dimensions.bottom; r++) {
      for (let c = dimensions.left; c <= dimensions.right; c++) {
        const cell = this.findCell(r, c);
        if (cell && (cell.type === MERGE || merges[cell.address] !== undefined)) throw new Error("Cannot merge already merged cells");
      }
    }
    // exceljs's own code then finds nothing to compare against and applies the merge.
    this._merges = {};
    try {
      apply.call(this, dimensions, ignoreStyle);
    } finally {
      this._merges = Object.assign(merges, this._merges);
    }
  };
}
