// Fixes to exceljs 4.4 so that every value of a user's workbook comes out of
// `check --out` as it went in. Each fix wraps one exceljs internal and leaves it
// alone if that internal ever changes shape. Installed once, before a load or a
// save (see read.ts and host.ts).
//
// 1. Numbers in date-formatted cells. exceljs turns every number in a cell with a
//    date format into a JS Date when it loads; a number beyond what a Date can
//    hold (123456789 or 1e308 in a "dd/mm/yyyy" cell: Excel shows #####) becomes
//    an invalid Date, which it writes back as <v>NaN</v> (a file Excel repairs by
//    emptying the cell). Fractions below a millisecond are also rounded away. Here
//    a number whose Date does not give the very same number back stays a number,
//    with its date format: Excel shows it as before, and the engine reads numbers
//    and Dates alike (cells.ts plainValue).
//
// 2. Text that XML cannot hold. OOXML writes characters XML 1.0 forbids (control
//    characters such as ESC or BEL) and a carriage return (which XML readers turn
//    into a line feed) as _xHHHH_, and a literal "_x0041_" in the text as
//    "_x005F_x0041_" (the underscore escaped), so that Excel shows it as typed.
//    exceljs reads these escapes, but when it writes it silently drops the control
//    characters and writes "_x0041_" as is, which Excel then shows as "A". Here
//    text is escaped the OOXML way before exceljs's own XML escaping. And exceljs
//    decodes the escapes in shared strings but not in inline strings (<is><t>,
//    as other tools write them) nor in formulas' text results (<v> of t="str"):
//    those are decoded here the same way, and formula results escaped on write.
//
// 3. Data validations (drop-down lists). exceljs splits each validation's range
//    into one entry per cell when it loads, then merges the cells back into
//    rectangles when it writes, visiting them in text order (E10 before E2) and
//    not skipping cells already merged: a list on E2:E20 came back as two
//    overlapping validations, E10:E20 and E2:E20 (Excel then reports the file
//    as damaged). A validation over a whole column also became a million
//    entries. Here each range is kept as the range it was (exceljs writes a
//    range key as it is), and single cells are merged correctly: in row order,
//    never into a cell already taken.
import ExcelJS from "exceljs";
import { escapeOoxmlText } from "./xml";

export { escapeOoxmlText } from "./xml";

interface CellModel {
  type?: number;
  value?: unknown;
  result?: unknown;
}
interface CellXformProto {
  reconcile(model: CellModel, options: { date1904?: boolean }): void;
}
interface CellXformParser {
  t?: string;
  model?: CellModel;
  parseClose(name: string): boolean;
}
interface DataValidationsXform {
  model?: Record<string, unknown>;
  _address?: string;
  _dataValidation?: { formulae?: unknown[]; operator?: unknown };
  parseClose(name: string): boolean;
  render(xmlStream: unknown, model: Record<string, unknown> | undefined): void;
}
interface CellRenderer {
  render(xmlStream: unknown, model: CellModel | undefined): void;
}
interface TextXformProto {
  render(xmlStream: unknown, model: unknown): void;
}

let installed = false;

export function installExceljsFixes(): void {
  if (installed) return;
  installed = true;
  keepNumbersThatAreNotDates();
  escapeTextOnWrite();
  decodeInlineStrings();
  keepValidationRanges();
  escapeFormulaTextOnWrite();
}

