// Range, RangeAreas and RangeCollection.
import { AddressError, type Area, areaCellCount, areasIntersect, intersection, MAX_COLUMNS, MAX_ROWS, parseSheetArea, sheetAddress } from "../address";
import { type SimHyperlink } from "../model";
import { invalidArg, notFound, SimError } from "./errors";
import { scalar, type TypeDef } from "./typeDef";
import { areaOf, cellCount, checkArea, int, range, rangeArg, sheetOf, usedRange, writableSheet } from "./access";
import { clearAreas, eachInput, forEachCell, matrix, typeIn, valueType, wireValue } from "./cells";

const rangeNav: TypeDef["nav"] = {
  Format: (_c, h) => ({ t: "RangeFormat", sheet: h.sheet, areas: h.areas }),
  Worksheet: (_c, h) => ({ t: "Worksheet", sheet: h.sheet }),
  ConditionalFormats: (_c, h) => ({ t: "ConditionalFormatCollection", sheet: h.sheet, areas: h.areas }),
};
export const Range: TypeDef = {
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

export const RangeAreas: TypeDef = {
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

export const RangeCollection: TypeDef = {
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
