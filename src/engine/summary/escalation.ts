// Comparing this report with earlier snapshots: which actions escalate (red in
// the last N reports, or more than M days overdue) and which were completed
// since the last report. Actions are recognised across reports by sheet, ref
// and the start of their text, so inserting rows in the plan does not lose them.
import { allItems } from "../counts";
import type { Item, PlanReport } from "../report";
import type { Settings } from "../settings";
import { textKey } from "../text";
import { itemRecordText, type History, type ItemRecord, type Snapshot } from "./history";

export interface PlacedItem {
  sheet: string;
  item: Item;
}

export interface Escalation extends PlacedItem {
  /** Red in this report and the N−1 before it. */
  redRun: boolean;
  /** More than the setting's days overdue. */
  longOverdue: boolean;
}

const identity = (sheet: string, ref: string, text: string): string => [sheet, ref, textKey(itemRecordText(text))].join("\u0000");

/** Finds an item's record in one snapshot: by identity first, then by the same row and ref (text edited). */
export function recordFinder(snapshot: Snapshot): (placed: PlacedItem) => ItemRecord | undefined {
  const byIdentity = new Map<string, ItemRecord[]>();
  const byRow = new Map<string, ItemRecord>();
  for (const r of snapshot.items) {
    const key = identity(r.sheet, r.ref, r.text);
    byIdentity.set(key, [...(byIdentity.get(key) ?? []), r]);
    byRow.set(`${r.sheet}\u0000${r.row}`, r);
  }
  return ({ sheet, item }) => {
    const same = byIdentity.get(identity(sheet, item.ref, item.text));
    if (same) return same.find((r) => r.row === item.row) ?? same[0];
    const atRow = byRow.get(`${sheet}\u0000${item.row}`);
    return atRow && atRow.ref === item.ref ? atRow : undefined;
  };
}

/** Snapshots strictly before the report's date, latest last. */
const earlierSnapshots = (history: History, asAt: string): Snapshot[] => history.snapshots.filter((s) => s.asAt < asAt);

const byDaysOverdue = (a: PlacedItem, b: PlacedItem): number => b.item.daysOverdue - a.item.daysOverdue;

/** Actions to escalate, most overdue first (stable: plan order among equals). */
export function escalations(report: PlanReport, history: History, settings: Settings): Escalation[] {
  // "Red in the last N reports" counts this one: it needs the N−1 reports before it.
  const needed = settings.escalateRedSnapshots - 1;
  const earlier = earlierSnapshots(history, report.asAt);
  const runBefore = needed > 0 ? earlier.slice(-needed) : [];
  const enoughHistory = earlier.length >= needed;
  const finders = enoughHistory ? runBefore.map(recordFinder) : [];
  const result: Escalation[] = [];
  for (const placed of allItems(report)) {
    const redRun = placed.item.rag === "red" && enoughHistory && finders.every((find) => find(placed)?.rag === "red");
    const longOverdue = placed.item.daysOverdue > settings.escalateDaysOverdue;
    if (redRun || longOverdue) result.push({ ...placed, redRun, longOverdue });
  }
  return result.sort(byDaysOverdue);
}

/** Actions complete now that were in the previous snapshot and not complete then, in plan order. */
export function completedSince(report: PlanReport, previous: Snapshot | null): PlacedItem[] {
  if (!previous) return [];
  const find = recordFinder(previous);
  return allItems(report).filter((placed) => {
    if (placed.item.rag !== "blue") return false;
    const before = find(placed);
    return before !== undefined && before.rag !== "blue";
  });
}

/** Every red and amber action, most overdue first. */
export function redAndAmber(report: PlanReport): PlacedItem[] {
  return allItems(report)
    .filter(({ item }) => item.rag === "red" || item.rag === "amber")
    .sort(byDaysOverdue);
}

export const greyItems = (report: PlanReport): PlacedItem[] => allItems(report).filter(({ item }) => item.rag === "grey");
