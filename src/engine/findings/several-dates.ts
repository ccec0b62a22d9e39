import type { ItemFinding } from "./finding";
import { shortDate } from "../vocabulary";
import { quotedDue } from "./quote";

export const severalDates: ItemFinding = {
  code: "several-dates",
  severity: "info",
  heading: "Several dates in one cell",
  role: (item) => item.dueRole,
  check: (item) => !item.complete && item.reading.kind === "date" && item.reading.several,
  message: (item) =>
    `Several dates in one cell (${quotedDue(item.dueText)}): the latest, ${shortDate(item.reading.due!)}, was taken as the due date.`,
};
