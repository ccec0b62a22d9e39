// "PM Summary – Owners": counts per owner. An action with two owners counts
// for each of them; the totals line counts every action once.
import { allItems, countByOwner, totalCounts } from "../counts";
import type { PlanReport } from "../report";
import type { Settings } from "../settings";
import type { SheetSpec } from "../writeback";
import { printSpec, provenance, shortDate, stamp } from "./common";
import { COUNT_TABLE_WIDTH, countTable, ragBarChart } from "./count-table";
import { SUMMARY_SHEET_NAMES, SUMMARY_TITLES } from "./names";
import { SheetBuilder } from "./sheet-builder";

const COLUMN_WIDTHS = [46, 9, 9, 9, 9, 9, 8, 12];

export function ownersSheet(report: PlanReport, settings: Settings): SheetSpec {
  const items = allItems(report).map((e) => e.item);
  const b = new SheetBuilder(COUNT_TABLE_WIDTH);
  stamp(b, SUMMARY_TITLES.owners, report, settings);
  b.note("An action with several owners is counted once for each of them; the total line counts each action once.");
  const total = { ...totalCounts(items), label: "Total (each action once)" };
  const table = countTable(b, report.asAt, "Owner", countByOwner(items), total);
  provenance(b, report, settings);
  b.blank();
  b.chart(ragBarChart(`Actions by owner and RAG, as at ${shortDate(report.asAt)}`, table, b.next));
  return b.build({
    name: SUMMARY_SHEET_NAMES.owners,
    kind: "owners",
    columnWidths: COLUMN_WIDTHS,
    freezeRows: table.headerRow + 1,
    print: printSpec(SUMMARY_TITLES.owners, report.asAt, { first: 0, last: table.headerRow }),
  });
}
