// Slipped actions: a due date later than before. Two sources feed the one
// `date-slipped` finding: a revised/new date column later than the target date
// (found by analyse, plan rules §1), and a due date later than the one the
// previous report recorded in the history sheet (added here, after the scan).
// Actions are recognised across reports as escalations recognise them
// (recordFinder: sheet, ref and the start of the text; else same row and ref).
import { allItems } from "../counts";
import { type At } from "../findings";
import { dueMoved, revisedMessage } from "../findings/date-slipped";
import type { Finding, Item, PlanReport } from "../report";
import { textKey } from "../text";
import { recordFinder, type PlacedItem } from "./escalation";
import { previousSnapshot, type History } from "./history";

export const SLIPPED = "date-slipped";

/** What the Slipped figures count, for the footnotes of the sheets that show them. */
export const SLIPPED_NOTE =
  "Slipped: actions whose due date moved later, either a revised or new date later than the target date, " +
  "or a due date later than the one recorded for the previous report in the PM History sheet.";

export const isSlipped = (item: Item): boolean => item.findings.some((f) => f.code === SLIPPED);

/** Every slipped action, in plan order. */
export const slippedItems = (report: PlanReport): PlacedItem[] => allItems(report).filter(({ item }) => isSlipped(item));

/** How many of these actions slipped. */
export function slippedCount(items: readonly Item[]): number {
  let n = 0;
  for (const it of items) if (isSlipped(it)) n++;
  return n;
}

/** Slipped actions per theme, keyed as themes are compared (textKey); themes with none are absent. */
export function slippedByTheme(items: readonly Item[]): Map<string, number> {
  const byKey = new Map<string, number>();
  for (const it of items) if (isSlipped(it)) byKey.set(textKey(it.theme), (byKey.get(textKey(it.theme)) ?? 0) + 1);
  return byKey;
}

/** The due cell of an item ("D12"), as a finding's place; the action's text cell when the due cell is unknown. */
function dueAt(item: Item): At {
  const m = /^([A-Z]+)(\d+)$/.exec(item.cells.due ?? item.cells.text ?? "");
  return m ? { column: m[1], row: Number(m[2]) } : { column: "A", row: item.row };
}

/**
 * The report with a `date-slipped` finding on each action whose due date is later
 * than in the previous report of the history. An action the revised-date column
 * already found slipped keeps that one finding: alone where it tells the same
 * move (target date then, revised date now), else joined to the history's words.
 */
export function withHistorySlips(report: PlanReport, history: History): PlanReport {
  const previous = previousSnapshot(history, report.asAt);
  if (!previous) return report;
  const find = recordFinder(previous);
  let changed = false;
  const sheets = report.sheets.map((sheet) => {
    const items = sheet.items.map((item) => {
      const before = item.due ? find({ sheet: sheet.name, item })?.due : undefined;
      if (!before || !item.due || before >= item.due) return item;
      const revised = item.findings.find((f) => f.code === SLIPPED);
      const moved = dueMoved(dueAt(item), before, item.due, previous.asAt);
      // Already said (this report was given the history's words before), or the revised column tells the same move.
      if (revised && (revised.message.startsWith(moved.message) || saysSameMove(revised, before, item.due))) return item;
      const finding = revised ? dueMoved({ column: revised.column, row: revised.row }, before, item.due, previous.asAt, revised) : moved;
      changed = true;
      return { ...item, findings: replaceOrAdd(item.findings, revised, finding) };
    });
    return items.some((it, i) => it !== sheet.items[i]) ? { ...sheet, items } : sheet;
  });
  return changed ? { ...report, sheets } : report;
}

/** The revised-date finding tells this move when it is the one analyse gives for a target date of `from`. */
const saysSameMove = (revised: Finding, from: string, to: string): boolean => revised.message === revisedMessage(from, to);

function replaceOrAdd(findings: readonly Finding[], old: Finding | undefined, next: Finding): Finding[] {
  return old ? findings.map((f) => (f === old ? next : f)) : [...findings, next];
}
