// Summary sheets for board papers, described once for every host:
// themes, owners, exceptions, and the history they are compared against.
import type { PlanReport } from "../report";
import type { Settings } from "../settings";
import type { SheetCellValue, SheetSpec } from "../writeback";
import { longDate } from "./common";
import { exceptionsSheet } from "./exceptions";
import { emptyHistory, parseHistory, recordSnapshot, type History } from "./history";
import { historySheet } from "./history-sheet";
import { SUMMARY_SHEET_NAMES } from "./names";
import { ownersSheet } from "./owners";
import { portfolioSheet, type PortfolioPlan } from "./portfolio";
import { themesSheet } from "./themes";

export interface SummaryOptions {
  /** Notes to keep on the history sheet, e.g. that a damaged history was replaced. */
  historyNotes?: readonly string[];
}

/**
 * The sheets for a report: themes, owners, exceptions and history, and
 * the portfolio when the workbook holds several plan sheets (each sheet a plan,
 * as `plan-monitor summary` makes each file one). The report's snapshot is
 * recorded in the history first (replacing one on the same as-at date), so the
 * trend includes this report and the change columns compare with the report
 * before it. Slipped dates are the report's date-slipped findings (see
 * withHistorySlips, which the scan applies).
 */
export function buildSummarySheets(report: PlanReport, settings: Settings, history: History, options: SummaryOptions = {}): SheetSpec[] {
  const recorded = recordSnapshot(history, report);
  return [
    themesSheet(report, settings, recorded),
    ownersSheet(report, settings),
    exceptionsSheet(report, settings, recorded),
    ...(report.sheets.length > 1 ? [portfolioSheet(plansBySheet(report), report.asAt, settings, "sheets")] : []),
    historySheet(recorded, report.asAt, options.historyNotes),
  ];
}

/** Each plan sheet as a plan of its own: the report it would give alone. */
const plansBySheet = (report: PlanReport): PortfolioPlan[] =>
  report.sheets.map((sheet) => ({ file: sheet.name, report: { asAt: report.asAt, sheets: [sheet], skipped: [] } }));

/** The history read from the history sheet's values; a damaged sheet gives an empty history and a notice saying so. */
export function historyFromSheet(values: SheetCellValue[][] | null, asAt: string): { history: History; notice: string | null } {
  const reading = parseHistory(values);
  if (reading.ok) return { history: reading.history, notice: null };
  return {
    history: emptyHistory(),
    notice:
      `The ${SUMMARY_SHEET_NAMES.history} sheet could not be read (${reading.reason}), so a new history was started as at ${longDate(asAt)}. ` +
      "Changes, the trend and escalations count from this report.",
  };
}

export { SUMMARY_KINDS, SUMMARY_SHEET_NAMES, SUMMARY_TITLES, type SummaryKind } from "./names";
export {
  COUNT_HEADER,
  emptyHistory,
  HistorySchema,
  ITEM_DUE_HEADER,
  ITEM_HEADER,
  parseHistory,
  previousSnapshot,
  recordSnapshot,
  snapshotOf,
  type History,
  type ItemRecord,
  type Snapshot,
  type ThemeCounts,
} from "./history";
export { completedSince, escalations, greyItems, redAndAmber, type Escalation, type PlacedItem } from "./escalation";
export { EXCEPTION_COLUMNS, EXCEPTION_SECTIONS, cellLink } from "./exceptions";
export { COUNT_COLUMNS } from "./count-table";
export { historySheet } from "./history-sheet";
export { isSlipped, slippedItems, withHistorySlips } from "./slipped";
