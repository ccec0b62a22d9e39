// RAG colouring in the open workbook, reversibly: conditional formats on top of
// the user's own, never a change to a cell's value or its own fill. What was
// added is remembered (workbook setting planMonitor.colouring) so clearing
// removes exactly that, plus any rule that is unmistakably Plan Monitor's
// (engine/writeback.ts, isPlanMonitorRule). Colouring replaces earlier
// colouring, so running it again, even after a half-applied run, gives the same.
import type { Progress } from "../engine/host";
import type { Rag } from "../engine/report";
import { COLOUR_MARKER, RAG_FILL, isPlanMonitorRule, type ColourPlan } from "../engine/writeback";
import { areaA1, cellsToAreas, chunkAddresses } from "./a1";
import { OBJECT_REQUEST_BYTES, syncInBatches } from "./batching";
import { PlanMonitorError, protectedSheetMessage } from "./errors";
import type { SizeOptions } from "./options";

export const COLOURING_KEY = "planMonitor.colouring";

/** What applyColours remembers (workbook setting planMonitor.colouring) so clearColours removes exactly that. */
export interface ColouringRecord {
  version: 1;
  sheets: { sheetId: string; name: string; conditionalFormatIds: string[] }[];
}

/** What is loaded of the conditional formats on a sheet Plan Monitor colours: enough to recognise its own. */
const CF_FIELDS = "items/id,items/type,items/stopIfTrue,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color";

/** Replace Plan Monitor's colouring with the plan's (3 syncs; 4 if an earlier colouring touched a sheet not in the plan). */
export async function applyColours(context: Excel.RequestContext, plan: ColourPlan, options: SizeOptions, progress?: Progress): Promise<void> {
  progress?.(0, 3, "Checking the sheets");
  const setting = context.workbook.settings.getItemOrNullObject(COLOURING_KEY);
  setting.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/protection/protected");
  const planSheets = plan.sheets.filter((s) => s.cells.length > 0);
  const listed = new Map<string, Excel.ConditionalFormatCollection>();
  for (const s of planSheets) {
    if (listed.has(s.name.toLowerCase())) continue;
    const cfs = sheets.getItem(s.name).getRange().untrack().conditionalFormats;
    cfs.load(CF_FIELDS);
    listed.set(s.name.toLowerCase(), cfs);
  }
  await context.sync();

  const record = readRecord(setting.isNullObject ? null : setting.value);
  const byId = new Map(sheets.items.map((ws) => [ws.id, ws]));
  const byName = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
  // Sheets an earlier colouring touched that this plan does not list.
  const recordedSheet = (r: ColouringRecord["sheets"][number]) => byId.get(r.sheetId) ?? byName.get(r.name.toLowerCase());
  const extra = record.sheets.map(recordedSheet).filter((ws): ws is Excel.Worksheet => !!ws && !listed.has(ws.name.toLowerCase()));
  for (const ws of extra) {
    const cfs = ws.getRange().untrack().conditionalFormats;
    cfs.load(CF_FIELDS);
    listed.set(ws.name.toLowerCase(), cfs);
  }
  if (extra.length) await context.sync();

  const toDelete = ourFormats(record, byName, listed);
  for (const s of planSheets) if (byName.get(s.name.toLowerCase())?.protection.protected) throw new PlanMonitorError(protectedSheetMessage(byName.get(s.name.toLowerCase())!.name, "colour"), { code: "AccessDenied" });
  for (const d of toDelete) if (d.ws.protection.protected) throw new PlanMonitorError(protectedSheetMessage(d.ws.name, "colour"), { code: "AccessDenied" });

  progress?.(1, 3, "Colouring");
  for (const d of toDelete) {
    // A fresh (untracked) path: the collection loaded in the earlier sync is no longer valid.
    const cfs = d.ws.getRange().untrack().conditionalFormats;
    for (const id of d.ids) cfs.getItem(id).delete();
  }

  // One conditional format per RAG and address chunk (addresses ≤ 8,192 characters).
  type Job = { ws: Excel.Worksheet; rag: Rag; address: string };
  const jobs: Job[] = [];
  for (const s of planSheets) {
    const ws = byName.get(s.name.toLowerCase());
    if (!ws) throw new PlanMonitorError(`The sheet '${s.name}' is no longer in the workbook. Read the workbook again, then colour it.`, { code: "ItemNotFound" });
    const byRag = new Map<Rag, { row: number; col: number }[]>();
    for (const c of s.cells) {
      const list = byRag.get(c.rag) ?? [];
      list.push(c);
      byRag.set(c.rag, list);
    }
    for (const [rag, cells] of byRag) for (const address of chunkAddresses(cellsToAreas(cells).map(areaA1))) jobs.push({ ws, rag, address });
  }
  const created: { sheetId: string; name: string; cf: Excel.ConditionalFormat }[] = [];
  // The deletions queued above travel with the first batch of additions (or,
  // when there is nothing to add, with the save below).
  await syncInBatches(context, options.payloadBudgetBytes, jobs, {
    estimate: (j) => ({ request: j.address.length + OBJECT_REQUEST_BYTES * 4, response: 300 }),
    queue: (j) => {
      const cf = j.ws.getRanges(j.address).untrack().conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=TRUE";
      cf.custom.format.fill.color = RAG_FILL[j.rag];
      cf.stopIfTrue = true; // the user's lower rules then leave these cells alone
      cf.priority = 0;
      cf.load("id");
      return () => cf;
    },
    done: (j, cf) => {
      created.push({ sheetId: j.ws.id, name: j.ws.name, cf });
    },
  });

  progress?.(2, 3, "Remembering what was coloured");
  const next: ColouringRecord = { version: 1, sheets: [] };
  for (const c of created) {
    let entry = next.sheets.find((s) => s.sheetId === c.sheetId);
    if (!entry) next.sheets.push((entry = { sheetId: c.sheetId, name: c.name, conditionalFormatIds: [] }));
    entry.conditionalFormatIds.push(c.cf.id);
  }
  context.workbook.settings.add(COLOURING_KEY, next);
  await context.sync();
  progress?.(3, 3, "Done");
}

