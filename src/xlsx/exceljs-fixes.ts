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
//    as other tools write them): those are decoded here the same way.
import ExcelJS from "exceljs";

// Characters written as _xHHHH_: C0 controls but tab and line feed, CR, DEL, and
// U+FFFE/U+FFFF (not XML characters). An existing _xHHHH_ gets its "_" escaped.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\x00-\x08\x0B-\x1F\x7F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

/** Text as OOXML stores it: forbidden characters and literal _xHHHH_ escaped. */
export function escapeOoxmlText(text: string): string {
  return text.replace(NEEDS_ESCAPE, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

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
    if (name === "c" && this.t === "inlineStr" && typeof this.model?.value === "string") this.model.value = unescapeOoxmlText(this.model.value);
    return more;
  };
}
