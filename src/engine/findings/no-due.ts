import type { ItemFinding } from "./finding";
import { quotedDue } from "./quote";

export const noDue: ItemFinding = {
  code: "no-due",
  severity: "error",
  heading: "No due date",
  role: (item) => item.dueRole,
  check: (item) => !item.complete && (item.reading.kind === "blank" || item.reading.kind === "no-date"),
  message: (item) =>
    item.reading.kind === "no-date"
      ? `No due date: ${quotedDue(item.dueText)} is not a date, so the action cannot be RAG rated. Give a date by which it will be done or reviewed.`
      : item.columns.due !== undefined || item.columns.revised !== undefined
        ? "No due date: the target date is empty, here and on its action row. Give a month and year at least."
        : "No due date: the plan has no target date column, so this action cannot be RAG rated.",
};
