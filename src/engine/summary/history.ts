// The history Plan Monitor keeps in its own sheet: one snapshot per as-at date
// (counts per theme and RAG, and each action's RAG and due date), so that a
// summary can show the change since the last report, a trend, escalations, what
// was completed and which due dates slipped later.
// The sheet is the store: it is parsed back from cell values on every run.
import { z } from "zod";
import { allItems, countByTheme, type RagCounts } from "../counts";
import type { SheetCellValue } from "../writeback";
import { RAGS, RagSchema, type PlanReport, type Rag } from "../report";
import { cutText, normalise } from "../text";

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date (YYYY-MM-DD)");
const Count = z.number().int().nonnegative();

export const ThemeCountsSchema = z
  .object({ theme: z.string().min(1), blue: Count, green: Count, amber: Count, red: Count, grey: Count, total: Count })
  .refine((c) => c.total === RAGS.reduce((n, rag) => n + c[rag], 0), "the total is not the sum of the RAG counts");
export type ThemeCounts = z.infer<typeof ThemeCountsSchema>;

/**
 * One action as it stood in a snapshot: enough to recognise it again (sheet, ref
 * and the start of its text; else the same row and ref: see recordFinder) and
 * to know its RAG and due date then.
 */
export const ItemRecordSchema = z.object({
  sheet: z.string().min(1),
  row: z.number().int().positive(),
  ref: z.string(),
  /** The start of the action text, normalised (see ITEM_TEXT_LENGTH). */
  text: z.string(),
  rag: RagSchema,
  /**
   * The due date in that report (ISO), null when it had none; absent when the
   * snapshot was written before due dates were recorded (nothing to compare).
   */
  due: IsoDate.nullable().optional(),
});
export type ItemRecord = z.infer<typeof ItemRecordSchema>;