/**
 * Remove every rule of Plan Monitor's: the ones the last colouring recorded and,
 * on every sheet, rules that are unmistakably Plan Monitor's (see isOurRule), so
 * colouring done by the command-line tool or before Excel renumbered its rules
 * goes too. The user's own rules and cells are untouched.
 */
export async function clearColours(context: Excel.RequestContext): Promise<void> {
  const setting = context.workbook.settings.getItemOrNullObject(COLOURING_KEY);
  setting.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/id,items/protection/protected");
  await context.sync();
  const record = readRecord(setting.isNullObject ? null : setting.value);
  const byName = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
  const listed = new Map<string, Excel.ConditionalFormatCollection>();
  for (const ws of sheets.items) {
    const cfs = ws.getRange().untrack().conditionalFormats;
    cfs.load(CF_FIELDS);
    listed.set(ws.name.toLowerCase(), cfs);
  }
  await context.sync();
  const toDelete = ourFormats(record, byName, listed);
  for (const d of toDelete) if (d.ws.protection.protected) throw new PlanMonitorError(protectedSheetMessage(d.ws.name, "clear"), { code: "AccessDenied" });
  for (const d of toDelete) {
    // A fresh (untracked) path: the collection loaded in the earlier sync is no longer valid.
    const cfs = d.ws.getRange().untrack().conditionalFormats;
    for (const id of d.ids) cfs.getItem(id).delete();
  }
  if (!setting.isNullObject) setting.delete();
  if (toDelete.length || !setting.isNullObject) await context.sync();
}

// ------------------------------------------------------------------ helpers

function readRecord(value: unknown): ColouringRecord {
  const empty: ColouringRecord = { version: 1, sheets: [] };
  let v = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return empty;
    }
  }
  if (!v || typeof v !== "object" || !Array.isArray((v as ColouringRecord).sheets)) return empty;
  const sheets = (v as ColouringRecord).sheets
    .filter((s) => s && typeof s.sheetId === "string" && Array.isArray(s.conditionalFormatIds))
    .map((s) => ({ sheetId: s.sheetId, name: String(s.name ?? ""), conditionalFormatIds: s.conditionalFormatIds.filter((id): id is string => typeof id === "string") }));
  return { version: 1, sheets };
}

/** The text in the rule formulas the .xlsx host writes (engine/writeback.ts, COLOUR_MARKER). */
export const XLSX_COLOUR_MARKER = COLOUR_MARKER;

/**
 * Whether a loaded rule is Plan Monitor's: recorded by id, or written by the
 * .xlsx host (its formula carries XLSX_COLOUR_MARKER), or this host's own shape
 * (custom, "=TRUE", stop-if-true, fill exactly one of the RAG colours) in case
 * Excel gave it a new id (Excel does not promise ids survive reopening a workbook).
 */
function isOurRule(cf: Excel.ConditionalFormat, recorded: Set<string>): boolean {
  if (recorded.has(cf.id)) return true;
  const custom = cf.type === "Custom" ? cf.customOrNullObject : undefined;
  if (!custom || custom.isNullObject) return false;
  return isPlanMonitorRule({ custom: true, formulas: [custom.rule.formula ?? ""], fill: custom.format.fill.color, stopIfTrue: cf.stopIfTrue });
}

/** Plan Monitor's rules that are still there, per listed sheet (the user may have deleted some, or whole sheets). */
function ourFormats(
  record: ColouringRecord,
  byName: Map<string, Excel.Worksheet>,
  listed: Map<string, Excel.ConditionalFormatCollection>,
): { ws: Excel.Worksheet; cfs: Excel.ConditionalFormatCollection; ids: string[] }[] {
  const recorded = new Set(record.sheets.flatMap((r) => r.conditionalFormatIds));
  const out: { ws: Excel.Worksheet; cfs: Excel.ConditionalFormatCollection; ids: string[] }[] = [];
  for (const [name, cfs] of listed) {
    const ws = byName.get(name);
    if (!ws) continue;
    const ids = [...new Set(cfs.items.filter((cf) => isOurRule(cf, recorded)).map((cf) => cf.id))];
    if (ids.length) out.push({ ws, cfs, ids });
  }
  return out;
}

