// RAG counts per theme and per owner: the figures the terminal output, the task
// pane and the summary sheets all show, computed once here.
import { RAGS, type Item, type PlanReport, type Rag } from "./report";
import { textKey } from "./text";

export type RagCounts = Record<Rag, number> & { total: number };

export interface CountRow {
  /** Theme or owner, as first written in the plan. */
  label: string;
  counts: RagCounts;
  /** Share of items complete (blue), 0..1. */
  complete: number;
}

export const emptyCounts = (): RagCounts => ({ blue: 0, green: 0, amber: 0, red: 0, grey: 0, total: 0 });

function add(counts: RagCounts, rag: Rag): void {
  counts[rag] += 1;
  counts.total += 1;
}

const finish = (label: string, counts: RagCounts): CountRow => ({ label, counts, complete: counts.total ? counts.blue / counts.total : 0 });

/** All items of a report with the sheet they are on. */
export function allItems(report: PlanReport): { sheet: string; item: Item }[] {
  return report.sheets.flatMap((s) => s.items.map((item) => ({ sheet: s.name, item })));
}

/** Counts per key, in the order keys first appear; keys compared as themes are (case, spaces and dashes ignored). */
function countBy(items: readonly Item[], keysOf: (it: Item) => string[]): CountRow[] {
  const rows = new Map<string, { label: string; counts: RagCounts }>();
  for (const it of items) {
    for (const label of keysOf(it)) {
      const key = textKey(label);
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { label, counts: emptyCounts() }));
      add(row.counts, it.rag);
    }
  }
  return [...rows.values()].map((r) => finish(r.label, r.counts));
}

export const NO_OWNER = "(no owner)";

/** Per theme, in plan order. */
export const countByTheme = (items: readonly Item[]): CountRow[] => countBy(items, (it) => [it.theme]);

/** Per owner: an item with two owners counts for each; items with none under "(no owner)". */
export const countByOwner = (items: readonly Item[]): CountRow[] =>
  countBy(items, (it) => (it.owners.length ? [...new Set(it.owners)] : [NO_OWNER]));

/** The totals line: every item once. */
export function totalCounts(items: readonly Item[]): CountRow {
  const counts = emptyCounts();
  for (const it of items) add(counts, it.rag);
  return finish("Total", counts);
}

export { RAGS };
