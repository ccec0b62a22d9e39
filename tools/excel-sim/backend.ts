// The simulated Excel: answers the real Office.js client's RichApi requests from a
// WorkbookModel, enforcing Excel on the web's limits and counting round trips.
//
// One request = one context.sync() (Excel.run adds one more when it ends, to
// release tracked objects). Actions run in order; the first failing action stops
// the request and its error goes back with the index of that action, as Excel
// does (actions before it stay applied: Excel has no transactions either).
//
// Inferred, not captured from a real Excel (no Excel runs here): the answer
// shapes come from reading what the pinned client expects. In particular:
// Instantiate answers carry a _ReferenceId only for objects the request keeps a
// reference to or creates (add); collection items carry _Id (the key the client
// then addresses them by); error codes for a protected sheet (AccessDenied), for
// more than 512 merged areas (GeneralException) and for reads above 5,000,000
// cells (RangeExceedsLimit) are this model's choices; a response over the limit
// is refused after its actions ran. Not modelled at all: events, undo,
// co-authoring, calculation, the Office-on-the-web "preview execution" path.
import { Ctx, Handle, SimError, SimOptions, TYPES, TypeDef, apiNotFound } from "./api";
import { MAX_ADDRESS_LENGTH } from "./address";
import { WorkbookModel } from "./model";
import { compareVersions } from "./version";
import {
  ActionResult,
  ActionType,
  ArgumentInfo,
  ObjectPathType,
  QueryInfo,
  RequestBody,
  ResponseMessage,
  WireObjectPath,
  utf8Length,
} from "./protocol";

/** Excel on the web: each request and each response at most 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
/** Excel: one read covers at most 5,000,000 cells. */
export const READ_CELL_LIMIT = 5_000_000;

export interface BackendOptions {
  /** Bytes a request or a response may have (default 5,000,000). */
  payloadLimitBytes?: number;
  /** Characters an address argument may have (default 8,192). */
  addressLimit?: number;
  readCellLimit?: number;
  /** Refuse writes to protected sheets with AccessDenied (default true). */
  enforceProtection?: boolean;
  /** Modelled members to answer with ApiNotFound anyway, as "Type.WireName" (e.g. "Range.GetMergedAreasOrNullObject"). */
  unsupported?: string[];
  /**
   * The newest ExcelApi requirement set this Excel supports (default "1.13"). Members
   * from newer sets answer ApiNotFound, as an older Excel does; the runtime's
   * Office.context.requirements.isSetSupported answers from it too. (The pinned
   * client does not check versions itself: its check flag is set on the wrong class.)
   */
  excelApiVersion?: string;
}

/** ExcelApi set of the modelled members newer than 1.1 (from the client's own annotations). */
export const MEMBER_VERSIONS: Readonly<Record<string, string>> = {
  "Range.GetMergedAreasOrNullObject": "1.13",
  "Range.GetAbsoluteResizedRange": "1.7",
  "Range.GetResizedRange": "1.3",
  "Range.GetUsedRangeOrNullObject": "1.4",
  "Range.GetIntersectionOrNullObject": "1.4",
  "Range.Hyperlink": "1.7",
  "Range.RowHidden": "1.2",
  "Range.Merge": "1.2",
  "Range._ValidateArraySize": "1.3",
  "Range.Unmerge": "1.2",
  "Range.ConditionalFormats": "1.6",
  "RangeAreas.Address": "1.9",
  "RangeAreas.AreaCount": "1.9",
  "RangeAreas.CellCount": "1.9",
  "RangeAreas.Areas": "1.9",
  "RangeAreas.ConditionalFormats": "1.9",
  "RangeAreas.Format": "1.9",
  "RangeAreas.Clear": "1.9",
  "RangeFormat.ColumnWidth": "1.2",
  "RangeFormat.UseStandardWidth": "1.7",
  "Worksheet.GetRanges": "1.9",
  "Worksheet.GetRangeByIndexes": "1.7",
  "Worksheet.GetUsedRangeOrNullObject": "1.4",
  "Worksheet.PageLayout": "1.9",
  "Worksheet.FreezePanes": "1.7",
  "Worksheet.Protection": "1.2",
  "WorksheetCollection.GetItemOrNullObject": "1.4",
  "WorksheetCollection.GetCount": "1.4",
  "WorksheetCollection.GetFirst": "1.5",
  "ConditionalFormatCollection.GetItemOrNullObject": "1.14",
  "ConditionalFormat.GetRanges": "1.9",
  "ConditionalFormat.StopIfTrue": "1.6",
  "ConditionalFormat.Priority": "1.6",
  "Workbook.Settings": "1.4",
  "NamedItemCollection.Add": "1.4",
  "NamedItemCollection.AddFormulaLocal": "1.4",
  "NamedItemCollection.GetItemOrNullObject": "1.4",
  "NamedItemCollection.GetCount": "1.4",
  "NamedItem.Formula": "1.7",
  "NamedItem.Delete": "1.4",
  "NamedItem.GetRangeOrNullObject": "1.4",
  "NamedItem.Comment": "1.4",
  "NamedItem.Scope": "1.4",
  "Chart.ChartType": "1.7",
  "Chart.Worksheet": "1.2",
  "ChartCollection.GetItemOrNullObject": "1.4",
  "ChartCollection.GetCount": "1.4",
  "Table.Worksheet": "1.2",
  "TableCollection.GetItemOrNullObject": "1.4",
  "TableCollection.GetCount": "1.4",
};

