// The Excel object model the simulated Excel answers, member by member, under
// the wire (PascalCase) names the real Office.js client sends. Exactly what the
// Office host uses is modelled, plus a few cheap neighbours; every other member
// answers ApiNotFound so a test fails the day code starts to rely on it.
//
// Simplifications to keep in mind: getMergedAreasOrNullObject returns the merged
// areas that intersect the range, whole (Excel documents only "the merged areas
// in this range"); conditional-format ids are stable for the life of the model
// (Excel does not promise that across reopening); clear() drops only the rules
// lying wholly inside the cleared cells; format getters over huge ranges look at
// existing cells only; a protected sheet refuses every write (cell locking is not
// modelled); values typed as text are converted like Excel does for numbers,
// percentages, TRUE/FALSE and "=" formulas, but not for dates.
import {
  AddressError,
  Area,
  MAX_COLUMNS,
  MAX_ROWS,
  areaCellCount,
  areaContains,
  areasIntersect,
  formatArea,
  intersection,
  parseAddressList,
  parseArea,
  parseSheetArea,
  sheetAddress,
} from "./address";
import {
  SheetModel,
  SimCell,
  SimChart,
  SimConditionalFormat,
  SimEdge,
  SimHyperlink,
  SimNamedItem,
  STANDARD_WIDTH_POINTS,
  WorkbookModel,
  cellKey,
  isBlankCell,
  isEmptyValue,
} from "./model";

/** An error the simulated Excel reports, with a real Office.js error code. */
export class SimError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
  }
}

const notFound = (what: string) => new SimError("ItemNotFound", `The requested resource doesn't exist. (${what})`, 404);
const invalidArg = (what: string) => new SimError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${what})`, 400);
export const apiNotFound = (what: string) =>
  new SimError("ApiNotFound", `The API you are trying to use could not be found. It may be available in a newer version of Excel. (${what} is not modelled by the simulated Excel)`, 404);

/** A reference to something in the model, as an object path resolves to. */
export interface Handle {
  t: string;
  sheet?: string;
  areas?: Area[];
  id?: string;
  side?: string;
  index?: number;
}

export interface SimOptions {
  /** Refuse writes to protected sheets with AccessDenied (default true). */
  enforceProtection: boolean;
  /** Cells one property read may cover (Excel: 5,000,000). */
  readCellLimit: number;
  /** Characters an address argument may have (Excel on the web: 8,192). */
  addressLimit: number;
  /** Members answered with ApiNotFound although modelled, as "Type.WireName" (simulates older Excel). */
  unsupported: ReadonlySet<string>;
}

export interface Ctx {
  model: WorkbookModel;
  options: SimOptions;
}

type PropDef = { get?: (ctx: Ctx, h: Handle) => unknown; set?: (ctx: Ctx, h: Handle, v: unknown) => void };
export interface TypeDef {
  props?: Record<string, PropDef>;
  nav?: Record<string, (ctx: Ctx, h: Handle) => Handle | null>;
  /** Methods whose result is an object (object paths of type Method). */
  objects?: Record<string, (ctx: Ctx, h: Handle, args: unknown[]) => Handle | null>;
  /** Object methods that create something: evaluated once per request, answered with a reference id. */
  creating?: ReadonlySet<string>;
  /** Methods queued as actions (void or scalar results). */
  methods?: Record<string, (ctx: Ctx, h: Handle, args: unknown[]) => unknown>;
  indexer?: (ctx: Ctx, h: Handle, args: unknown[]) => Handle | null;
  /** Collections: their items, in order. */
  items?: (ctx: Ctx, h: Handle) => Handle[];
  /** Collections with an indexer: the key the client uses to address an item again. */
  itemKey?: (ctx: Ctx, h: Handle) => string;
}

// ---------------------------------------------------------------- helpers

function sheetOf(ctx: Ctx, h: Handle): SheetModel {
  const s = h.sheet ? ctx.model.sheetById(h.sheet) : undefined;
  if (!s) throw notFound("the worksheet no longer exists");
  return s;
}

function writable(ctx: Ctx, sheet: SheetModel): SheetModel {
  if (sheet.protected && ctx.options.enforceProtection)
    throw new SimError(
      "AccessDenied",
      `The cell or chart you're trying to change is on a protected sheet ('${sheet.name}'). To make a change, unprotect the sheet.`,
      403,
    );
  return sheet;
}

const writableSheet = (ctx: Ctx, h: Handle) => writable(ctx, sheetOf(ctx, h));

function checkAddress(ctx: Ctx, address: string): void {
  if (address.length > ctx.options.addressLimit)
    throw new SimError("InvalidArgument", `The address is ${address.length} characters long; Excel accepts at most ${ctx.options.addressLimit}.`, 400);
}