export const SnapshotSchema = z.object({
  asAt: IsoDate,
  themes: z.array(ThemeCountsSchema).min(1),
  items: z.array(ItemRecordSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export const HistorySchema = z.object({
  /** Oldest first, one per as-at date. */
  snapshots: z.array(SnapshotSchema),
});
export type History = z.infer<typeof HistorySchema>;

export const emptyHistory = (): History => ({ snapshots: [] });

/** Characters of action text kept per item: enough to tell actions apart, short enough to keep the sheet small. */
export const ITEM_TEXT_LENGTH = 60;
/** Item rows are kept for this many latest snapshots (the largest escalation setting); counts are kept for all. */
export const ITEM_SNAPSHOTS_KEPT = 24;

export function itemRecordText(text: string): string {
  return cutText(normalise(text), ITEM_TEXT_LENGTH);
}

/** The snapshot of a report: counts per theme (plan order) and every item's RAG. */
export function snapshotOf(report: PlanReport): Snapshot {
  const entries = allItems(report);
  return {
    asAt: report.asAt,
    themes: countByTheme(entries.map((e) => e.item)).map((row) => ({ theme: row.label, ...row.counts })),
    items: entries.map(({ sheet, item }) => ({ sheet, row: item.row, ref: item.ref, text: itemRecordText(item.text), rag: item.rag, due: item.due })),
  };
}

/**
 * The history with this report's snapshot recorded: a snapshot on the same
 * as-at date is replaced, so re-running a report never adds one. A report with
 * no items records nothing (there is nothing to compare later).
 */
export function recordSnapshot(history: History, report: PlanReport): History {
  const snapshot = snapshotOf(report);
  const others = history.snapshots.filter((s) => s.asAt !== snapshot.asAt);
  const snapshots = snapshot.items.length ? [...others, snapshot] : others;
  snapshots.sort((a, b) => a.asAt.localeCompare(b.asAt));
  const keepItemsFrom = snapshots.length - ITEM_SNAPSHOTS_KEPT;
  return { snapshots: snapshots.map((s, i) => (i < keepItemsFrom ? { ...s, items: [] } : s)) };
}

/** The latest snapshot strictly before a date, if any. */
export function previousSnapshot(history: History, asAt: string): Snapshot | null {
  const before = history.snapshots.filter((s) => s.asAt < asAt);
  return before.length ? before[before.length - 1] : null;
}

export const countsOf = (t: ThemeCounts): RagCounts => ({ blue: t.blue, green: t.green, amber: t.amber, red: t.red, grey: t.grey, total: t.total });

/** Counts over all themes of a snapshot (every item once: an item has one theme). */
export function snapshotTotals(s: Snapshot): RagCounts {
  const total: RagCounts = { blue: 0, green: 0, amber: 0, red: 0, grey: 0, total: 0 };
  for (const t of s.themes) {
    for (const rag of RAGS) total[rag] += t[rag];
    total.total += t.total;
  }
  return total;
}

// ---------------------------------------------------------------------------
// The sheet's tables. Headers are what the parser looks for, so they are the format.

export const COUNT_HEADER = ["As at", "Theme", "Blue", "Green", "Amber", "Red", "Grey", "Total"] as const;
export const ITEM_HEADER = ["As at", "Sheet", "Row", "Ref", "Action (start)", "RAG"] as const;
/**
 * The due-date column, added after ITEM_HEADER so the layout stays compatible:
 * a sheet without it (written before due dates were recorded) still reads, its
 * actions with no recorded due date, and an older Plan Monitor reading a sheet
 * with it finds the six columns it knows and ignores the seventh.
 */
export const ITEM_DUE_HEADER = "Due";
export const ITEM_HEADER_WITH_DUE = [...ITEM_HEADER, ITEM_DUE_HEADER] as const;

const RAG_WORD: Record<Rag, string> = { blue: "Blue", green: "Green", amber: "Amber", red: "Red", grey: "Grey" };

export function countRows(history: History): SheetCellValue[][] {
  return history.snapshots.flatMap((s) => s.themes.map((t) => [s.asAt, t.theme, t.blue, t.green, t.amber, t.red, t.grey, t.total]));
}

export function itemRows(history: History): SheetCellValue[][] {
  return history.snapshots.flatMap((s) => s.items.map((it) => [s.asAt, it.sheet, it.row, it.ref, it.text, RAG_WORD[it.rag], it.due ?? ""]));
}

export type HistoryReading = { ok: true; history: History } | { ok: false; reason: string };

/** Parse the history sheet's cell values; never throws (a damaged sheet gives a reason instead). */
export function parseHistory(values: readonly (readonly SheetCellValue[])[] | null): HistoryReading {
  if (values === null) return { ok: true, history: emptyHistory() };
  const countsAt = findHeader(values, COUNT_HEADER, 0);
  if (countsAt < 0) return { ok: false, reason: `its table of counts (headed “${COUNT_HEADER.join(", ")}”) is missing` };
  const itemsAt = findHeader(values, ITEM_HEADER, countsAt + 1);
  if (itemsAt < 0) return { ok: false, reason: `its table of actions (headed “${ITEM_HEADER.join(", ")}”) is missing` };
  const withDue = cellWord(values[itemsAt]?.[ITEM_HEADER.length]) === ITEM_DUE_HEADER.toLowerCase();
  try {
    const counts = tableBelow(values, countsAt).map(([row, cells]) => ({ row, asAt: isoOf(cells[0], row), theme: cells[1], counts: cells.slice(2, 8) }));
    const items = tableBelow(values, itemsAt).map(([row, cells]) => ({ row, asAt: isoOf(cells[0], row), cells }));
    const snapshots = new Map<string, { asAt: string; themes: unknown[]; items: unknown[] }>();
    const snapshotAt = (asAt: string) => snapshots.get(asAt) ?? snapshots.set(asAt, { asAt, themes: [], items: [] }).get(asAt)!;
    for (const c of counts) {
      const [blue, green, amber, red, grey, total] = c.counts.map((v) => numberOf(v, c.row));
      snapshotAt(c.asAt).themes.push({ theme: textOf(c.theme), blue, green, amber, red, grey, total });
    }
    for (const it of items) {
      if (!snapshots.has(it.asAt)) throw new SyntaxError(`row ${it.row + 1} lists an action for ${it.asAt}, a date with no counts`);
      const [, sheet, row, ref, text, rag, due] = it.cells;
      const record = { sheet: textOf(sheet), row: numberOf(row, it.row), ref: textOf(ref), text: textOf(text), rag: textOf(rag).toLowerCase() };
      snapshotAt(it.asAt).items.push(withDue ? { ...record, due: dueOf(due, it.row) } : record);
    }
    const parsed = HistorySchema.safeParse({ snapshots: [...snapshots.values()].sort((a, b) => a.asAt.localeCompare(b.asAt)) });
    if (!parsed.success) return { ok: false, reason: describeIssue(parsed.error.issues[0]) };
    return { ok: true, history: parsed.data };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

const cellWord = (v: SheetCellValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim().toLowerCase());

function findHeader(values: readonly (readonly SheetCellValue[])[], header: readonly string[], from: number): number {
  for (let r = from; r < values.length; r++) {
    const row = values[r] ?? [];
    if (header.every((h, c) => cellWord(row[c]) === h.toLowerCase())) return r;
  }
  return -1;
}

const isBlank = (row: readonly SheetCellValue[] | undefined): boolean => !row || row.every((v) => v === null || v === "");

/** The rows under a header down to the first blank row, with their 0-based row numbers. */
function tableBelow(values: readonly (readonly SheetCellValue[])[], headerRow: number): [number, readonly SheetCellValue[]][] {
  const rows: [number, readonly SheetCellValue[]][] = [];
  for (let r = headerRow + 1; r < values.length && !isBlank(values[r]); r++) rows.push([r, values[r]]);
  return rows;
}

const textOf = (v: SheetCellValue | undefined): string => (v === null || v === undefined ? "" : String(v));

function numberOf(v: SheetCellValue | undefined, row: number): number {
  const n = typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new SyntaxError(`row ${row + 1} has “${textOf(v)}” where a number should be`);
  return n;
}

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25569;

/** An as-at cell: ISO text as written, or a date serial if a spreadsheet turned it into a date. */
function isoOf(v: SheetCellValue | undefined, row: number, what = "an as-at date"): string {
  if (typeof v === "number" && v > 0) return new Date(Math.round((v - UNIX_EPOCH_SERIAL) * MS_PER_DAY)).toISOString().slice(0, 10);
  const s = textOf(v).trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) throw new SyntaxError(`row ${row + 1} has “${s}” where ${what} (YYYY-MM-DD) should be`);
  return s;
}

/** A recorded due date: blank when the action had none. */
const dueOf = (v: SheetCellValue | undefined, row: number): string | null => (textOf(v).trim() === "" ? null : isoOf(v, row, "a due date"));

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "it is not in the expected form";
  const where = issue.path.length ? ` (${issue.path.join(".")})` : "";
  return `${issue.message}${where}`;
}
