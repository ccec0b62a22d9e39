// The operations a user runs, written once against the PlanHost interface so
// the add-in and the command line do exactly the same thing:
// scan (read → analyse), colour (RAG fills), and build the summary sheets.
import { analyseWorkbook } from "./analyse";
import { colourPlanFor } from "./colour";
import { ownedGridValues } from "./owned";
import type { PlanHost, Progress, WriteSheetsResult } from "./host";
import type { PlanReport } from "./report";
import type { Settings } from "./settings";
import { buildSummarySheets, historyFromSheet, withHistorySlips } from "./summary";

export interface ScanOptions {
  /** ISO date the RAG is computed against. */
  asAt: string;
  settings: Settings;
}

/**
 * Read every sheet the host holds (its own summary sheets are skipped) and analyse
 * it. The history comes from the grids read (the host marks its own sheets with
 * their kind), so an action whose due date is later than in the previous report
 * gets its date-slipped finding at no extra cost (a damaged history gives none
 * here; the summary says so when it replaces it).
 */
export async function scanWorkbook(host: PlanHost, options: ScanOptions, progress?: Progress): Promise<PlanReport> {
  const grids = await host.readGrids(progress);
  const { history } = historyFromSheet(ownedGridValues(grids, "history"), options.asAt);
  return withHistorySlips(analyseWorkbook(grids, { asAt: options.asAt, settings: options.settings }), history);
}

/** Colour each item's status cell by its RAG, replacing earlier Plan Monitor colouring. */
export async function colourWorkbook(host: PlanHost, report: PlanReport, progress?: Progress): Promise<void> {
  await host.applyColours(colourPlanFor(report), progress);
}

/**
 * Write (or rewrite in place) the summary sheets. The history is read back
 * from the host first so this report's snapshot joins the earlier ones; a
 * damaged history is replaced, and the user is told.
 */
export async function buildSummaries(host: PlanHost, report: PlanReport, settings: Settings, progress?: Progress): Promise<WriteSheetsResult> {
  const { history, notice } = historyFromSheet(await host.readOwnedSheet("history"), report.asAt);
  const specs = buildSummarySheets(report, settings, history, { historyNotes: notice ? [notice] : [] });
  const result = await host.writeSheets(specs, progress);
  return notice ? { ...result, notices: [notice, ...result.notices] } : result;
}
