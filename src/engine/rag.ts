// The computed RAG as at a date (plan-rules.md §4).
import { daysBetween } from "./dates";
import type { Rag } from "./report";

export interface RagInput {
  complete: boolean;
  /** ISO due date, or null when there is none. */
  due: string | null;
}

/** Days the item is past due as at the date (0 when not yet due or no date). */
export function daysOverdue(due: string | null, asAt: string): number {
  if (!due) return 0;
  return Math.max(0, daysBetween(due, asAt));
}

export function ragAsAt(item: RagInput, asAt: string, amberDays: number): Rag {
  if (item.complete) return "blue";
  if (!item.due) return "grey";
  const late = daysOverdue(item.due, asAt);
  if (late === 0) return "green";
  return late <= amberDays ? "amber" : "red";
}
