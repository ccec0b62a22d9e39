// Plan Monitor's own sheets in the open workbook, by the rule both hosts follow
// (engine/owned.ts): a PlanMonitor_<kind> name pointing at A1 of a sheet counts
// only when that A1 holds Plan Monitor's title for the kind. A name pointing at a
// user's sheet (copied from another workbook, or made on purpose) never gets that
// sheet skipped as ours, emptied or rewritten. Nothing here syncs: the proofs
// travel with requests the operations send anyway.
import { markedSheet, markerKind, markerName, provesOwned } from "../engine/owned";
import type { SheetCellValue } from "../engine/writeback";
import { OBJECT_REQUEST_BYTES, blocksFor, splitBlock, syncInBatches, toArea } from "./batching";
import type { SizeOptions } from "./options";

type RequestContext = Excel.RequestContext;

/** Lower-case sheet name → the kinds whose markers point at its A1 (from the workbook's names, loaded with name and formula). */
export function markedSheets(names: readonly Excel.NamedItem[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const n of names) {
    const kind = markerKind(n.name);
    const sheet = kind === null ? null : markedSheet(n.formula ?? "");
    if (kind === null || sheet === null) continue;
    const key = sheet.toLowerCase();
    out.set(key, [...(out.get(key) ?? []), kind]);
  }
  return out;
}

/** The kind of Plan Monitor sheet a marked sheet is proved to be (a marker on it whose title is in A1), or null when it is the user's. */
export function provenKind(marked: ReadonlyMap<string, readonly string[]>, sheetName: string, a1: unknown): string | null {
  return (marked.get(sheetName.toLowerCase()) ?? []).find((kind) => provesOwned(kind, a1)) ?? null;
}

/** What probeMarker queued: the kind's marker name and the cell it points at, to read after the sync (provedSheet). */
export interface MarkerProbe {
  kind: string;
  name: Excel.NamedItem;
  a1: Excel.Range;
}

/**
 * Queue (no sync) what proves the kind's marker: the name's formula and the value
 * in A1 of the cell it points at. Reached from a missing name, the range is a null
 * object too, so one request answers both "is there a marker" and "is it ours".
 */
export function probeMarker(context: RequestContext, kind: string): MarkerProbe {
  const name = context.workbook.names.getItemOrNullObject(markerName(kind));
  name.load("formula");
  const a1 = name.getRangeOrNullObject().untrack().getCell(0, 0).untrack();
  a1.load("values");
  return { kind, name, a1 };
}

/** After the sync: the sheet the probe proves ours, or null; and the marker itself when it exists (e.g. to delete it). */
export function provedSheet({ kind, name, a1 }: MarkerProbe): { sheet: string | null; marker: Excel.NamedItem | null } {
  if (name.isNullObject) return { sheet: null, marker: null };
  const sheet = markedSheet(name.formula ?? "");
  const proved = sheet !== null && !a1.isNullObject && provesOwned(kind, (a1.values as unknown[][])?.[0]?.[0]);
  return { sheet: proved ? sheet : null, marker: name };
}

/** The values of Plan Monitor's sheet of this kind (3 syncs), or null when there is none or its marker is not proved. */
export async function readOwnedSheet(context: RequestContext, kind: string, options: SizeOptions): Promise<SheetCellValue[][] | null> {
  const probe = probeMarker(context, kind);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const { sheet } = provedSheet(probe);
  const ws = sheet !== null ? sheets.items.find((s) => s.name.toLowerCase() === sheet.toLowerCase()) : undefined;
  if (!ws) return null;
  const used = ws.getUsedRangeOrNullObject(true).untrack();
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await context.sync();
  if (used.isNullObject) return [];
  const area = toArea(used);
  const out: SheetCellValue[][] = Array.from({ length: area.bottom + 1 }, () => Array<SheetCellValue>(area.right + 1).fill(null));
  let bytesPerCell = options.bytesPerCellEstimate;
  await syncInBatches(context, options.payloadBudgetBytes, blocksFor(0, area, options.maxCellsPerBlock), {
    estimate: (b) => ({ request: OBJECT_REQUEST_BYTES, response: b.rows * b.cols * bytesPerCell }),
    queue: (b) => {
      const range = ws.getRangeByIndexes(b.top, b.left, b.rows, b.cols).untrack().load("values");
      return () => range.values as unknown[][];
    },
    done: (b, values) => {
      if (b.rows * b.cols >= 1000) bytesPerCell = Math.max(4, (JSON.stringify(values).length / (b.rows * b.cols)) * 1.25);
      values.forEach((row, i) =>
        row.forEach((v, j) => {
          out[b.top + i][b.left + j] = v === "" || v === undefined ? null : (v as SheetCellValue);
        }),
      );
    },
    split: splitBlock,
  });
  return out;
}
