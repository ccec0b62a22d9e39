// A worksheet's page layout and its headers and footers.
import { type Area, MAX_COLUMNS, parseArea } from "../address";
import { type SheetModel } from "../model";
import { invalidArg } from "./errors";
import { type PropDef, scalar, type TypeDef } from "./typeDef";
import { range, rangeArg, sheetOf } from "./access";

const hfProp = (k: "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter"): PropDef => ({
  get: (ctx, h) => sheetOf(ctx, h).pageLayout.headerFooter[k],
  set: (ctx, h, v) => {
    if (typeof v !== "string") throw invalidArg(k);
    sheetOf(ctx, h).pageLayout.headerFooter[k] = v;
  },
});
export const PageLayout: TypeDef = {
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
export const HeaderFooterGroup: TypeDef = {
  props: { State: scalar(() => "Default") },
  nav: { DefaultForAllPages: (_c, h) => ({ t: "HeaderFooter", sheet: h.sheet }) },
};
export const HeaderFooter: TypeDef = {
  props: {
    LeftHeader: hfProp("leftHeader"),
    CenterHeader: hfProp("centerHeader"),
    RightHeader: hfProp("rightHeader"),
    LeftFooter: hfProp("leftFooter"),
    CenterFooter: hfProp("centerFooter"),
    RightFooter: hfProp("rightFooter"),
  },
};
