// Fixes to how exceljs 4.4 reads a workbook, so that the engine sees every
// value as the user typed it and a large part cannot blow up while loading.
// Plan Monitor never writes with exceljs (write-package.ts edits the package
// itself). Each fix wraps one exceljs internal and leaves it alone if that
// internal ever changes shape. Installed once, before a load (read.ts).
//
// 1. Numbers in date-formatted cells. exceljs turns every number in a cell with a
//    date format into a JS Date when it loads; a number beyond what a Date can
//    hold (123456789 or 1e308 in a "dd/mm/yyyy" cell: Excel shows #####) becomes
//    an invalid Date. Fractions below a millisecond are also rounded away. Here a
//    number whose Date does not give the very same number back stays a number,
//    with its date format; the engine reads numbers and Dates alike (cells.ts
//    plainValue).
//
// 2. Text escapes. OOXML stores characters XML 1.0 forbids (ESC, BEL) and a
//    carriage return as _xHHHH_, and a literal "_x0041_" as "_x005F_x0041_".
//    exceljs decodes these in shared strings but not in inline strings (<is><t>,
//    as other tools write them) nor in formulas' text results (<v> of t="str"):
//    those are decoded here the same way.
//
// 3. Data validations (drop-down lists). exceljs splits each validation's range
//    into one entry per cell when it loads: a validation over a whole column
//    became a million entries. Here each range is kept as the one entry it was.
import ExcelJS from "exceljs";

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
}

let installed = false;

export function installExceljsFixes(): void {
  if (installed) return;
  installed = true;
  keepNumbersThatAreNotDates();
  decodeInlineStrings();
  keepValidationRanges();
}

/** Text as it is meant from OOXML's stored form: _xHHHH_ is the character HHHH (so _x005F_ is "_"). */
export function unescapeOoxmlText(stored: string): string {
  return stored.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The prototype of an exceljs internal class, or undefined if it has moved. */
export function exceljsPrototype<T>(module: string): T | undefined {
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
  const proto = exceljsPrototype<CellXformProto>("exceljs/lib/xlsx/xform/sheet/cell-xform");
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

function decodeInlineStrings(): void {
  const proto = exceljsPrototype<CellXformParser>("exceljs/lib/xlsx/xform/sheet/cell-xform");
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

function keepValidationRanges(): void {
  const proto = exceljsPrototype<DataValidationsXform>("exceljs/lib/xlsx/xform/sheet/data-validations-xform");
  if (!proto || typeof proto.parseClose !== "function") return;
  const { parseClose } = proto;
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
}
