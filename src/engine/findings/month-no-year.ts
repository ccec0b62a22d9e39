import type { ItemFinding } from "./finding";
import { quotedDue } from "./quote";

export const monthNoYear: ItemFinding = {
  code: "month-no-year",
  severity: "error",
  heading: "Month without a year",
  role: (item) => item.dueRole,
  check: (item) => !item.complete && item.reading.kind === "month-no-year",
  message: (item) =>
    `${quotedDue(item.dueText)} has no year and the plan does not state its period (e.g. “for the period April 2025 to March 2026”), so no due date was taken. Add the year.`,
};
