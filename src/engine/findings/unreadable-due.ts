import type { ItemFinding } from "./finding";
import { quotedDue } from "./quote";

export const unreadableDue: ItemFinding = {
  code: "unreadable-due",
  severity: "error",
  heading: "Due date cannot be read",
  role: (item) => item.dueRole,
  check: (item) => !item.complete && item.reading.kind === "unreadable",
  message: (item) =>
    `The due date ${quotedDue(item.dueText)} could not be read as a date. Write it as a month and year (e.g. March 2026) or as a date.`,
};