export interface RequestRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** Error code, when the request failed. */
  error?: string;
}

const isHandle = (v: unknown): v is Handle => typeof v === "object" && v !== null && typeof (v as Handle).t === "string";
const capitalise = (s: string) => (s.startsWith("_") ? s : s.charAt(0).toUpperCase() + s.slice(1));

class RequestRun {
  private readonly cache = new Map<number, Handle | null>();
  private readonly keepRef = new Set<number>();
  private readonly refs = new Map<number, string>();

  constructor(
    private readonly backend: ExcelSimBackend,
    private readonly body: RequestBody,
  ) {
    for (const a of body.Actions) if (a.ActionType === ActionType.Method && a.Name === "_KeepReference") this.keepRef.add(a.ObjectPathId);
  }

  private get ctx(): Ctx {
    return this.backend.ctx;
  }

  private path(id: number): WireObjectPath {
    const p = this.body.ObjectPaths[String(id)];
    if (!p) throw new SimError("InvalidObjectPath", `Object path ${id} is not in the request.`, 400);
    return p;
  }

  args(info: ArgumentInfo | undefined): unknown[] {
    const args = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds;
    return args.map((a, i) => (refs && refs[i] ? this.resolve(refs[i]) : a));
  }

  resolve(id: number): Handle | null {
    if (this.cache.has(id)) return this.cache.get(id)!;
    const p = this.path(id);
    let h: Handle | null;
    switch (p.ObjectPathType) {
      case ObjectPathType.GlobalObject:
        h = { t: "Workbook" };
        break;
      case ObjectPathType.ReferenceId: {
        const ref = this.backend.references.get(p.Name);
        if (!ref) throw new SimError("InvalidObjectPath", `Reference ${p.Name} is not (or no longer) tracked.`, 400);
        h = ref;
        break;
      }
      case ObjectPathType.NullObject:
        h = null;
        break;
      case ObjectPathType.Property:
      case ObjectPathType.Method:
      case ObjectPathType.Indexer: {
        const parent = this.resolve(p.ParentObjectPathId ?? -1);
        if (parent === null) {
          h = null; // anything reached from a null object is null too
          break;
        }
        const def = this.backend.type(parent.t);
        if (p.ObjectPathType === ObjectPathType.Property) {
          const nav = this.backend.member(parent.t, p.Name, def.nav);
          h = nav(this.ctx, parent);
        } else if (p.ObjectPathType === ObjectPathType.Indexer) {
          if (!def.indexer) throw apiNotFound(`${parent.t} indexer`);
          h = def.indexer(this.ctx, parent, this.args(p.ArgumentInfo));
        } else {
          const fn = this.backend.member(parent.t, p.Name, def.objects);
          h = fn(this.ctx, parent, this.args(p.ArgumentInfo));
        }
        break;
      }
      default:
        throw apiNotFound(`object path type ${p.ObjectPathType}`);
    }
    this.cache.set(id, h);
    return h;
  }

