// Reading and writing cells as Excel does: value matrices, values typed in,
// formats shared by a range, colours and clearing.
import { areaCellCount, areaContains, areasIntersect } from "../address";
import { cellKey, isBlankCell, isEmptyValue, type SheetModel, type SimCell } from "../model";
import { invalidArg, SimError } from "./errors";
import { type Ctx, type Handle } from "./typeDef";
import { areaOf, cellCount, checkReadSize, sheetOf, writableSheet } from "./access";

export function matrix(ctx: Ctx, h: Handle, fn: (sheet: SheetModel, r: number, c: number) => unknown): unknown[][] {
  checkReadSize(ctx, h);
  const sheet = sheetOf(ctx, h);
  const a = areaOf(h);
  const out: unknown[][] = [];
  for (let r = a.top; r <= a.bottom; r++) {
    const row: unknown[] = [];
    for (let c = a.left; c <= a.right; c++) row.push(fn(sheet, r, c));
    out.push(row);
  }
  return out;
}

/** Apply an input that is a 2-D array of the range's shape or one value for every cell. */
export function eachInput(ctx: Ctx, h: Handle, input: unknown, apply: (sheet: SheetModel, r: number, c: number, v: unknown) => void): void {
  const sheet = writableSheet(ctx, h);
  const a = areaOf(h);
  const rows = a.bottom - a.top + 1;
  const cols = a.right - a.left + 1;
  if (Array.isArray(input)) {
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols))
      throw new SimError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        400,
      );
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) apply(sheet, a.top + i, a.left + j, (input[i] as unknown[])[j]);
  } else {
    if (rows * cols > 1_000_000) throw new SimError("RangeExceedsLimit", "Too many cells to set at once in the simulated Excel.", 400);
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) apply(sheet, r, c, input);
  }
}

const ERROR_LITERALS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]);

/**
 * What Excel stores when a value is written, as if typed: a leading apostrophe
 * forces text; "=…" is a formula; numbers, percentages and TRUE/FALSE are
 * converted. Not modelled: dates and times typed as text, currency, fractions.
 */
export function typeIn(cell: SimCell, v: unknown, allowFormula: boolean): void {
  if (v === null || v === undefined) return; // null leaves the cell as it is
  delete cell.formula;
  if (typeof v === "number" || typeof v === "boolean") {
    cell.value = v;
    return;
  }
  if (typeof v !== "string") throw invalidArg("a cell value must be a string, number or boolean");
  if (v === "") {
    cell.value = null;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = v;
    return;
  }
  if (v.startsWith("'")) {
    cell.value = v.slice(1);
    return;
  }
  if (v.startsWith("=") && v.length > 1 && allowFormula) {
    cell.formula = v;
    cell.value = null; // not calculated
    return;
  }
  const t = v.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) {
    cell.value = Number(t);
    return;
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(t)) {
    cell.value = Number(t.slice(0, -1)) / 100;
    if (!cell.numberFormat || cell.numberFormat === "General") cell.numberFormat = "0%";
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toLowerCase() === "true";
    return;
  }
  if (ERROR_LITERALS.has(t.toUpperCase())) {
    cell.value = { error: t.toUpperCase() };
    return;
  }
  cell.value = v;
}

export function wireValue(cell: SimCell | undefined): string | number | boolean {
  const v = cell?.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error;
  return v;
}

export function valueType(cell: SimCell | undefined): string {
  const v = cell?.value;
  if (isEmptyValue(v ?? null)) return "Empty";
  if (typeof v === "string") return "String";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "Error";
}

/** The value all cells of the areas share, or null when they differ (as Excel reports mixed formats). */
export function common<T>(ctx: Ctx, h: Handle, get: (cell: SimCell | undefined, r: number, c: number) => T): T | null {
  const sheet = sheetOf(ctx, h);
  let first = true;
  let result: T | null = null;
  const take = (v: T): boolean => {
    if (first) {
      result = v;
      first = false;
      return true;
    }
    return JSON.stringify(v) === JSON.stringify(result);
  };
  for (const a of h.areas!) {
    if (areaCellCount(a) <= 200_000) {
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) if (!take(get(sheet.getCell(r, c), r, c))) return null;
    } else {
      let seen = 0;
      for (const [r, c, cell] of sheet.cellsIn(a)) {
        seen++;
        if (!take(get(cell, r, c))) return null;
      }
      if (seen < areaCellCount(a) && !take(get(undefined, a.top, a.left))) return null;
    }
  }
  return result;
}

/** Run fn on every cell of the areas, creating cells; refuses absurdly large areas. */
export function forEachCell(ctx: Ctx, h: Handle, fn: (cell: SimCell, r: number, c: number) => void): void {
  const sheet = writableSheet(ctx, h);
  if (cellCount(h.areas!) > 2_000_000)
    throw new SimError("RangeExceedsLimit", "The simulated Excel does not format more than 2,000,000 cells at once.", 400);
  for (const a of h.areas!) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(sheet.cell(r, c), r, c);
}

export const colour = (v: unknown, what: string): string => {
  if (typeof v !== "string") throw invalidArg(what);
  const named: Record<string, string> = { red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00", white: "#FFFFFF", black: "#000000", orange: "#FFA500", gray: "#808080", grey: "#808080" };
  const s = v.trim();
  if (named[s.toLowerCase()]) return named[s.toLowerCase()];
  if (/^#?[0-9A-Fa-f]{6}$/.test(s)) return `#${s.replace("#", "").toUpperCase()}`;
  throw invalidArg(`"${v}" is not a colour`);
};

export function clearAreas(ctx: Ctx, h: Handle, applyTo: string): void {
  const sheet = writableSheet(ctx, h);
  const what = applyTo || "All";
  if (!["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(what)) throw invalidArg(`clear("${what}")`);
  for (const a of h.areas!) {
    const hits = [...sheet.cellsIn(a)];
    for (const [r, c, cell] of hits) {
      if (what === "All") {
        sheet.cells.delete(cellKey(r, c));
        continue;
      }
      if (what === "Contents" || what === "ResetContents") {
        cell.value = null;
        delete cell.formula;
      }
      if (what === "Formats") {
        for (const k of ["numberFormat", "fill", "font", "horizontal", "wrap", "borders", "sourceStyle"] as const) delete cell[k];
        cell.fill = null;
      }
      if (what === "Hyperlinks" || what === "RemoveHyperlinks") delete cell.hyperlink;
      if (isBlankCell(cell)) sheet.cells.delete(cellKey(r, c));
    }
    if (what === "All" || what === "Formats") {
      sheet.merges = sheet.merges.filter((m) => !areasIntersect(m, a));
      // Rules lying wholly inside the cleared cells go; partly overlapping rules are kept whole
      // (Excel would trim them to the cells left: not modelled).
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !cf.ranges.every((r) => areaContains(a, r)));
    }
  }
}
