// Workbook settings (the add-in's own key/value store).
import { invalidArg, notFound } from "./errors";
import { type Ctx, type Handle, scalar, type TypeDef } from "./typeDef";

const settingHandle = (key: string): Handle => ({ t: "Setting", id: key });
export const SettingCollection: TypeDef = {
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
export const Setting: TypeDef = {
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
