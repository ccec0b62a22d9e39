import type { Finding } from "../report";
import { longDate, shortDate } from "../vocabulary";
import { type At, findingAt, type ItemFinding } from "./finding";

// A due date that moved later. Two sources feed this one finding: a revised/new
// date later than the target (plan rules §1, "Revised dates"), checked here on
// each item, and a due date later than the previous report's in PM History,
// added after the scan by summary/slipped.ts through dueMoved.

/** The revised-date column's words for a target `target` and a revised `revised` date. */
export const revisedMessage = (target: string, revised: string): string =>
  `The date slipped from ${shortDate(target)} to ${shortDate(revised)}: the revised date is taken as the due date.`;

export const dateSlipped: ItemFinding = {
  code: "date-slipped",
  severity: "warning",
  heading: "Date slipped",
  role: () => "revised",
  check: (item) => item.dueRole === "revised" && item.due !== null && item.target !== null && item.target < item.due,
  message: (item) => revisedMessage(item.target!, item.due!),
};

/**
 * The due date is later than in the previous report (read from the history sheet).
 * `revised` is the finding the revised-date column gave when it tells another
 * move: one date-slipped finding carries both; where both say the same move,
 * the caller keeps the revised one alone.
 */
export const dueMoved = (at: At, from: string, to: string, since: string, revised?: Finding): Finding =>
  findingAt(dateSlipped, at, `Due date moved from ${longDate(from)} to ${longDate(to)} since the report of ${longDate(since)}.${revised ? ` ${revised.message}` : ""}`);
