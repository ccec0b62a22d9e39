// Excel tables (read only).
import { type SheetModel } from "../model";
import { invalidArg, notFound } from "./errors";
import { type Ctx, type Handle, scalar, type TypeDef } from "./typeDef";
import { int, range, sheetOf } from "./access";

const allTables = (ctx: Ctx, h: Handle) => {
  const sheets = h.sheet ? [sheetOf(ctx, h)] : ctx.model.sheets;
  return sheets.flatMap((s) => s.tables.map((t) => ({ s, t })));
};
const tableHandle = (s: SheetModel, id: string): Handle => ({ t: "Table", sheet: s.id, id });
export const TableCollection: TypeDef = {
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
export const Table: TypeDef = {
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