  /** The value an Instantiate answers: null for null objects, a reference id for tracked or created objects. */
  instantiate(pathId: number): unknown {
    const h = this.resolve(pathId);
    if (h === null) return null;
    const p = this.path(pathId);
    const parent = p.ParentObjectPathId !== undefined ? this.cache.get(p.ParentObjectPathId) : undefined;
    const created = p.ObjectPathType === ObjectPathType.Method && parent && this.backend.type(parent.t).creating?.has(p.Name);
    if (p.ObjectPathType === ObjectPathType.ReferenceId) return { _ReferenceId: p.Name };
    if (this.keepRef.has(pathId) || created) {
      let ref = this.refs.get(pathId);
      if (!ref) {
        ref = this.backend.track(h);
        this.refs.set(pathId, ref);
      }
      return { _ReferenceId: ref };
    }
    return {};
  }

  query(h: Handle, q: QueryInfo | undefined): unknown {
    const def = this.backend.type(h.t);
    const select = q?.Select?.length ? q.Select : undefined;
    if (def.items) {
      const own: Record<string, unknown> = {};
      let itemSelect = select;
      if (select && def.props) {
        // A collection's own scalars (e.g. count) are selected by name; the rest apply to items.
        itemSelect = select.filter((s) => !(capitalise(s) in def.props!));
        for (const s of select) if (capitalise(s) in def.props) own[capitalise(s)] = def.props[capitalise(s)].get!(this.ctx, h);
        if (itemSelect.length === 0 && select.length > 0 && Object.keys(own).length === select.length) return own;
      }
      let items = def.items(this.ctx, h);
      if (q?.Skip) items = items.slice(q.Skip);
      if (q?.Top !== undefined) items = items.slice(0, q.Top);
      own._Items = items.map((item) => {
        const value = this.entity(item, itemSelect) as Record<string, unknown>;
        if (def.itemKey) value._Id = def.itemKey(this.ctx, item);
        return value;
      });
      return own;
    }
    return this.entity(h, select);
  }

  private entity(h: Handle, select: string[] | undefined): unknown {
    const def = this.backend.type(h.t);
    if (def.items) return this.query(h, { Select: select });
    const out: Record<string, unknown> = {};
    if (!select) {
      for (const [name, prop] of Object.entries(def.props ?? {})) {
        if (!prop.get || this.backend.options.unsupported.has(`${h.t}.${name}`)) continue;
        out[name] = prop.get(this.ctx, h);
      }
      return out;
    }
    const nested = new Map<string, string[]>();
    for (const s of select) {
      const slash = s.indexOf("/");
      const head = capitalise(slash < 0 ? s : s.slice(0, slash));
      if (slash < 0 && def.props && head in def.props) {
        const prop = this.backend.member(h.t, head, def.props);
        if (!prop.get) throw apiNotFound(`${h.t}.${head} (write-only)`);
        out[head] = prop.get(this.ctx, h);
        continue;
      }
      if (head === "*") continue;
      const rest = slash < 0 ? "" : s.slice(slash + 1);
      if (!nested.has(head)) nested.set(head, []);
      if (rest) nested.get(head)!.push(rest);
    }
    for (const [head, rest] of nested) {
      const nav = this.backend.member(h.t, head, def.nav);
      const child = nav(this.ctx, h);
      out[head] = child === null ? null : rest.length ? this.query(child, { Select: rest }) : this.query(child, undefined);
    }
    return out;
  }

