// The workbook: its collections and the selection.
import { notFound } from "./errors";
import { type TypeDef } from "./typeDef";
import { range } from "./access";

export const Workbook: TypeDef = {
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
