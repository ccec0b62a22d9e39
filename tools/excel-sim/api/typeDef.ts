// How a modelled Excel type is described: its properties, navigations, methods
// and (for collections) items, each a function of the model and a handle.
import { type Area } from "../address";
import { type WorkbookModel } from "../model";

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

export type PropDef = { get?: (ctx: Ctx, h: Handle) => unknown; set?: (ctx: Ctx, h: Handle, v: unknown) => void };
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

export const scalar = (get: (ctx: Ctx, h: Handle) => unknown, set?: (ctx: Ctx, h: Handle, v: unknown) => void): PropDef => ({ get, set });