  run(): ActionResult[] {
    const results: ActionResult[] = [];
    this.backend.lastResults = results;
    for (let i = 0; i < this.body.Actions.length; i++) {
      const a = this.body.Actions[i];
      this.backend.actionIndex = i;
      let value: unknown = null;
      switch (a.ActionType) {
        case ActionType.Instantiate:
          value = this.instantiate(a.ObjectPathId);
          break;
        case ActionType.Query: {
          const h = this.resolve(a.ObjectPathId);
          value = h === null ? null : this.query(h, a.QueryInfo);
          break;
        }
        case ActionType.Method: {
          if (a.Name === "_KeepReference") break;
          if (a.Name === "_RemoveReference") {
            for (const ref of this.args(a.ArgumentInfo)) if (typeof ref === "string") this.backend.references.delete(ref);
            break;
          }
          const h = this.resolve(a.ObjectPathId);
          if (h === null) break; // methods on null objects do nothing
          const fn = this.backend.member(h.t, a.Name, this.backend.type(h.t).methods);
          value = fn(this.ctx, h, this.args(a.ArgumentInfo)) ?? null;
          break;
        }
        case ActionType.SetProperty: {
          const h = this.resolve(a.ObjectPathId);
          if (h === null) break;
          const prop = this.backend.member(h.t, a.Name, this.backend.type(h.t).props);
          if (!prop.set) throw new SimError("InvalidArgument", `${h.t}.${a.Name} is read-only.`, 400);
          const [v] = this.args(a.ArgumentInfo);
          if (isHandle(v)) throw new SimError("InvalidArgument", `${h.t}.${a.Name} does not take an object.`, 400);
          prop.set(this.ctx, h, v);
          break;
        }
        default:
          throw apiNotFound(`action type ${a.ActionType}`);
      }
      results.push({ ActionId: a.Id, Value: value });
    }
    return results;
  }
}

/**
 * The request executor's other half: give it a request body (JSON text, as the
 * client would send it) and get the response text back.
 */
export class ExcelSimBackend {
  readonly options: SimOptions & { payloadLimitBytes: number; excelApiVersion: string };
  readonly ctx: Ctx;
  /** Tracked objects (reference id → handle). */
  readonly references = new Map<string, Handle>();
  /** One entry per request, in order. */
  readonly requests: RequestRecord[] = [];
  /** When true, every request fails as Excel does while a cell is being edited. */
  cellEditMode = false;
  /**
   * Test hook: leave requests unanswered for ever, as Excel on the web sometimes
   * does (office-js issue #6678: context.sync() waits with no error). After `skip`
   * more answered requests, the next `times` (default 1; Infinity for all) get no
   * answer; with `applied` their actions run first (the change is made, only the
   * answer is lost), else they never run. Such requests are logged with the error
   * "NoAnswer". null: every request is answered.
   */
  hang: { skip?: number; times?: number; applied?: boolean } | null = null;
  /** @internal */ actionIndex = 0;
  /** @internal */ lastResults: ActionResult[] = [];
  private refSeq = 0;

  constructor(
    readonly model: WorkbookModel,
    options: BackendOptions = {},
  ) {
    this.options = {
      enforceProtection: options.enforceProtection ?? true,
      readCellLimit: options.readCellLimit ?? READ_CELL_LIMIT,
      addressLimit: options.addressLimit ?? MAX_ADDRESS_LENGTH,
      unsupported: new Set(options.unsupported ?? []),
      payloadLimitBytes: options.payloadLimitBytes ?? PAYLOAD_LIMIT_BYTES,
      excelApiVersion: options.excelApiVersion ?? "1.13",
    };
    this.ctx = { model, options: this.options };
  }

