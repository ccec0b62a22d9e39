// Workbook-scoped defined names.
import { AddressError, parseSheetArea, sheetAddress } from "../address";
import { type SimNamedItem } from "../model";
import { invalidArg, notFound, SimError } from "./errors";
import { type Ctx, type Handle, scalar, type TypeDef } from "./typeDef";
import { areaOf, range, sheetOf } from "./access";

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

const nameHandle = (n: SimNamedItem): Handle => ({ t: "NamedItem", id: n.name });
const addName = (ctx: Ctx, name: unknown, reference: unknown, comment: unknown): Handle => {
  if (typeof name !== "string" || !/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name))
    throw invalidArg(`"${String(name)}" is not a valid name`);
  if (ctx.model.nameByName(name)) throw new SimError("ItemAlreadyExists", `The name "${name}" already exists.`, 409);
  const item: SimNamedItem = { name, formula: nameFormula(ctx, reference), visible: true, comment: typeof comment === "string" ? comment : "" };
  ctx.model.names.push(item);
  return nameHandle(item);
};
export const NamedItemCollection: TypeDef = {
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
export const NamedItem: TypeDef = {
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
