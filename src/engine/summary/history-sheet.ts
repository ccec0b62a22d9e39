// "PM History": the store of snapshots, laid out as two plain tables a person
// can read (and Plan Monitor parses back; see parseHistory).
import type { SheetCellValue, SheetSpec } from "../writeback";
import { NUMBER, printSpec, TEXT } from "./common";
import { COUNT_HEADER, countRows, ITEM_HEADER_WITH_DUE, itemRows, type History } from "./history";
import { SUMMARY_SHEET_NAMES, SUMMARY_TITLES } from "./names";
import { cell, headerCell, SheetBuilder } from "./sheet-builder";

const COLUMN_WIDTHS = [12, 40, 9, 9, 40, 9, 12, 9];

export function historySheet(history: History, asAt: string, notes: readonly string[] = []): SheetSpec {
  const b = new SheetBuilder(COUNT_HEADER.length);
  b.title(SUMMARY_TITLES.history);
  b.note(
    "Plan Monitor keeps one snapshot per as-at date here and reads it back to show changes, the trend, escalations, what was completed and which due dates moved later. " +
      "Running the summary again for the same date replaces that date's snapshot. Please do not edit this sheet.",
  );
  for (const note of notes) b.note(note, false);
  b.blank();
  b.section(`Counts per theme and RAG, one block per report (${history.snapshots.length} report${history.snapshots.length === 1 ? "" : "s"})`);
  const countsHeader = b.add(COUNT_HEADER.map((h) => headerCell(h)));
  for (const values of countRows(history)) b.add(values.map((v, c) => historyCell(v, c >= 2)));
  b.blank();
  b.section("Actions per report, with their due dates (to recognise each action again and see a due date moved later)");
  b.add(ITEM_HEADER_WITH_DUE.map((h) => headerCell(h)));
  for (const values of itemRows(history)) b.add(values.map((v, c) => historyCell(v, c === 2)));
  return b.build({
    name: SUMMARY_SHEET_NAMES.history,
    kind: "history",
    columnWidths: COLUMN_WIDTHS,
    freezeRows: countsHeader + 1,
    print: printSpec(SUMMARY_TITLES.history, asAt, { first: 0, last: 0 }),
  });
}

/** Text cells are stored as text so a host never turns "2010-09-01" into a date or "1.10" into 1.1. */
const historyCell = (v: SheetCellValue, isNumber: boolean) => cell(v, isNumber ? NUMBER : { ...TEXT, wrap: false });

