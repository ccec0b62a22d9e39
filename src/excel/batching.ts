// Batching for the Office host: work queued in batches that fit Excel's payload
// limits, one context.sync() per batch; a batch Excel refuses as too large is
// retried smaller. Plus the sizes and blocks the operations share.
import type { MergedArea } from "../engine/grid";

type RequestContext = Excel.RequestContext;
export type Area = MergedArea;

/** A rectangle of one sheet (by index in the workbook's sheet list), 0-based. */
export interface Block {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

export const PAYLOAD_ERRORS = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);
export const errorCode = (e: unknown): string => (typeof e === "object" && e && "code" in e ? String((e as { code: unknown }).code) : "");
/**
 * Bytes a queued object costs in a request, roughly (paths, instantiate, query).
 * Every range the host makes is used within one batch only, so it is untracked:
 * Excel.run then sends no keep-reference for it and no release at the end (with
 * tens of thousands of ranges the release request alone would pass 5 MB).
 */
export const OBJECT_REQUEST_BYTES = 700;
/**
 * Request bytes the Office.js client adds to an array it sends: above 1,500 cells it
 * splits the array into blocks of rows, each set on a range of its own (object paths
 * and actions: about 850 bytes a block, measured).
 */
export const arrayRequestOverhead = (cells: number): number => OBJECT_REQUEST_BYTES + (cells > 1_500 ? Math.ceil(cells / 1_500) * 900 : 0);

/** Bytes of a string in UTF-8, as it travels. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

export function splitBlock(b: Block): Block[] | null {
  if (b.rows < 2) return null;
  const half = Math.ceil(b.rows / 2);
  return [
    { ...b, rows: half },
    { ...b, top: b.top + half, rows: b.rows - half },
  ];
}

export function blocksFor(sheet: number, used: Area, maxCells: number): Block[] {
  const cols = used.right - used.left + 1;
  const rowsPerBlock = Math.max(1, Math.floor(maxCells / cols));
  const out: Block[] = [];
  for (let top = used.top; top <= used.bottom; top += rowsPerBlock)
    out.push({ sheet, top, left: used.left, rows: Math.min(rowsPerBlock, used.bottom - top + 1), cols });
  return out;
}

export const toArea = (r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): Area => ({
  top: r.rowIndex,
  left: r.columnIndex,
  bottom: r.rowIndex + r.rowCount - 1,
  right: r.columnIndex + r.columnCount - 1,
});

/**
 * Queue work in batches that fit the payload budget and sync each; a batch
 * Excel refuses as too large is retried smaller (items split in halves).
 */
export async function syncInBatches<I, R>(
  context: RequestContext,
  budget: number,
  items: I[],
  plan: {
    estimate: (item: I) => { request: number; response: number };
    queue: (item: I) => () => R;
    /** May return follow-up items: they go first into the next batch (one more sync only when no batch is left). */
    done: (item: I, result: R) => I[] | void;
    split?: (item: I) => I[] | null;
  },
): Promise<number> {
  let scale = 1;
  let syncs = 0;
  const pending = [...items];
  while (pending.length) {
    const batch: I[] = [];
    let req = 2_000;
    let resp = 2_000;
    while (pending.length) {
      const est = plan.estimate(pending[0]);
      if (batch.length && (req + est.request * scale > budget || resp + est.response * scale > budget)) break;
      batch.push(pending.shift()!);
      req += est.request * scale;
      resp += est.response * scale;
    }
    const readers = batch.map((item) => plan.queue(item));
    try {
      syncs++;
      // One sync per batch is the design: batches are cut to the payload budget (5 MB on the web).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!PAYLOAD_ERRORS.has(errorCode(e))) throw e;
      const halves = batch.length === 1 ? plan.split?.(batch[0]) : null;
      if (batch.length === 1 && !halves) throw e;
      pending.unshift(...(halves ?? batch));
      scale *= 2;
      continue;
    }
    const follow: I[] = [];
    batch.forEach((item, i) => follow.push(...(plan.done(item, readers[i]()) ?? [])));
    pending.unshift(...follow);
  }
  return syncs;
}

