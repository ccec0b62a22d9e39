// Conditional formats: the collection on a range, each format and its custom rule, fill and font.
import { areaContains } from "../address";
import { type SheetModel, type SimConditionalFormat } from "../model";
import { apiNotFound, invalidArg, notFound, SimError } from "./errors";
import { type Ctx, type Handle, type PropDef, scalar, type TypeDef } from "./typeDef";
import { int, range, sheetOf, writable, writableSheet } from "./access";
import { colour } from "./cells";

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

export const ConditionalFormatCollection: TypeDef = {
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
export const ConditionalFormat: TypeDef = {
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
export const CustomConditionalFormat: TypeDef = { nav: { Rule: sub("ConditionalFormatRule"), Format: sub("ConditionalRangeFormat") } };
const formulaProp: PropDef = {
  get: (ctx, h) => cfCustom(ctx, h).formula ?? "",
  set: (ctx, h, v) => {
    const cf = cfCustom(ctx, h);
    writable(ctx, sheetOf(ctx, h));
    if (typeof v !== "string" || !v.trim()) throw invalidArg("rule.formula");
    cf.formula = v.trim().startsWith("=") ? v.trim() : `=${v.trim()}`;
  },
};
export const ConditionalFormatRule: TypeDef = { props: { Formula: formulaProp, FormulaLocal: formulaProp } };
export const ConditionalRangeFormat: TypeDef = { nav: { Fill: sub("ConditionalRangeFill"), Font: sub("ConditionalRangeFont") } };
export const ConditionalRangeFill: TypeDef = {
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
export const ConditionalRangeFont: TypeDef = { props: { Color: cfFont("color"), Bold: cfFont("bold"), Italic: cfFont("italic") } };