/** Text as it is meant from OOXML's stored form: _xHHHH_ is the character HHHH (so _x005F_ is "_"). */
export function unescapeOoxmlText(stored: string): string {
  return stored.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function load<T>(module: string): T | undefined {
  try {
    // exceljs's internal classes are not exported: required by path, and the fix is skipped if they move.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(module) as { prototype?: T }).prototype;
  } catch {
    return undefined;
  }
}

/** Does this number survive exceljs's number → Date → number (utils.excelToDate, utils.dateToExcel)? */
function survivesAsDate(n: number, date1904: boolean): boolean {
  const offset = date1904 ? 1462 : 0;
  const ms = Math.round((n - 25569 + offset) * 86_400_000);
  const back = 25569 + new Date(ms).getTime() / 86_400_000 - offset;
  return Number.isFinite(back) && back === n;
}

function keepNumbersThatAreNotDates(): void {
  const proto = load<CellXformProto>("exceljs/lib/xlsx/xform/sheet/cell-xform");
  if (!proto || typeof proto.reconcile !== "function") return;
  const reconcile = proto.reconcile;
  const { Number: NUMBER, Date: DATE, Formula: FORMULA } = ExcelJS.ValueType as unknown as Record<string, number>;
  proto.reconcile = function (model, options) {
    const value = model.type === NUMBER ? model.value : undefined;
    const result = model.type === FORMULA ? model.result : undefined;
    reconcile.call(this, model, options);
    const date1904 = Boolean(options?.date1904);
    if (typeof value === "number" && model.type === DATE && !survivesAsDate(value, date1904)) {
      model.type = NUMBER;
      model.value = value;
    }
    if (typeof result === "number" && model.result instanceof Date && !survivesAsDate(result, date1904)) model.result = result;
  };
}

function escapeTextOnWrite(): void {
  const proto = load<TextXformProto>("exceljs/lib/xlsx/xform/strings/text-xform");
  if (!proto || typeof proto.render !== "function") return;
  const render = proto.render;
  proto.render = function (xmlStream, model) {
    render.call(this, xmlStream, typeof model === "string" ? escapeOoxmlText(model) : model);
  };
}

function decodeInlineStrings(): void {
  const proto = load<CellXformParser>("exceljs/lib/xlsx/xform/sheet/cell-xform");
  if (!proto || typeof proto.parseClose !== "function") return;
  const parseClose = proto.parseClose;
  proto.parseClose = function (this: CellXformParser, name) {
    const more = parseClose.call(this, name);
    if (name !== "c" || !this.model) return more;
    // Inline strings, and text cells and formula results stored as t="str" (<v>): the same escapes as shared strings.
    if ((this.t === "inlineStr" || this.t === "str") && typeof this.model.value === "string") this.model.value = unescapeOoxmlText(this.model.value);
    if (this.t === "str" && typeof this.model.result === "string") this.model.result = unescapeOoxmlText(this.model.result);
    return more;
  };
}

/** A formula's text result is written raw by exceljs (<v>, not through the text writer): escaped here as text cells are. */
function escapeFormulaTextOnWrite(): void {
  const proto = load<CellRenderer>("exceljs/lib/xlsx/xform/sheet/cell-xform");
  if (!proto || typeof proto.render !== "function") return;
  const render = proto.render;
  proto.render = function (xmlStream, model) {
    const escaped = model && typeof model.result === "string" ? { ...model, result: escapeOoxmlText(model.result) } : model;
    render.call(this, xmlStream, escaped);
  };
}

const CELL = /^([A-Z]{1,3})(\d+)$/;
const columnNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const columnLetters = (n: number): string => {
  let s = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
};

/** Single-cell validations merged into rectangles of the same validation, in row order, each cell in one rectangle; range keys as they are. */
export function mergeValidationCells(model: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const cells = new Map<string, unknown>();
  for (const [address, dv] of Object.entries(model)) {
    if (CELL.test(address)) cells.set(address, dv);
    else out[address] = dv;
  }
  const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);
  const at = (row: number, col: number): string => `${columnLetters(col)}${row}`;
  const taken = new Set<string>();
  const ordered = [...cells.keys()].map((a) => {
    const m = CELL.exec(a)!;
    return { address: a, row: Number(m[2]), col: columnNumber(m[1]) };
  });
  ordered.sort((a, b) => a.row - b.row || a.col - b.col);
  const free = (row: number, col: number, dv: unknown): boolean => {
    const a = at(row, col);
    return !taken.has(a) && cells.has(a) && same(cells.get(a), dv);
  };
  for (const { address, row, col } of ordered) {
    if (taken.has(address)) continue;
    const dv = cells.get(address);
    let height = 1;
    while (free(row + height, col, dv)) height++;
    let width = 1;
    while (Array.from({ length: height }, (_, i) => free(row + i, col + width, dv)).every(Boolean)) width++;
    for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) taken.add(at(row + i, col + j));
    out[height > 1 || width > 1 ? `${address}:${at(row + height - 1, col + width - 1)}` : address] = dv;
  }
  return out;
}

function keepValidationRanges(): void {
  const proto = load<DataValidationsXform>("exceljs/lib/xlsx/xform/sheet/data-validations-xform");
  if (!proto || typeof proto.parseClose !== "function" || typeof proto.render !== "function") return;
  const { parseClose, render } = proto;
  proto.parseClose = function (this: DataValidationsXform, name) {
    if (name !== "dataValidation" || !this.model || !this._dataValidation || typeof this._address !== "string") return parseClose.call(this, name);
    const dv = this._dataValidation;
    // As exceljs's own parseClose does, less the splitting into cells.
    if (!dv.formulae || !dv.formulae.length) {
      delete dv.formulae;
      delete dv.operator;
    }
    for (const address of this._address.split(/\s+/).filter(Boolean)) this.model[address] = dv;
    return true;
  };
  proto.render = function (xmlStream, model) {
    render.call(this, xmlStream, model && mergeValidationCells(model));
  };
}