  get requestCount(): number {
    return this.requests.length;
  }
  get maxRequestBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.requestBytes), 0);
  }
  get maxResponseBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.responseBytes), 0);
  }
  resetStats(): void {
    this.requests.length = 0;
  }

  /** Office.context.requirements.isSetSupported, as this Excel would answer it. */
  isSetSupported(name: string, version?: string): boolean {
    if (name === "ExcelApi") return compareVersions(version ?? "1.1", this.options.excelApiVersion) <= 0;
    if (name === "ExcelApiOnline") return false;
    return true; // RichApi runtime sets and the like: what the client assumes without Office.context
  }

  /** @internal */
  type(name: string): TypeDef {
    const def = TYPES[name];
    if (!def) throw apiNotFound(name);
    if (name === "RangeAreas" && compareVersions("1.9", this.options.excelApiVersion) > 0) throw apiNotFound("RangeAreas (ExcelApi 1.9)");
    return def;
  }

  /** @internal A member of a type, or ApiNotFound when it is not modelled (or marked unsupported). */
  member<T>(type: string, name: string, table: Record<string, T> | undefined): T {
    const m = table?.[name];
    if (!m || this.options.unsupported.has(`${type}.${name}`)) throw apiNotFound(`${type}.${name}`);
    const needs = MEMBER_VERSIONS[`${type}.${name}`];
    if (needs && compareVersions(needs, this.options.excelApiVersion) > 0)
      throw apiNotFound(`${type}.${name} (ExcelApi ${needs}; this Excel supports ${this.options.excelApiVersion})`);
    return m;
  }

  /** @internal */
  track(h: Handle): string {
    this.refSeq += 1;
    const id = `{sim-ref-${this.refSeq}}`;
    this.references.set(id, h);
    return id;
  }

  /** The response to a request (as handle), or null when the hang hook keeps it unanswered. */
  answer(requestText: string): string | null {
    const h = this.hang;
    if (!h) return this.handle(requestText);
    if ((h.skip ?? 0) > 0) {
      h.skip = (h.skip ?? 0) - 1;
      return this.handle(requestText);
    }
    h.times = (h.times ?? 1) - 1;
    if (h.times <= 0) this.hang = null;
    if (h.applied) this.handle(requestText);
    else this.requests.push({ requestBytes: utf8Length(requestText), responseBytes: 0, actions: 0 });
    this.requests[this.requests.length - 1].error = "NoAnswer";
    return null;
  }

  /** Execute one request body (JSON text) and return the response (JSON text). */
  handle(requestText: string): string {
    const requestBytes = utf8Length(requestText);
    const record: RequestRecord = { requestBytes, responseBytes: 0, actions: 0 };
    this.requests.push(record);
    const limit = this.options.payloadLimitBytes;
    let response: ResponseMessage;
    if (requestBytes > limit) {
      response = transportError("RequestPayloadSizeLimitExceeded", `The request payload is ${requestBytes} bytes; Excel on the web accepts at most ${limit}.`);
    } else {
      const body = JSON.parse(requestText) as RequestBody;
      record.actions = body.Actions.length;
      response = this.execute(body);
    }
    let text = JSON.stringify(response);
    let responseBytes = utf8Length(text);
    if (responseBytes > limit) {
      // The actions ran; only the answer is lost (as when Excel cannot send it).
      response = transportError("ResponsePayloadSizeLimitExceeded", `The response payload is ${responseBytes} bytes; Excel on the web sends at most ${limit}.`);
      text = JSON.stringify(response);
      responseBytes = utf8Length(text);
    }
    record.responseBytes = responseBytes;
    record.error = response.ErrorCode || response.Body?.Error?.Code || undefined;
    return text;
  }

  private execute(body: RequestBody): ResponseMessage {
    if (this.cellEditMode) {
      return bodyError(
        { Code: "InvalidOperationInCellEditMode", Message: "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.", ActionIndex: 0, HttpStatusCode: 400 },
        [],
      );
    }
    this.actionIndex = 0;
    this.lastResults = [];
    try {
      const results = new RequestRun(this, body).run();
      return { HttpStatusCode: 200, ErrorCode: "", ErrorMessage: "", Headers: {}, Body: { Results: results } };
    } catch (e) {
      const err = e instanceof SimError ? e : new SimError("GeneralException", `The simulated Excel failed: ${e instanceof Error ? e.message : String(e)}`, 500);
      const action = body.Actions[this.actionIndex];
      return bodyError(
        { Code: err.code, Message: err.message, Location: action ? `${action.Name || "action"} #${action.Id}` : "", ActionIndex: this.actionIndex, HttpStatusCode: err.httpStatus },
        this.lastResults,
      );
    }
  }
}

function transportError(code: string, message: string): ResponseMessage {
  return { HttpStatusCode: 400, ErrorCode: code, ErrorMessage: message, Headers: null, Body: null };
}

function bodyError(error: NonNullable<NonNullable<ResponseMessage["Body"]>["Error"]>, results: ActionResult[]): ResponseMessage {
  return { HttpStatusCode: error.HttpStatusCode ?? 400, ErrorCode: "", ErrorMessage: "", Headers: {}, Body: { Error: error, Results: results } };
}
