// A range's format: RangeFormat, RangeFill, RangeFont and its borders.
import { type Area } from "../address";
import { type SimCell, type SimEdge, STANDARD_WIDTH_POINTS } from "../model";
import { apiNotFound, invalidArg, SimError } from "./errors";
import { type PropDef, scalar, type TypeDef } from "./typeDef";
import { cellCount, sheetOf, writableSheet } from "./access";
import { colour, common, forEachCell } from "./cells";

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

export const RangeFormat: TypeDef = {
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

export const RangeFill: TypeDef = {
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
export const RangeFont: TypeDef = {
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
export const RangeBorderCollection: TypeDef = {
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
export const RangeBorder: TypeDef = {
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
