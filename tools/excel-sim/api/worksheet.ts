// The worksheets collection, Worksheet, its protection and freeze panes.
import { MAX_COLUMNS, MAX_ROWS } from "../address";
import { type SheetModel, STANDARD_WIDTH_POINTS } from "../model";
import { invalidArg, notFound, SimError } from "./errors";
import { type Ctx, type Handle, scalar, type TypeDef } from "./typeDef";
import { checkArea, int, parseAreasFor, range, rangeArg, sheetOf, usedRange, writableSheet } from "./access";

function validSheetName(ctx: Ctx, name: unknown, except?: SheetModel): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'"))
    throw new SimError("InvalidArgument", `"${String(name)}" is not a valid sheet name.`, 400);
  const clash = ctx.model.sheetByName(name);
  if (clash && clash !== except) throw new SimError("ItemAlreadyExists", `A sheet called "${name}" already exists.`, 409);
  return name;
}

const worksheetHandle = (s: SheetModel): Handle => ({ t: "Worksheet", sheet: s.id });

export const WorksheetCollection: TypeDef = {
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

export const Worksheet: TypeDef = {
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

export const WorksheetProtection: TypeDef = {
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

export const WorksheetFreezePanes: TypeDef = {
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
