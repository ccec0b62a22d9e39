import type { ItemFinding } from "./finding";
import { shortDate } from "../vocabulary";

// A revised date later than the target (plan rules §1, "Revised dates").
export const dateSlipped: ItemFinding = {
  code: "date-slipped",
  severity: "warning",
  role: () => "revised",
  check: (item) => item.dueRole === "revised" && item.due !== null && item.target !== null && item.target < item.due,
  message: (item) => `The date slipped from ${shortDate(item.target!)} to ${shortDate(item.due!)}: the revised date is taken as the due date.`,
};