function parseAreasFor(ctx: Ctx, sheet: SheetModel, address: string): Area[] {
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

const range = (sheet: string, area: Area): Handle => ({ t: "Range", sheet, areas: [area] });
const areaOf = (h: Handle): Area => h.areas![0];
const int = (v: unknown, what: string): number => {
  if (typeof v !== "number" || !Number.isInteger(v)) throw invalidArg(what);
  return v;
};
const checkArea = (a: Area, what: string): Area => {
  if (a.top < 0 || a.left < 0 || a.bottom >= MAX_ROWS || a.right >= MAX_COLUMNS || a.bottom < a.top || a.right < a.left)
    throw invalidArg(what);
  return a;
};
const cellCount = (areas: Area[]) => areas.reduce((n, a) => n + areaCellCount(a), 0);

function checkReadSize(ctx: Ctx, h: Handle): void {
  const n = cellCount(h.areas!);
  if (n > ctx.options.readCellLimit)
    throw new SimError("RangeExceedsLimit", `The range has ${n} cells; one read may cover at most ${ctx.options.readCellLimit}.`, 400);
}

/** A range given as an argument: a Range handle or an address on the given sheet. */
function rangeArg(ctx: Ctx, sheet: SheetModel, v: unknown, what: string): Area {
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

function matrix(ctx: Ctx, h: Handle, fn: (sheet: SheetModel, r: number, c: number) => unknown): unknown[][] {
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
function eachInput(ctx: Ctx, h: Handle, input: unknown, apply: (sheet: SheetModel, r: number, c: number, v: unknown) => void): void {
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
function typeIn(cell: SimCell, v: unknown, allowFormula: boolean): void {
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

function wireValue(cell: SimCell | undefined): string | number | boolean {
  const v = cell?.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error;
  return v;
}

function valueType(cell: SimCell | undefined): string {
  const v = cell?.value;
  if (isEmptyValue(v ?? null)) return "Empty";
  if (typeof v === "string") return "String";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "Error";
}

/** The value all cells of the areas share, or null when they differ (as Excel reports mixed formats). */
function common<T>(ctx: Ctx, h: Handle, get: (cell: SimCell | undefined, r: number, c: number) => T): T | null {
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
function forEachCell(ctx: Ctx, h: Handle, fn: (cell: SimCell, r: number, c: number) => void): void {
  const sheet = writableSheet(ctx, h);
  if (cellCount(h.areas!) > 2_000_000)
    throw new SimError("RangeExceedsLimit", "The simulated Excel does not format more than 2,000,000 cells at once.", 400);
  for (const a of h.areas!) for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) fn(sheet.cell(r, c), r, c);
}

const colour = (v: unknown, what: string): string => {
  if (typeof v !== "string") throw invalidArg(what);
  const named: Record<string, string> = { red: "#FF0000", green: "#008000", blue: "#0000FF", yellow: "#FFFF00", white: "#FFFFFF", black: "#000000", orange: "#FFA500", gray: "#808080", grey: "#808080" };
  const s = v.trim();
  if (named[s.toLowerCase()]) return named[s.toLowerCase()];
  if (/^#?[0-9A-Fa-f]{6}$/.test(s)) return `#${s.replace("#", "").toUpperCase()}`;
  throw invalidArg(`"${v}" is not a colour`);
};

function clearAreas(ctx: Ctx, h: Handle, applyTo: string): void {
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

// ---------------------------------------------------------------- worksheets

function validSheetName(ctx: Ctx, name: unknown, except?: SheetModel): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw new SimError("InvalidArgument", `"${String(name)}" is not a valid sheet name.`, 400);
  const clash = ctx.model.sheetByName(name);
  if (clash && clash !== except) throw new SimError("ItemAlreadyExists", `A sheet called "${name}" already exists.`, 409);
  return name;
}

const worksheetHandle = (s: SheetModel): Handle => ({ t: "Worksheet", sheet: s.id });

function usedRange(ctx: Ctx, h: Handle, valuesOnly: unknown, orNull: boolean, within?: Area): Handle | null {
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

// ---------------------------------------------------------------- names

function nameFormula(ctx: Ctx, reference: unknown): string {
  if (reference && typeof reference === "object" && (reference as Handle).t === "Range") {
    const h = reference as Handle;
    return `=${sheetAddress(sheetOf(ctx, h).name, areaOf(h), true)}`;
  }
  if (typeof reference !== "string" || reference.trim() === "") throw invalidArg("reference");
  const f = reference.trim().startsWith("=") ? reference.trim() : `=${reference.trim()}`;
  // A reference to a range must name an existing sheet.
  try {
    const ref = parseSheetArea(f);
    if (ref.sheet && !ctx.model.sheetByName(ref.sheet)) throw invalidArg(`no sheet called "${ref.sheet}"`);
  } catch (e) {
    if (!(e instanceof AddressError)) throw e;
  }
  return f;
}

function namedItemType(ctx: Ctx, n: SimNamedItem): string {
  if (ctx.model.resolveName(n)) return "Range";
  const body = n.formula.replace(/^=/, "");
  if (body.includes("#REF!")) return "Error";
  if (/^(TRUE|FALSE)$/i.test(body)) return "Boolean";
  if (/^[+-]?\d+(\.\d+)?$/.test(body)) return "Double";
  if (/^".*"$/.test(body)) return "String";
  return "Formula";
}

function nameOf(ctx: Ctx, h: Handle): SimNamedItem {
  const n = ctx.model.nameByName(h.id!);
  if (!n) throw notFound(`name "${h.id}"`);
  return n;
}

// ---------------------------------------------------------------- conditional formats

function cfOf(ctx: Ctx, h: Handle): { sheet: SheetModel; cf: SimConditionalFormat } {
  const sheet = sheetOf(ctx, h);
  const cf = sheet.conditionalFormats.find((x) => x.id === h.id);
  if (!cf) throw notFound(`conditional format ${h.id}`);
  return { sheet, cf };
}

const cfHandle = (sheet: SheetModel, cf: SimConditionalFormat): Handle => ({ t: "ConditionalFormat", sheet: sheet.id, id: cf.id });

function cfCustom(ctx: Ctx, h: Handle): SimConditionalFormat {
  const { cf } = cfOf(ctx, h);
  if (cf.type !== "Custom" || (cf.sourceRule && cf.sourceRule.type !== "expression"))
    throw new SimError("InvalidOperation", `The conditional format is of type ${cf.type}, not Custom.`, 400);
  return cf;
}

// ---------------------------------------------------------------- charts

function chartOf(ctx: Ctx, h: Handle): { sheet: SheetModel; chart: SimChart } {
  const sheet = sheetOf(ctx, h);
  const chart = sheet.charts.find((c) => c.id === h.id);
  if (!chart) throw notFound(`chart ${h.id}`);
  return { sheet, chart };
}

/** Series Excel makes from a block whose first row and column are labels. */
export function seriesCount(source: Area, seriesBy: string): number {
  const rows = source.bottom - source.top + 1;
  const cols = source.right - source.left + 1;
  const byColumns = seriesBy === "Columns" || (seriesBy !== "Rows" && rows >= cols);
  const n = byColumns ? cols - 1 : rows - 1;
  return Math.max(1, n);
}

const CHART_TYPES = new Set(["BarStacked", "BarClustered", "ColumnStacked", "ColumnClustered", "Line", "Pie", "Doughnut", "BarStacked100", "ColumnStacked100", "LineMarkers", "Area"]);

// ---------------------------------------------------------------- the type table

const scalar = (get: (ctx: Ctx, h: Handle) => unknown, set?: (ctx: Ctx, h: Handle, v: unknown) => void): PropDef => ({ get, set });

function rangeTypes(): Record<string, TypeDef> {
  const rangeNav: TypeDef["nav"] = {
    Format: (_c, h) => ({ t: "RangeFormat", sheet: h.sheet, areas: h.areas }),
    Worksheet: (_c, h) => ({ t: "Worksheet", sheet: h.sheet }),
    ConditionalFormats: (_c, h) => ({ t: "ConditionalFormatCollection", sheet: h.sheet, areas: h.areas }),
  };
  const Range: TypeDef = {
    props: {
      Address: scalar((ctx, h) => sheetAddress(sheetOf(ctx, h).name, areaOf(h))),
      AddressLocal: scalar((ctx, h) => sheetAddress(sheetOf(ctx, h).name, areaOf(h))),
      RowIndex: scalar((_c, h) => areaOf(h).top),
      ColumnIndex: scalar((_c, h) => areaOf(h).left),
      RowCount: scalar((_c, h) => areaOf(h).bottom - areaOf(h).top + 1),
      ColumnCount: scalar((_c, h) => areaOf(h).right - areaOf(h).left + 1),
      CellCount: scalar((_c, h) => areaCellCount(areaOf(h))),
      IsEntireColumn: scalar((_c, h) => areaOf(h).top === 0 && areaOf(h).bottom === MAX_ROWS - 1),
      IsEntireRow: scalar((_c, h) => areaOf(h).left === 0 && areaOf(h).right === MAX_COLUMNS - 1),
      Values: scalar(
        (ctx, h) => matrix(ctx, h, (s, r, c) => wireValue(s.getCell(r, c))),
        (ctx, h, v) => eachInput(ctx, h, v, (s, r, c, x) => typeIn(s.cell(r, c), x, true)),
      ),
      Text: scalar((ctx, h) => matrix(ctx, h, (s, r, c) => s.textAt(r, c))),
      ValueTypes: scalar((ctx, h) => matrix(ctx, h, (s, r, c) => valueType(s.getCell(r, c)))),
      Formulas: scalar(
        (ctx, h) => matrix(ctx, h, (s, r, c) => s.getCell(r, c)?.formula ?? wireValue(s.getCell(r, c))),
        (ctx, h, v) => eachInput(ctx, h, v, (s, r, c, x) => typeIn(s.cell(r, c), x, true)),
      ),
      NumberFormat: scalar(
        (ctx, h) => matrix(ctx, h, (s, r, c) => s.getCell(r, c)?.numberFormat ?? "General"),
        (ctx, h, v) =>
          eachInput(ctx, h, v, (s, r, c, x) => {
            if (x === null || x === undefined) return;
            if (typeof x !== "string") throw invalidArg("numberFormat");
            const cell = s.cell(r, c);
            if (x === "General") delete cell.numberFormat;
            else cell.numberFormat = x;
          }),
      ),
      Hyperlink: scalar(
        (ctx, h) => {
          const a = areaOf(h);
          const s = sheetOf(ctx, h);
          const link = s.getCell(a.top, a.left)?.hyperlink;
          return link ? { ...link, textToDisplay: link.textToDisplay ?? s.textAt(a.top, a.left) } : null;
        },
        (ctx, h, v) => {
          if (v !== null && (typeof v !== "object" || Array.isArray(v))) throw invalidArg("hyperlink");
          const link = v as SimHyperlink | null;
          if (link && !link.address && !link.documentReference) throw invalidArg("a hyperlink needs an address or a documentReference");
          if (link?.documentReference) {
            // Only the syntax is checked: Excel accepts a link to a sheet that does not exist (yet).
            try {
              parseSheetArea(link.documentReference);
            } catch (e) {
              if (e instanceof AddressError) throw invalidArg(`documentReference: ${e.message}`);
              throw e;
            }
          }
          forEachCell(ctx, h, (cell, r, c) => {
            if (!link) {
              delete cell.hyperlink;
              return;
            }
            const clean: SimHyperlink = {};
            for (const k of ["address", "documentReference", "screenTip"] as const) if (link[k]) clean[k] = link[k];
            cell.hyperlink = clean;
            const a = areaOf(h);
            if (link.textToDisplay !== undefined && r === a.top && c === a.left) {
              cell.value = link.textToDisplay;
              delete cell.formula;
            }
          });
        },
      ),
      RowHidden: scalar(
        (ctx, h) => {
          const s = sheetOf(ctx, h);
          const a = areaOf(h);
          let hidden = 0;
          for (let r = a.top; r <= a.bottom; r++) if (s.hiddenRows.has(r)) hidden++;
          return hidden === 0 ? false : hidden === a.bottom - a.top + 1 ? true : null;
        },
        (ctx, h, v) => {
          if (typeof v !== "boolean") throw invalidArg("rowHidden");
          const s = writableSheet(ctx, h);
          const a = areaOf(h);
          for (let r = a.top; r <= a.bottom; r++) {
            if (v) s.hiddenRows.add(r);
            else s.hiddenRows.delete(r);
          }
        },
      ),
    },
    nav: rangeNav,
    objects: {
      GetCell: (ctx, h, [r, c]) => {
        const a = areaOf(h);
        return range(h.sheet!, checkArea({ top: a.top + int(r, "row"), left: a.left + int(c, "column"), bottom: a.top + (r as number), right: a.left + (c as number) }, "getCell"));
      },
      GetRow: (_ctx, h, [i]) => {
        const a = areaOf(h);
        const r = a.top + int(i, "row");
        return range(h.sheet!, checkArea({ ...a, top: r, bottom: r }, "getRow"));
      },
      GetColumn: (_ctx, h, [i]) => {
        const a = areaOf(h);
        const c = a.left + int(i, "column");
        return range(h.sheet!, checkArea({ ...a, left: c, right: c }, "getColumn"));
      },
      GetResizedRange: (_ctx, h, [dr, dc]) => {
        const a = areaOf(h);
        return range(h.sheet!, checkArea({ ...a, bottom: a.bottom + int(dr, "deltaRows"), right: a.right + int(dc, "deltaColumns") }, "getResizedRange"));
      },
      GetAbsoluteResizedRange: (_ctx, h, [n, m]) => {
        const a = areaOf(h);
        return range(h.sheet!, checkArea({ ...a, bottom: a.top + int(n, "numRows") - 1, right: a.left + int(m, "numColumns") - 1 }, "getAbsoluteResizedRange"));
      },
      GetOffsetRange: (_ctx, h, [dr, dc]) => {
        const a = areaOf(h);
        const r = int(dr, "rowOffset");
        const c = int(dc, "columnOffset");
        return range(h.sheet!, checkArea({ top: a.top + r, bottom: a.bottom + r, left: a.left + c, right: a.right + c }, "getOffsetRange"));
      },
      GetEntireRow: (_ctx, h) => range(h.sheet!, { ...areaOf(h), left: 0, right: MAX_COLUMNS - 1 }),
      GetEntireColumn: (_ctx, h) => range(h.sheet!, { ...areaOf(h), top: 0, bottom: MAX_ROWS - 1 }),
      GetLastRow: (_ctx, h) => range(h.sheet!, { ...areaOf(h), top: areaOf(h).bottom }),
      GetLastColumn: (_ctx, h) => range(h.sheet!, { ...areaOf(h), left: areaOf(h).right }),
      GetLastCell: (_ctx, h) => range(h.sheet!, { top: areaOf(h).bottom, bottom: areaOf(h).bottom, left: areaOf(h).right, right: areaOf(h).right }),
      GetIntersection: (ctx, h, [other]) => {
        const x = intersection(areaOf(h), rangeArg(ctx, sheetOf(ctx, h), other, "anotherRange"));
        if (!x) throw notFound("the ranges do not intersect");
        return range(h.sheet!, x);
      },
      GetIntersectionOrNullObject: (ctx, h, [other]) => {
        const x = intersection(areaOf(h), rangeArg(ctx, sheetOf(ctx, h), other, "anotherRange"));
        return x ? range(h.sheet!, x) : null;
      },
      GetBoundingRect: (ctx, h, [other]) => {
        const a = areaOf(h);
        const b = rangeArg(ctx, sheetOf(ctx, h), other, "anotherRange");
        return range(h.sheet!, { top: Math.min(a.top, b.top), left: Math.min(a.left, b.left), bottom: Math.max(a.bottom, b.bottom), right: Math.max(a.right, b.right) });
      },
      GetUsedRange: (ctx, h, [valuesOnly]) => usedRange(ctx, h, valuesOnly, false, areaOf(h)),
      GetUsedRangeOrNullObject: (ctx, h, [valuesOnly]) => usedRange(ctx, h, valuesOnly, true, areaOf(h)),
      GetMergedAreasOrNullObject: (ctx, h) => {
        // Merged areas that intersect the range, each whole (an assumption about
        // real Excel, which documents only "the merged areas in this range").
        const merges = sheetOf(ctx, h).mergesIntersecting(areaOf(h));
        if (merges.length > 512)
          throw new SimError("GeneralException", `The range has ${merges.length} merged areas; getMergedAreasOrNullObject fails above 512.`, 500);
        return merges.length ? { t: "RangeAreas", sheet: h.sheet, areas: merges.map((m) => ({ ...m })) } : null;
      },
    },
    methods: {
      Merge: (ctx, h, [across]) => {
        const s = writableSheet(ctx, h);
        const a = areaOf(h);
        const targets: Area[] = across ? Array.from({ length: a.bottom - a.top + 1 }, (_, i) => ({ ...a, top: a.top + i, bottom: a.top + i })) : [a];
        for (const t of targets) {
          if (t.top === t.bottom && t.left === t.right) continue;
          s.merges = s.merges.filter((m) => !areasIntersect(m, t));
          // Excel keeps the upper-left value only.
          for (const [r, c, cell] of [...s.cellsIn(t)]) {
            if (r === t.top && c === t.left) continue;
            cell.value = null;
            delete cell.formula;
          }
          s.merges.push({ ...t });
        }
        return null;
      },
      Unmerge: (ctx, h) => {
        const s = writableSheet(ctx, h);
        s.merges = s.merges.filter((m) => !areasIntersect(m, areaOf(h)));
        return null;
      },
      Clear: (ctx, h, [applyTo]) => {
        clearAreas(ctx, h, typeof applyTo === "string" ? applyTo : "All");
        return null;
      },
      Select: (ctx, h) => {
        ctx.model.select(sheetOf(ctx, h), areaOf(h));
        return null;
      },
      // The client sends this before splitting a large values/formulas/numberFormat
      // array (over 1,500 cells) into row chunks set one by one.
      _ValidateArraySize: (_ctx, h, [rows, cols]) => {
        const a = areaOf(h);
        if (rows !== a.bottom - a.top + 1 || cols !== a.right - a.left + 1)
          throw new SimError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.", 400);
        return null;
      },
    },
  };

  const RangeAreas: TypeDef = {
    props: {
      Address: scalar((ctx, h) => h.areas!.map((a) => sheetAddress(sheetOf(ctx, h).name, a)).join(", ")),
      AddressLocal: scalar((ctx, h) => h.areas!.map((a) => sheetAddress(sheetOf(ctx, h).name, a)).join(", ")),
      AreaCount: scalar((_c, h) => h.areas!.length),
      CellCount: scalar((_c, h) => cellCount(h.areas!)),
      IsEntireColumn: scalar((_c, h) => h.areas!.every((a) => a.top === 0 && a.bottom === MAX_ROWS - 1)),
      IsEntireRow: scalar((_c, h) => h.areas!.every((a) => a.left === 0 && a.right === MAX_COLUMNS - 1)),
    },
    nav: { ...rangeNav, Areas: (_c, h) => ({ t: "RangeCollection", sheet: h.sheet, areas: h.areas }) },
    methods: {
      Clear: (ctx, h, [applyTo]) => {
        clearAreas(ctx, h, typeof applyTo === "string" ? applyTo : "All");
        return null;
      },
    },
  };

  const RangeCollection: TypeDef = {
    items: (_c, h) => h.areas!.map((a) => range(h.sheet!, a)),
    objects: {
      GetItemAt: (_c, h, [i]) => {
        const a = h.areas![int(i, "index")];
        if (!a) throw invalidArg("index");
        return range(h.sheet!, a);
      },
    },
    methods: { GetCount: (_c, h) => h.areas!.length },
  };

  const fmt = (get: (c: SimCell | undefined) => unknown, set: (cell: SimCell, v: unknown) => void, check?: (v: unknown) => unknown): PropDef => ({
    get: (ctx, h) => common(ctx, h, get),
    set: (ctx, h, v) => {
      const value = check ? check(v) : v;
      forEachCell(ctx, h, (cell) => set(cell, value));
    },
  });
  const bool = (what: string) => (v: unknown) => {
    if (typeof v !== "boolean") throw invalidArg(what);
    return v;
  };
  const H_ALIGN = new Set(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"]);

  const RangeFormat: TypeDef = {
    props: {
      WrapText: fmt((c) => Boolean(c?.wrap), (cell, v) => (v ? (cell.wrap = true) : delete cell.wrap), bool("wrapText")),
      HorizontalAlignment: fmt(
        (c) => c?.horizontal ?? "General",
        (cell, v) => (v === "General" ? delete cell.horizontal : (cell.horizontal = v as string)),
        (v) => {
          if (typeof v !== "string" || !H_ALIGN.has(v)) throw invalidArg("horizontalAlignment");
          return v;
        },
      ),
      ColumnWidth: {
        get: (ctx, h) => {
          const s = sheetOf(ctx, h);
          const widths = new Set<number>();
          for (const a of h.areas!) for (let c = a.left; c <= Math.min(a.right, a.left + 16383); c++) widths.add(s.columnWidths.get(c) ?? STANDARD_WIDTH_POINTS);
          return widths.size === 1 ? [...widths][0] : null;
        },
        set: (ctx, h, v) => {
          if (typeof v !== "number" || v < 0 || v > 255 * 7.5) throw invalidArg("columnWidth");
          const s = writableSheet(ctx, h);
          for (const a of h.areas!) for (let c = a.left; c <= a.right; c++) s.columnWidths.set(c, v);
        },
      },
      UseStandardWidth: {
        get: (ctx, h) => h.areas!.every((a) => [...Array(a.right - a.left + 1).keys()].every((i) => !sheetOf(ctx, h).columnWidths.has(a.left + i))),
        set: (ctx, h, v) => {
          if (v !== true) throw invalidArg("useStandardWidth can only be set to true");
          const s = writableSheet(ctx, h);
          for (const a of h.areas!) for (let c = a.left; c <= a.right; c++) s.columnWidths.delete(c);
        },
      },
    },
    nav: {
      Fill: (_c, h) => ({ t: "RangeFill", sheet: h.sheet, areas: h.areas }),
      Font: (_c, h) => ({ t: "RangeFont", sheet: h.sheet, areas: h.areas }),
      Borders: (_c, h) => ({ t: "RangeBorderCollection", sheet: h.sheet, areas: h.areas }),
    },
  };

  const RangeFill: TypeDef = {
    props: {
      // Excel reports "#FFFFFF" for cells without a fill and null for mixed ranges.
      Color: fmt((c) => c?.fill ?? "#FFFFFF", (cell, v) => (cell.fill = v as string), (v) => colour(v, "fill.color")),
    },
    methods: {
      Clear: (ctx, h) => {
        forEachCell(ctx, h, (cell) => {
          cell.fill = null;
          if (cell.sourceStyle) delete cell.sourceStyle.fill;
        });
        return null;
      },
    },
  };

  const fontProp = <K extends "bold" | "italic" | "name" | "size" | "underline">(k: K, dflt: unknown, check: (v: unknown) => unknown): PropDef =>
    fmt(
      (c) => c?.font?.[k] ?? dflt,
      (cell, v) => {
        cell.font = { ...(cell.font ?? {}), [k]: v };
      },
      check,
    );
  const RangeFont: TypeDef = {
    props: {
      Bold: fontProp("bold", false, bool("font.bold")),
      Italic: fontProp("italic", false, bool("font.italic")),
      Name: fontProp("name", "Calibri", (v) => {
        if (typeof v !== "string" || !v) throw invalidArg("font.name");
        return v;
      }),
      Size: fontProp("size", 11, (v) => {
        if (typeof v !== "number" || v <= 0) throw invalidArg("font.size");
        return v;
      }),
      Underline: fontProp("underline", "None", (v) => {
        if (typeof v !== "string") throw invalidArg("font.underline");
        return v;
      }),
      Color: fmt(
        (c) => c?.font?.color ?? "#000000",
        (cell, v) => {
          cell.font = { ...(cell.font ?? {}), color: v as string };
        },
        (v) => colour(v, "font.color"),
      ),
    },
  };

  const SIDES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];
  const RangeBorderCollection: TypeDef = {
    props: { Count: scalar(() => SIDES.length) },
    items: (_c, h) => SIDES.map((side) => ({ t: "RangeBorder", sheet: h.sheet, areas: h.areas, side })),
    indexer: (_c, h, [side]) => {
      if (typeof side !== "string" || !SIDES.includes(side)) throw invalidArg("border index");
      if (side.startsWith("Diagonal")) throw apiNotFound("diagonal borders");
      return { t: "RangeBorder", sheet: h.sheet, areas: h.areas, side };
    },
    itemKey: (_c, h) => h.side!,
  };

  /** The cell edges a border side covers in an area. */
  function edges(a: Area, side: string): { r: number; c: number; edge: "top" | "bottom" | "left" | "right" }[] {
    const out: { r: number; c: number; edge: "top" | "bottom" | "left" | "right" }[] = [];
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) {
        if (side === "EdgeTop" && r === a.top) out.push({ r, c, edge: "top" });
        if (side === "EdgeBottom" && r === a.bottom) out.push({ r, c, edge: "bottom" });
        if (side === "EdgeLeft" && c === a.left) out.push({ r, c, edge: "left" });
        if (side === "EdgeRight" && c === a.right) out.push({ r, c, edge: "right" });
        if (side === "InsideVertical" && c < a.right) out.push({ r, c, edge: "right" });
        if (side === "InsideHorizontal" && r < a.bottom) out.push({ r, c, edge: "bottom" });
      }
    return out;
  }
  function borderProp(k: "style" | "weight" | "color", dflt: string, check: (v: unknown) => string): PropDef {
    return {
      get: (ctx, h) => {
        const s = sheetOf(ctx, h);
        const seen = new Set<string>();
        for (const a of h.areas!) for (const e of edges(a, h.side!)) seen.add(s.getCell(e.r, e.c)?.borders?.[e.edge]?.[k] ?? (k === "style" ? "None" : dflt));
        return seen.size === 1 ? [...seen][0] : null;
      },
      set: (ctx, h, v) => {
        const value = check(v);
        const s = writableSheet(ctx, h);
        if (cellCount(h.areas!) > 2_000_000) throw new SimError("RangeExceedsLimit", "Too many cells.", 400);
        for (const a of h.areas!)
          for (const e of edges(a, h.side!)) {
            const cell = s.cell(e.r, e.c);
            const borders = (cell.borders = cell.borders ?? {});
            if (k === "style" && value === "None") {
              delete borders[e.edge];
              continue;
            }
            const edge: SimEdge = borders[e.edge] ?? { style: "Continuous", weight: "Thin" };
            edge[k] = value;
            borders[e.edge] = edge;
          }
      },
    };
  }
  const RangeBorder: TypeDef = {
    props: {
      SideIndex: scalar((_c, h) => h.side),
      Style: borderProp("style", "None", (v) => {
        const ok = ["Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "None", "SlantDashDot"];
        if (typeof v !== "string" || !ok.includes(v)) throw invalidArg("border style");
        return v;
      }),
      Weight: borderProp("weight", "Thin", (v) => {
        if (typeof v !== "string" || !["Hairline", "Thin", "Medium", "Thick"].includes(v)) throw invalidArg("border weight");
        return v;
      }),
      Color: borderProp("color", "#000000", (v) => colour(v, "border color")),
    },
  };

  return { Range, RangeAreas, RangeCollection, RangeFormat, RangeFill, RangeFont, RangeBorderCollection, RangeBorder };
}

function conditionalFormatTypes(): Record<string, TypeDef> {
  const ConditionalFormatCollection: TypeDef = {
    items: (ctx, h) => {
      const s = sheetOf(ctx, h);
      return s.conditionalFormatsIntersecting(h.areas!).map((cf) => cfHandle(s, cf));
    },
    itemKey: (_c, h) => h.id!,
    indexer: (ctx, h, [id]) => {
      const s = sheetOf(ctx, h);
      const cf = s.conditionalFormats.find((x) => x.id === id);
      if (!cf) throw notFound(`conditional format ${String(id)}`);
      return cfHandle(s, cf);
    },
    creating: new Set(["Add"]),
    objects: {
      Add: (ctx, h, [type]) => {
        if (type !== "Custom") throw apiNotFound(`conditionalFormats.add("${String(type)}")`);
        const s = writableSheet(ctx, h);
        const cf: SimConditionalFormat = { id: ctx.model.newId(2), type: "Custom", ranges: h.areas!.map((a) => ({ ...a })), stopIfTrue: false };
        // Office.js adds a new conditional format at the top priority.
        s.conditionalFormats.unshift(cf);
        return cfHandle(s, cf);
      },
      GetItemAt: (ctx, h, [i]) => {
        const s = sheetOf(ctx, h);
        const cf = s.conditionalFormatsIntersecting(h.areas!)[int(i, "index")];
        if (!cf) throw invalidArg("index");
        return cfHandle(s, cf);
      },
      GetItemOrNullObject: (ctx, h, [id]) => {
        const s = sheetOf(ctx, h);
        const cf = s.conditionalFormats.find((x) => x.id === id);
        return cf ? cfHandle(s, cf) : null;
      },
    },
    methods: {
      GetCount: (ctx, h) => sheetOf(ctx, h).conditionalFormatsIntersecting(h.areas!).length,
      ClearAll: (ctx, h) => {
        const s = writableSheet(ctx, h);
        // Rules wholly inside the range go; rules reaching outside it are kept whole (not trimmed: not modelled).
        s.conditionalFormats = s.conditionalFormats.filter((cf) => !cf.ranges.every((r) => h.areas!.some((a) => areaContains(a, r))));
        return null;
      },
    },
  };
  const ConditionalFormat: TypeDef = {
    props: {
      Id: scalar((ctx, h) => cfOf(ctx, h).cf.id),
      Type: scalar((ctx, h) => cfOf(ctx, h).cf.type),
      Priority: scalar(
        (ctx, h) => {
          const { sheet, cf } = cfOf(ctx, h);
          return sheet.conditionalFormats.indexOf(cf);
        },
        (ctx, h, v) => {
          const { sheet, cf } = cfOf(ctx, h);
          writable(ctx, sheet);
          const p = Math.max(0, Math.min(int(v, "priority"), sheet.conditionalFormats.length - 1));
          sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
          sheet.conditionalFormats.splice(p, 0, cf);
        },
      ),
      StopIfTrue: scalar(
        (ctx, h) => cfOf(ctx, h).cf.stopIfTrue,
        (ctx, h, v) => {
          const { sheet, cf } = cfOf(ctx, h);
          writable(ctx, sheet);
          if (typeof v !== "boolean") throw invalidArg("stopIfTrue");
          cf.stopIfTrue = v;
        },
      ),
    },
    nav: {
      Custom: (ctx, h) => {
        cfCustom(ctx, h);
        return { t: "CustomConditionalFormat", sheet: h.sheet, id: h.id };
      },
      CustomOrNullObject: (ctx, h) => {
        const { cf } = cfOf(ctx, h);
        const custom = cf.type === "Custom" && (!cf.sourceRule || cf.sourceRule.type === "expression");
        return custom ? { t: "CustomConditionalFormat", sheet: h.sheet, id: h.id } : null;
      },
    },
    objects: {
      GetRange: (ctx, h) => {
        const { cf } = cfOf(ctx, h);
        if (cf.ranges.length !== 1) throw new SimError("InvalidOperation", "The conditional format applies to several ranges; use getRanges.", 400);
        return range(h.sheet!, cf.ranges[0]);
      },
      GetRangeOrNullObject: (ctx, h) => {
        const { cf } = cfOf(ctx, h);
        return cf.ranges.length === 1 ? range(h.sheet!, cf.ranges[0]) : null;
      },
      GetRanges: (ctx, h) => ({ t: "RangeAreas", sheet: h.sheet, areas: cfOf(ctx, h).cf.ranges.map((r) => ({ ...r })) }),
    },
    methods: {
      Delete: (ctx, h) => {
        const { sheet, cf } = cfOf(ctx, h);
        writable(ctx, sheet);
        sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
        return null;
      },
    },
  };
  const sub = (t: string) => (_c: Ctx, h: Handle): Handle => ({ t, sheet: h.sheet, id: h.id });
  const CustomConditionalFormat: TypeDef = { nav: { Rule: sub("ConditionalFormatRule"), Format: sub("ConditionalRangeFormat") } };
  const formulaProp: PropDef = {
    get: (ctx, h) => cfCustom(ctx, h).formula ?? "",
    set: (ctx, h, v) => {
      const cf = cfCustom(ctx, h);
      writable(ctx, sheetOf(ctx, h));
      if (typeof v !== "string" || !v.trim()) throw invalidArg("rule.formula");
      cf.formula = v.trim().startsWith("=") ? v.trim() : `=${v.trim()}`;
    },
  };
  const ConditionalFormatRule: TypeDef = { props: { Formula: formulaProp, FormulaLocal: formulaProp } };
  const ConditionalRangeFormat: TypeDef = { nav: { Fill: sub("ConditionalRangeFill"), Font: sub("ConditionalRangeFont") } };
  const ConditionalRangeFill: TypeDef = {
    props: {
      Color: scalar(
        (ctx, h) => cfCustom(ctx, h).fill ?? null,
        (ctx, h, v) => {
          const cf = cfCustom(ctx, h);
          writable(ctx, sheetOf(ctx, h));
          cf.fill = colour(v, "fill.color");
        },
      ),
    },
    methods: {
      Clear: (ctx, h) => {
        cfCustom(ctx, h).fill = null;
        return null;
      },
    },
  };
  const cfFont = (k: "color" | "bold" | "italic"): PropDef => ({
    get: (ctx, h) => cfCustom(ctx, h).font?.[k] ?? null,
    set: (ctx, h, v) => {
      const cf = cfCustom(ctx, h);
      writable(ctx, sheetOf(ctx, h));
      const value = k === "color" ? colour(v, "font.color") : typeof v === "boolean" ? v : (() => { throw invalidArg(`font.${k}`); })();
      cf.font = { ...(cf.font ?? {}), [k]: value };
    },
  });
  const ConditionalRangeFont: TypeDef = { props: { Color: cfFont("color"), Bold: cfFont("bold"), Italic: cfFont("italic") } };
  return { ConditionalFormatCollection, ConditionalFormat, CustomConditionalFormat, ConditionalFormatRule, ConditionalRangeFormat, ConditionalRangeFill, ConditionalRangeFont };
}

function worksheetTypes(): Record<string, TypeDef> {
  const WorksheetCollection: TypeDef = {
    items: (ctx) => ctx.model.sheets.map(worksheetHandle),
    itemKey: (_c, h) => h.sheet!,
    indexer: (ctx, _h, [key]) => {
      const s = typeof key === "string" ? ctx.model.sheetByNameOrId(key) : undefined;
      if (!s) throw notFound(`worksheet "${String(key)}"`);
      return worksheetHandle(s);
    },
    creating: new Set(["Add"]),
    objects: {
      Add: (ctx, _h, [name]) => {
        let n = name;
        if (n === undefined || n === null || n === "") {
          let i = ctx.model.sheets.length + 1;
          while (ctx.model.sheetByName(`Sheet${i}`)) i++;
          n = `Sheet${i}`;
        }
        return worksheetHandle(ctx.model.addSheet(validSheetName(ctx, n)));
      },
      GetItemOrNullObject: (ctx, _h, [key]) => {
        const s = typeof key === "string" ? ctx.model.sheetByNameOrId(key) : undefined;
        return s ? worksheetHandle(s) : null;
      },
      GetActiveWorksheet: (ctx) => {
        const s = ctx.model.activeSheet();
        if (!s) throw notFound("no visible sheet");
        return worksheetHandle(s);
      },
      GetFirst: (ctx, _h, [visibleOnly]) => {
        const s = ctx.model.sheets.find((x) => !visibleOnly || x.visibility === "Visible");
        if (!s) throw notFound("no sheet");
        return worksheetHandle(s);
      },
    },
    methods: {
      GetCount: (ctx, _h, [visibleOnly]) => ctx.model.sheets.filter((x) => !visibleOnly || x.visibility === "Visible").length,
    },
  };

  const Worksheet: TypeDef = {
    props: {
      Name: scalar(
        (ctx, h) => sheetOf(ctx, h).name,
        (ctx, h, v) => {
          const s = sheetOf(ctx, h);
          ctx.model.renameSheet(s, validSheetName(ctx, v, s));
        },
      ),
      Id: scalar((ctx, h) => sheetOf(ctx, h).id),
      Position: scalar(
        (ctx, h) => ctx.model.sheets.indexOf(sheetOf(ctx, h)),
        (ctx, h, v) => {
          const s = sheetOf(ctx, h);
          const p = int(v, "position");
          if (p < 0 || p >= ctx.model.sheets.length) throw invalidArg("position");
          ctx.model.sheets = ctx.model.sheets.filter((x) => x !== s);
          ctx.model.sheets.splice(p, 0, s);
        },
      ),
      Visibility: scalar(
        (ctx, h) => sheetOf(ctx, h).visibility,
        (ctx, h, v) => {
          const s = sheetOf(ctx, h);
          if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") throw invalidArg("visibility");
          if (v !== "Visible" && s.visibility === "Visible" && ctx.model.sheets.filter((x) => x.visibility === "Visible").length === 1)
            throw new SimError("InvalidOperation", "A workbook must keep at least one visible sheet.", 400);
          s.visibility = v;
        },
      ),
      StandardWidth: scalar(() => STANDARD_WIDTH_POINTS),
    },
    nav: {
      Protection: (_c, h) => ({ t: "WorksheetProtection", sheet: h.sheet }),
      Charts: (_c, h) => ({ t: "ChartCollection", sheet: h.sheet }),
      Tables: (_c, h) => ({ t: "TableCollection", sheet: h.sheet }),
      FreezePanes: (_c, h) => ({ t: "WorksheetFreezePanes", sheet: h.sheet }),
      PageLayout: (_c, h) => ({ t: "PageLayout", sheet: h.sheet }),
    },
    objects: {
      GetRange: (ctx, h, [address]) => {
        const s = sheetOf(ctx, h);
        if (address === undefined || address === null || address === "") return range(s.id, { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 });
        if (typeof address !== "string") throw invalidArg("address");
        const areas = parseAreasFor(ctx, s, address);
        if (areas.length !== 1) throw invalidArg(`getRange("${address}") takes one rectangle; use getRanges`);
        return range(s.id, areas[0]);
      },
      GetRanges: (ctx, h, [address]) => {
        const s = sheetOf(ctx, h);
        if (typeof address !== "string") throw invalidArg("address");
        return { t: "RangeAreas", sheet: s.id, areas: parseAreasFor(ctx, s, address) };
      },
      GetRangeByIndexes: (ctx, h, [r, c, n, m]) => {
        const s = sheetOf(ctx, h);
        const top = int(r, "startRow");
        const left = int(c, "startColumn");
        return range(s.id, checkArea({ top, left, bottom: top + int(n, "rowCount") - 1, right: left + int(m, "columnCount") - 1 }, "getRangeByIndexes"));
      },
      GetCell: (ctx, h, [r, c]) => {
        const s = sheetOf(ctx, h);
        const top = int(r, "row");
        const left = int(c, "column");
        return range(s.id, checkArea({ top, left, bottom: top, right: left }, "getCell"));
      },
      GetUsedRange: (ctx, h, [valuesOnly]) => usedRange(ctx, h, valuesOnly, false),
      GetUsedRangeOrNullObject: (ctx, h, [valuesOnly]) => usedRange(ctx, h, valuesOnly, true),
    },
    methods: {
      Delete: (ctx, h) => {
        const s = sheetOf(ctx, h);
        if (ctx.model.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0)
          throw new SimError("InvalidOperation", "A workbook must keep at least one visible sheet.", 400);
        ctx.model.deleteSheet(s);
        return null;
      },
      Activate: (ctx, h) => {
        ctx.model.activate(sheetOf(ctx, h));
        return null;
      },
      Calculate: () => null,
    },
  };

  const WorksheetProtection: TypeDef = {
    props: {
      Protected: scalar((ctx, h) => sheetOf(ctx, h).protected),
      Options: scalar((ctx, h) => {
        const p = sheetOf(ctx, h).protected;
        const allow = !p;
        return { allowAutoFilter: allow, allowDeleteColumns: allow, allowDeleteRows: allow, allowEditObjects: allow, allowEditScenarios: allow, allowFormatCells: allow, allowFormatColumns: allow, allowFormatRows: allow, allowInsertColumns: allow, allowInsertHyperlinks: allow, allowInsertRows: allow, allowPivotTables: allow, allowSort: allow };
      }),
    },
    methods: {
      Protect: (ctx, h) => {
        const s = sheetOf(ctx, h);
        if (s.protected) throw new SimError("InvalidOperation", "The sheet is already protected.", 400);
        s.protected = true;
        return null;
      },
      Unprotect: (ctx, h) => {
        sheetOf(ctx, h).protected = false;
        return null;
      },
    },
  };

  const WorksheetFreezePanes: TypeDef = {
    methods: {
      FreezeRows: (ctx, h, [n]) => {
        const s = writableSheet(ctx, h);
        s.freeze = { rows: n === undefined ? 1 : int(n, "count"), columns: 0 };
        return null;
      },
      FreezeColumns: (ctx, h, [n]) => {
        const s = writableSheet(ctx, h);
        s.freeze = { rows: 0, columns: n === undefined ? 1 : int(n, "count") };
        return null;
      },
      FreezeAt: (ctx, h, [target]) => {
        const s = writableSheet(ctx, h);
        const a = rangeArg(ctx, s, target, "frozenRange");
        s.freeze = { rows: a.bottom + 1, columns: a.right + 1 };
        return null;
      },
      Unfreeze: (ctx, h) => {
        writableSheet(ctx, h).freeze = { rows: 0, columns: 0 };
        return null;
      },
    },
    objects: {
      GetLocationOrNullObject: (ctx, h) => {
        const f = sheetOf(ctx, h).freeze;
        if (!f.rows && !f.columns) return null;
        return range(h.sheet!, { top: 0, left: 0, bottom: f.rows ? f.rows - 1 : MAX_ROWS - 1, right: f.columns ? f.columns - 1 : MAX_COLUMNS - 1 });
      },
    },
  };

  const hfProp = (k: "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter"): PropDef => ({
    get: (ctx, h) => sheetOf(ctx, h).pageLayout.headerFooter[k],
    set: (ctx, h, v) => {
      if (typeof v !== "string") throw invalidArg(k);
      sheetOf(ctx, h).pageLayout.headerFooter[k] = v;
    },
  });
  const PageLayout: TypeDef = {
    props: {
      Orientation: scalar(
        (ctx, h) => sheetOf(ctx, h).pageLayout.orientation,
        (ctx, h, v) => {
          if (v !== "Portrait" && v !== "Landscape") throw invalidArg("orientation");
          sheetOf(ctx, h).pageLayout.orientation = v;
        },
      ),
      Zoom: scalar(
        (ctx, h) => ({ ...sheetOf(ctx, h).pageLayout.zoom }),
        (ctx, h, v) => {
          if (!v || typeof v !== "object") throw invalidArg("zoom");
          const z = v as { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
          const out: SheetModel["pageLayout"]["zoom"] = {};
          if (z.scale !== undefined && z.scale !== null) {
            if (typeof z.scale !== "number" || z.scale < 10 || z.scale > 400) throw invalidArg("zoom.scale");
            out.scale = z.scale;
          }
          for (const k of ["horizontalFitToPages", "verticalFitToPages"] as const)
            if (z[k] !== undefined && z[k] !== null) {
              if (typeof z[k] !== "number" || (z[k] as number) < 0) throw invalidArg(`zoom.${k}`);
              out[k] = z[k];
            }
          sheetOf(ctx, h).pageLayout.zoom = out;
        },
      ),
    },
    nav: { HeadersFooters: (_c, h) => ({ t: "HeaderFooterGroup", sheet: h.sheet }) },
    methods: {
      SetPrintTitleRows: (ctx, h, [rows]) => {
        const s = sheetOf(ctx, h);
        let a: Area;
        if (rows && typeof rows === "object") a = rangeArg(ctx, s, rows, "printTitleRows");
        else if (typeof rows === "string") {
          try {
            a = parseArea(rows.replace(/^.*!/, ""));
          } catch {
            throw invalidArg("printTitleRows");
          }
        } else throw invalidArg("printTitleRows");
        if (a.left !== 0 || a.right !== MAX_COLUMNS - 1) throw invalidArg("print title rows must be whole rows");
        s.pageLayout.printTitleRows = { first: a.top, last: a.bottom };
        return null;
      },
    },
    objects: {
      GetPrintTitleRowsOrNullObject: (ctx, h) => {
        const p = sheetOf(ctx, h).pageLayout.printTitleRows;
        return p ? range(h.sheet!, { top: p.first, bottom: p.last, left: 0, right: MAX_COLUMNS - 1 }) : null;
      },
    },
  };
  const HeaderFooterGroup: TypeDef = {
    props: { State: scalar(() => "Default") },
    nav: { DefaultForAllPages: (_c, h) => ({ t: "HeaderFooter", sheet: h.sheet }) },
  };
  const HeaderFooter: TypeDef = {
    props: {
      LeftHeader: hfProp("leftHeader"),
      CenterHeader: hfProp("centerHeader"),
      RightHeader: hfProp("rightHeader"),
      LeftFooter: hfProp("leftFooter"),
      CenterFooter: hfProp("centerFooter"),
      RightFooter: hfProp("rightFooter"),
    },
  };
  return { WorksheetCollection, Worksheet, WorksheetProtection, WorksheetFreezePanes, PageLayout, HeaderFooterGroup, HeaderFooter };
}

function workbookTypes(): Record<string, TypeDef> {
  const Workbook: TypeDef = {
    nav: {
      Worksheets: () => ({ t: "WorksheetCollection" }),
      Names: () => ({ t: "NamedItemCollection" }),
      Settings: () => ({ t: "SettingCollection" }),
      Tables: () => ({ t: "TableCollection" }),
    },
    objects: {
      // workbook.getSelectedRange(): the active sheet's selection.
      GetSelectedRange: (ctx) => {
        const s = ctx.model.activeSheet();
        if (!s) throw notFound("no visible sheet");
        return range(s.id, ctx.model.selectionOf(s));
      },
    },
  };

  const settingHandle = (key: string): Handle => ({ t: "Setting", id: key });
  const SettingCollection: TypeDef = {
    items: (ctx) => [...ctx.model.settings.keys()].map(settingHandle),
    itemKey: (_c, h) => h.id!,
    indexer: (ctx, _h, [key]) => {
      if (typeof key !== "string" || !ctx.model.settings.has(key)) throw notFound(`setting "${String(key)}"`);
      return settingHandle(key);
    },
    creating: new Set(["Add"]),
    objects: {
      Add: (ctx, _h, [key, value]) => {
        if (typeof key !== "string" || !key) throw invalidArg("key");
        ctx.model.settings.set(key, JSON.parse(JSON.stringify(value ?? null)));
        return settingHandle(key);
      },
      GetItemOrNullObject: (ctx, _h, [key]) => (typeof key === "string" && ctx.model.settings.has(key) ? settingHandle(key) : null),
    },
    methods: { GetCount: (ctx) => ctx.model.settings.size },
  };
  const settingOf = (ctx: Ctx, h: Handle) => {
    if (!ctx.model.settings.has(h.id!)) throw notFound(`setting "${h.id}"`);
    return h.id!;
  };
  const Setting: TypeDef = {
    props: {
      Key: scalar((ctx, h) => settingOf(ctx, h)),
      _Id: scalar((ctx, h) => settingOf(ctx, h)),
      Value: scalar(
        (ctx, h) => ctx.model.settings.get(settingOf(ctx, h)),
        (ctx, h, v) => {
          ctx.model.settings.set(settingOf(ctx, h), JSON.parse(JSON.stringify(v ?? null)));
        },
      ),
    },
    methods: {
      Delete: (ctx, h) => {
        ctx.model.settings.delete(settingOf(ctx, h));
        return null;
      },
    },
  };

  const nameHandle = (n: SimNamedItem): Handle => ({ t: "NamedItem", id: n.name });
  const addName = (ctx: Ctx, name: unknown, reference: unknown, comment: unknown): Handle => {
    if (typeof name !== "string" || !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name))
      throw invalidArg(`"${String(name)}" is not a valid name`);
    if (ctx.model.nameByName(name)) throw new SimError("ItemAlreadyExists", `The name "${name}" already exists.`, 409);
    const item: SimNamedItem = { name, formula: nameFormula(ctx, reference), visible: true, comment: typeof comment === "string" ? comment : "" };
    ctx.model.names.push(item);
    return nameHandle(item);
  };
  const NamedItemCollection: TypeDef = {
    items: (ctx) => ctx.model.names.map(nameHandle),
    itemKey: (_c, h) => h.id!,
    indexer: (ctx, _h, [name]) => {
      const n = typeof name === "string" ? ctx.model.nameByName(name) : undefined;
      if (!n) throw notFound(`name "${String(name)}"`);
      return nameHandle(n);
    },
    creating: new Set(["Add", "AddFormulaLocal"]),
    objects: {
      Add: (ctx, _h, [name, reference, comment]) => addName(ctx, name, reference, comment),
      AddFormulaLocal: (ctx, _h, [name, formula, comment]) => addName(ctx, name, formula, comment),
      GetItemOrNullObject: (ctx, _h, [name]) => {
        const n = typeof name === "string" ? ctx.model.nameByName(name) : undefined;
        return n ? nameHandle(n) : null;
      },
    },
    methods: { GetCount: (ctx) => ctx.model.names.length },
  };
  const NamedItem: TypeDef = {
    props: {
      Name: scalar((ctx, h) => nameOf(ctx, h).name),
      _Id: scalar((ctx, h) => nameOf(ctx, h).name),
      Type: scalar((ctx, h) => namedItemType(ctx, nameOf(ctx, h))),
      Value: scalar((ctx, h) => {
        const n = nameOf(ctx, h);
        const t = namedItemType(ctx, n);
        const body = n.formula.replace(/^=/, "");
        if (t === "Error") return "#REF!";
        if (t === "Double") return Number(body);
        if (t === "Boolean") return body.toUpperCase() === "TRUE";
        if (t === "String") return body.slice(1, -1);
        return body;
      }),
      Formula: scalar(
        (ctx, h) => nameOf(ctx, h).formula,
        (ctx, h, v) => {
          nameOf(ctx, h).formula = nameFormula(ctx, v);
        },
      ),
      Visible: scalar(
        (ctx, h) => nameOf(ctx, h).visible,
        (ctx, h, v) => {
          nameOf(ctx, h).visible = Boolean(v);
        },
      ),
      Comment: scalar(
        (ctx, h) => nameOf(ctx, h).comment,
        (ctx, h, v) => {
          nameOf(ctx, h).comment = String(v ?? "");
        },
      ),
      Scope: scalar(() => "Workbook"),
    },
    nav: {
      // Workbook-scoped names have no worksheet (only sheet-scoped names do; those are not modelled).
      Worksheet: () => {
        throw notFound("the name is scoped to the workbook, not a worksheet");
      },
      WorksheetOrNullObject: () => null,
    },
    objects: {
      GetRange: (ctx, h) => {
        const target = ctx.model.resolveName(nameOf(ctx, h));
        if (!target) throw new SimError("InvalidOperation", "The name does not refer to a range.", 400);
        return range(target.sheet.id, target.area);
      },
      GetRangeOrNullObject: (ctx, h) => {
        const target = ctx.model.resolveName(nameOf(ctx, h));
        return target ? range(target.sheet.id, target.area) : null;
      },
    },
    methods: {
      Delete: (ctx, h) => {
        const n = nameOf(ctx, h);
        ctx.model.names = ctx.model.names.filter((x) => x !== n);
        return null;
      },
    },
  };

  const allTables = (ctx: Ctx, h: Handle) => {
    const sheets = h.sheet ? [sheetOf(ctx, h)] : ctx.model.sheets;
    return sheets.flatMap((s) => s.tables.map((t) => ({ s, t })));
  };
  const tableHandle = (s: SheetModel, id: string): Handle => ({ t: "Table", sheet: s.id, id });
  const TableCollection: TypeDef = {
    props: { Count: scalar((ctx, h) => allTables(ctx, h).length) },
    items: (ctx, h) => allTables(ctx, h).map(({ s, t }) => tableHandle(s, t.id)),
    itemKey: (_c, h) => h.id!,
    indexer: (ctx, h, [key]) => {
      const hit = allTables(ctx, h).find(({ t }) => t.id === key || t.name.toLowerCase() === String(key).toLowerCase());
      if (!hit) throw notFound(`table "${String(key)}"`);
      return tableHandle(hit.s, hit.t.id);
    },
    objects: {
      GetItemOrNullObject: (ctx, h, [key]) => {
        const hit = allTables(ctx, h).find(({ t }) => t.id === key || t.name.toLowerCase() === String(key).toLowerCase());
        return hit ? tableHandle(hit.s, hit.t.id) : null;
      },
      GetItemAt: (ctx, h, [i]) => {
        const hit = allTables(ctx, h)[int(i, "index")];
        if (!hit) throw invalidArg("index");
        return tableHandle(hit.s, hit.t.id);
      },
    },
    methods: { GetCount: (ctx, h) => allTables(ctx, h).length },
  };
  const tableOf = (ctx: Ctx, h: Handle) => {
    const t = sheetOf(ctx, h).tables.find((x) => x.id === h.id);
    if (!t) throw notFound(`table ${h.id}`);
    return t;
  };
  const Table: TypeDef = {
    props: {
      Id: scalar((ctx, h) => tableOf(ctx, h).id),
      Name: scalar((ctx, h) => tableOf(ctx, h).name),
      ShowHeaders: scalar((ctx, h) => tableOf(ctx, h).showHeaders),
      ShowTotals: scalar((ctx, h) => tableOf(ctx, h).showTotals),
      Style: scalar((ctx, h) => tableOf(ctx, h).style),
    },
    nav: { Worksheet: (_c, h) => ({ t: "Worksheet", sheet: h.sheet }) },
    objects: {
      GetRange: (ctx, h) => range(h.sheet!, { ...tableOf(ctx, h).area }),
      GetHeaderRowRange: (ctx, h) => {
        const t = tableOf(ctx, h);
        return range(h.sheet!, { ...t.area, bottom: t.area.top });
      },
      GetDataBodyRange: (ctx, h) => {
        const t = tableOf(ctx, h);
        return range(h.sheet!, { ...t.area, top: t.area.top + (t.showHeaders ? 1 : 0), bottom: t.area.bottom - (t.showTotals ? 1 : 0) });
      },
    },
  };
  return { Workbook, SettingCollection, Setting, NamedItemCollection, NamedItem, TableCollection, Table };
}

function chartTypes(): Record<string, TypeDef> {
  const chartHandle = (s: SheetModel, c: SimChart): Handle => ({ t: "Chart", sheet: s.id, id: c.id });
  const ChartCollection: TypeDef = {
    props: { Count: scalar((ctx, h) => sheetOf(ctx, h).charts.length) },
    items: (ctx, h) => {
      const s = sheetOf(ctx, h);
      return s.charts.map((c) => chartHandle(s, c));
    },
    creating: new Set(["Add"]),
    objects: {
      Add: (ctx, h, [type, source, seriesBy]) => {
        const s = writableSheet(ctx, h);
        if (typeof type !== "string" || !CHART_TYPES.has(type)) throw apiNotFound(`charts.add("${String(type)}")`);
        const area = rangeArg(ctx, s, source, "sourceData");
        const by = seriesBy === undefined || seriesBy === null ? "Auto" : String(seriesBy);
        if (!["Auto", "Columns", "Rows"].includes(by)) throw invalidArg("seriesBy");
        let i = s.charts.length + 1;
        while (s.charts.some((c) => c.name === `Chart ${i}`)) i++;
        const chart: SimChart = {
          id: ctx.model.newId(4),
          name: `Chart ${i}`,
          chartType: type,
          source: area,
          seriesBy: by,
          title: null,
          titleVisible: false,
          seriesColours: Array(seriesCount(area, by)).fill(null),
          top: 0,
          left: 0,
          width: 360,
          height: 216,
          anchor: null,
        };
        s.charts.push(chart);
        return chartHandle(s, chart);
      },
      GetItem: (ctx, h, [name]) => {
        const s = sheetOf(ctx, h);
        const c = s.charts.find((x) => x.name === name || x.id === name);
        if (!c) throw notFound(`chart "${String(name)}"`);
        return chartHandle(s, c);
      },
      GetItemOrNullObject: (ctx, h, [name]) => {
        const s = sheetOf(ctx, h);
        const c = s.charts.find((x) => x.name === name || x.id === name);
        return c ? chartHandle(s, c) : null;
      },
      GetItemAt: (ctx, h, [i]) => {
        const s = sheetOf(ctx, h);
        const c = s.charts[int(i, "index")];
        if (!c) throw invalidArg("index");
        return chartHandle(s, c);
      },
    },
    methods: { GetCount: (ctx, h) => sheetOf(ctx, h).charts.length },
  };
  const chartProp = <K extends "name" | "chartType" | "top" | "left" | "width" | "height">(k: K, check: (v: unknown) => SimChart[K]): PropDef => ({
    get: (ctx, h) => chartOf(ctx, h).chart[k],
    set: (ctx, h, v) => {
      const { sheet, chart } = chartOf(ctx, h);
      writable(ctx, sheet);
      chart[k] = check(v);
    },
  });
  const num = (v: unknown) => {
    if (typeof v !== "number" || v < 0) throw invalidArg("chart size or position");
    return v;
  };
  const Chart: TypeDef = {
    props: {
      Id: scalar((ctx, h) => chartOf(ctx, h).chart.id),
      Name: chartProp("name", (v) => {
        if (typeof v !== "string" || !v) throw invalidArg("name");
        return v;
      }),
      ChartType: chartProp("chartType", (v) => {
        if (typeof v !== "string" || !CHART_TYPES.has(v)) throw apiNotFound(`chartType "${String(v)}"`);
        return v;
      }),
      Top: chartProp("top", num),
      Left: chartProp("left", num),
      Width: chartProp("width", num),
      Height: chartProp("height", num),
    },
    nav: {
      Title: (_c, h) => ({ t: "ChartTitle", sheet: h.sheet, id: h.id }),
      Series: (_c, h) => ({ t: "ChartSeriesCollection", sheet: h.sheet, id: h.id }),
      Worksheet: (_c, h) => ({ t: "Worksheet", sheet: h.sheet }),
    },
    methods: {
      Delete: (ctx, h) => {
        const { sheet, chart } = chartOf(ctx, h);
        writable(ctx, sheet);
        sheet.charts = sheet.charts.filter((c) => c !== chart);
        return null;
      },
      SetPosition: (ctx, h, [start, end]) => {
        const { sheet, chart } = chartOf(ctx, h);
        writable(ctx, sheet);
        const a = rangeArg(ctx, sheet, start, "startCell");
        chart.anchor = formatArea({ top: a.top, left: a.left, bottom: a.top, right: a.left });
        chart.top = a.top * 15;
        chart.left = a.left * STANDARD_WIDTH_POINTS;
        if (end !== undefined && end !== null) {
          const b = rangeArg(ctx, sheet, end, "endCell");
          chart.height = Math.max(15, (b.bottom - a.top + 1) * 15);
          chart.width = Math.max(STANDARD_WIDTH_POINTS, (b.right - a.left + 1) * STANDARD_WIDTH_POINTS);
        }
        return null;
      },
      SetData: (ctx, h, [source, seriesBy]) => {
        const { sheet, chart } = chartOf(ctx, h);
        writable(ctx, sheet);
        chart.source = rangeArg(ctx, sheet, source, "sourceData");
        chart.seriesBy = typeof seriesBy === "string" ? seriesBy : "Auto";
        chart.seriesColours = Array(seriesCount(chart.source, chart.seriesBy)).fill(null);
        return null;
      },
    },
  };
  const ChartTitle: TypeDef = {
    props: {
      Text: scalar(
        (ctx, h) => chartOf(ctx, h).chart.title ?? "",
        (ctx, h, v) => {
          const { sheet, chart } = chartOf(ctx, h);
          writable(ctx, sheet);
          if (typeof v !== "string") throw invalidArg("title.text");
          chart.title = v;
          chart.titleVisible = true;
        },
      ),
      Visible: scalar(
        (ctx, h) => chartOf(ctx, h).chart.titleVisible,
        (ctx, h, v) => {
          const { sheet, chart } = chartOf(ctx, h);
          writable(ctx, sheet);
          chart.titleVisible = Boolean(v);
        },
      ),
    },
  };
  const seriesOf = (ctx: Ctx, h: Handle) => {
    const { sheet, chart } = chartOf(ctx, h);
    if (h.index === undefined || h.index < 0 || h.index >= chart.seriesColours.length) throw invalidArg("series index");
    return { sheet, chart, index: h.index };
  };
  const ChartSeriesCollection: TypeDef = {
    props: { Count: scalar((ctx, h) => chartOf(ctx, h).chart.seriesColours.length) },
    items: (ctx, h) => chartOf(ctx, h).chart.seriesColours.map((_c, index) => ({ t: "ChartSeries", sheet: h.sheet, id: h.id, index })),
    objects: {
      GetItemAt: (ctx, h, [i]) => {
        const index = int(i, "index");
        seriesOf(ctx, { ...h, index });
        return { t: "ChartSeries", sheet: h.sheet, id: h.id, index };
      },
    },
    methods: { GetCount: (ctx, h) => chartOf(ctx, h).chart.seriesColours.length },
  };
  const ChartSeries: TypeDef = {
    props: { Name: scalar((ctx, h) => `Series${seriesOf(ctx, h).index + 1}`) },
    nav: { Format: (_c, h) => ({ ...h, t: "ChartSeriesFormat" }) },
  };
  const ChartSeriesFormat: TypeDef = { nav: { Fill: (_c, h) => ({ ...h, t: "ChartFill" }) } };
  const ChartFill: TypeDef = {
    methods: {
      SetSolidColor: (ctx, h, [c]) => {
        const { sheet, chart, index } = seriesOf(ctx, h);
        writable(ctx, sheet);
        chart.seriesColours[index] = colour(c, "color");
        return null;
      },
      Clear: (ctx, h) => {
        const { chart, index } = seriesOf(ctx, h);
        chart.seriesColours[index] = null;
        return null;
      },
    },
  };
  return { ChartCollection, Chart, ChartTitle, ChartSeriesCollection, ChartSeries, ChartSeriesFormat, ChartFill };
}

/** Every modelled type, by Office.js class name. */
export const TYPES: Readonly<Record<string, TypeDef>> = {
  ...rangeTypes(),
  ...conditionalFormatTypes(),
  ...worksheetTypes(),
  ...workbookTypes(),
  ...chartTypes(),
};
