// Finding and checking what a handle or an argument refers to: its sheet (and
// whether it may be written), its area, addresses and indexes within Excel's limits.
import { AddressError, type Area, areaCellCount, intersection, MAX_COLUMNS, MAX_ROWS, parseAddressList } from "../address";
import { type SheetModel } from "../model";
import { invalidArg, notFound, SimError } from "./errors";
import { type Ctx, type Handle } from "./typeDef";

export function sheetOf(ctx: Ctx, h: Handle): SheetModel {
  const s = h.sheet ? ctx.model.sheetById(h.sheet) : undefined;
  if (!s) throw notFound("the worksheet no longer exists");
  return s;
}

export function writable(ctx: Ctx, sheet: SheetModel): SheetModel {
  if (sheet.protected && ctx.options.enforceProtection)
    throw new SimError(
      "AccessDenied",
      `The cell or chart you're trying to change is on a protected sheet ('${sheet.name}'). To make a change, unprotect the sheet.`,
      403,
    );
  return sheet;
}

export const writableSheet = (ctx: Ctx, h: Handle) => writable(ctx, sheetOf(ctx, h));

export function checkAddress(ctx: Ctx, address: string): void {
  if (address.length > ctx.options.addressLimit)
    throw new SimError("InvalidArgument", `The address is ${address.length} characters long; Excel accepts at most ${ctx.options.addressLimit}.`, 400);
}

export function parseAreasFor(ctx: Ctx, sheet: SheetModel, address: string): Area[] {
  checkAddress(ctx, address);
  try {
    return parseAddressList(address).map((p) => {
      if (p.sheet !== null && p.sheet.toLowerCase() !== sheet.name.toLowerCase())
        throw invalidArg(`"${address}" refers to another sheet`);
      return p.area;
    });
  } catch (e) {
    if (e instanceof AddressError) throw invalidArg(e.message);
    throw e;
  }
}

export const range = (sheet: string, area: Area): Handle => ({ t: "Range", sheet, areas: [area] });
export const areaOf = (h: Handle): Area => h.areas![0];
export const int = (v: unknown, what: string): number => {
  if (typeof v !== "number" || !Number.isInteger(v)) throw invalidArg(what);
  return v;
};
export const checkArea = (a: Area, what: string): Area => {
  if (a.top < 0 || a.left < 0 || a.bottom >= MAX_ROWS || a.right >= MAX_COLUMNS || a.bottom < a.top || a.right < a.left)
    throw invalidArg(what);
  return a;
};
export const cellCount = (areas: Area[]) => areas.reduce((n, a) => n + areaCellCount(a), 0);

export function checkReadSize(ctx: Ctx, h: Handle): void {
  const n = cellCount(h.areas!);
  if (n > ctx.options.readCellLimit)
    throw new SimError("RangeExceedsLimit", `The range has ${n} cells; one read may cover at most ${ctx.options.readCellLimit}.`, 400);
}

/** A range given as an argument: a Range handle or an address on the given sheet. */
export function rangeArg(ctx: Ctx, sheet: SheetModel, v: unknown, what: string): Area {
  if (v && typeof v === "object" && (v as Handle).t === "Range") {
    const h = v as Handle;
    if (h.sheet !== sheet.id) throw invalidArg(`${what} is on another sheet`);
    return areaOf(h);
  }
  if (typeof v === "string") {
    const areas = parseAreasFor(ctx, sheet, v);
    if (areas.length !== 1) throw invalidArg(what);
    return areas[0];
  }
  throw invalidArg(what);
}

export function usedRange(ctx: Ctx, h: Handle, valuesOnly: unknown, orNull: boolean, within?: Area): Handle | null {
  const sheet = sheetOf(ctx, h);
  let used = sheet.usedArea(Boolean(valuesOnly));
  if (used && within) used = intersection(used, within);
  if (!used) {
    if (orNull) return null;
    if (within) throw notFound("the range has no used cells");
    return range(sheet.id, { top: 0, left: 0, bottom: 0, right: 0 });
  }
  return range(sheet.id, used);
}
