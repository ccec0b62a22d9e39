import type { ItemFinding } from "./finding";
import { quotedDue, readableDate } from "./readable";

export const severalDates: ItemFinding = {
  code: "several-dates",
  severity: "info",
  role: (item) => item.dueRole,
  check: (item) => !item.complete && item.reading.kind === "date" && item.reading.several,
  message: (item) =>
    `Several dates in one cell (${quotedDue(item.dueText)}): the latest, ${readableDate(item.reading.due!)}, was taken as the due date.`,
};
