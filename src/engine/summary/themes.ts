// "PM Summary – Themes": counts per theme with the change since the last
// report, a trend across reports, and the charts of both.
import { allItems, countByTheme, totalCounts, type RagCounts } from "../counts";
import type { Item, PlanReport } from "../report";
import type { Settings } from "../settings";
import { textKey } from "../text";
import { RAG_FILL, type SheetSpec } from "../writeback";
import { NUMBER, PERCENT, RAG_ORDER, ragHeader, printSpec, provenance, shortDate, stamp } from "./common";
import { CHANGE_WIDTH, COUNT_TABLE_WIDTH, countTable, ragBarChart, type ChangeBasis, type SlippedBasis } from "./count-table";
import { countsOf, previousSnapshot, snapshotTotals, type History } from "./history";
import { SUMMARY_SHEET_NAMES, SUMMARY_TITLES } from "./names";
import { cell, headerCell, SheetBuilder } from "./sheet-builder";
import { slippedByTheme, slippedCount, SLIPPED_NOTE } from "./slipped";

/** The count table, its change columns, the Plan health column and the Slipped column. */
const WIDTH = COUNT_TABLE_WIDTH + CHANGE_WIDTH + 2;
const COLUMN_WIDTHS = [52, 9, 9, 9, 9, 9, 8, 12, 8, 8, 8, 8, 8, 13, 9];
/** Rows a chart is given below the tables; the bar chart gets more when there are many themes. */
const CHART_ROWS = 20;
const barChartRows = (themes: number): number => Math.max(CHART_ROWS, Math.ceil(themes * 1.4) + 8);

/** `history` already holds this report's snapshot (see recordSnapshot). */
export function themesSheet(report: PlanReport, settings: Settings, history: History): SheetSpec {
  const items = allItems(report).map((e) => e.item);
  const b = new SheetBuilder(WIDTH);
  stamp(b, SUMMARY_TITLES.themes, report, settings);
  b.blank();
  const table = countTable(b, report.asAt, "Theme", countByTheme(items), totalCounts(items), changeBasis(history, report.asAt), settings, slippedBasis(items));
  b.blank();
  const trend = trendTable(b, history);
  provenance(b, report, settings, [changeNote(history, report.asAt), SLIPPED_NOTE]);
  b.blank();
  const chartRow = b.next;
  b.chart(ragBarChart(`Actions by theme and RAG, as at ${shortDate(report.asAt)}`, table, chartRow));
  b.chart({
    kind: "line",
    title: "Trend across reports",
    range: { top: trend.headerRow, left: 0, bottom: trend.lastRow, right: RAG_ORDER.length },
    seriesBy: "columns",
    colours: RAG_ORDER.map((rag) => RAG_FILL[rag]),
    anchor: { row: chartRow + barChartRows(table.lastRow - table.firstRow + 1), col: 0 },
  });
  return b.build({
    name: SUMMARY_SHEET_NAMES.themes,
    kind: "themes",
    columnWidths: COLUMN_WIDTHS,
    freezeRows: table.headerRow + 1,
    print: printSpec(SUMMARY_TITLES.themes, report.asAt, { first: 0, last: table.headerRow }),
  });
}

const slippedBasis = (items: readonly Item[]): SlippedBasis => ({ byKey: slippedByTheme(items), total: slippedCount(items) });

function changeBasis(history: History, asAt: string): ChangeBasis {
  const previous = previousSnapshot(history, asAt);
  if (!previous) return { since: null, byKey: new Map(), total: null };
  const byKey = new Map<string, RagCounts>();
  for (const t of previous.themes) byKey.set(textKey(t.theme), countsOf(t));
  return { since: previous.asAt, byKey, total: snapshotTotals(previous) };
}

function changeNote(history: History, asAt: string): string {
  const previous = previousSnapshot(history, asAt);
  return previous
    ? `Change columns compare with the report as at ${shortDate(previous.asAt)} kept in the ${SUMMARY_SHEET_NAMES.history} sheet (${history.snapshots.length} reports recorded).`
    : `This is the first report recorded in the ${SUMMARY_SHEET_NAMES.history} sheet: changes are shown from the next report.`;
}

/** One row per recorded report: totals per RAG and % complete. */
function trendTable(b: SheetBuilder, history: History): { headerRow: number; lastRow: number } {
  b.section("Trend across reports");
  const headerRow = b.add([headerCell("As at", { horizontal: "left" }), ...RAG_ORDER.map(ragHeader), headerCell("Total"), headerCell("% complete")]);
  for (const s of history.snapshots) {
    const t = snapshotTotals(s);
    b.add([
      cell(shortDate(s.asAt), { border: true, numberFormat: "@" }),
      ...RAG_ORDER.map((rag) => cell(t[rag], NUMBER)),
      cell(t.total, NUMBER),
      cell(t.total ? t.blue / t.total : 0, PERCENT),
    ]);
  }
  return { headerRow, lastRow: b.next - 1 };
}
