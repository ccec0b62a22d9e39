// "PM Exceptions": what a board should look at. Escalations first, then every
// red and amber action (most overdue first), the actions whose due date slipped
// later, the actions that cannot be assessed and why, and what was completed
// since the last report. Each line links to the action's row in the plan.
import type { FindingCode, PlanReport } from "../report";
import type { Settings } from "../settings";
import { excerpt } from "../text";
import type { SheetSpec } from "../writeback";
import { escalationRule, NUMBER, printSpec, provenance, ragCell, shortDate, stamp, TEXT } from "./common";
import { completedSince, escalations, greyItems, redAndAmber, type Escalation, type PlacedItem } from "./escalation";
import { previousSnapshot, type History } from "./history";
import { EXCEPTION_HEADERS } from "./layouts";
import { SUMMARY_TITLES, SUMMARY_SHEET_NAMES } from "./names";
import { SLIPPED, slippedItems } from "./slipped";
import { cell, headerCell, type Row, SheetBuilder } from "./sheet-builder";

/** Columns (0-based) of the exceptions table. */
export const EXCEPTION_COLUMNS = { rag: 0, theme: 1, ref: 2, action: 3, owners: 4, due: 5, daysOverdue: 6, note: 7, link: 8 } as const;
const HEADERS = EXCEPTION_HEADERS;
const COLUMN_WIDTHS = [8, 24, 6, 42, 18, 11, 9, 46, 18];

/** How each section's title begins (the count follows in brackets). */
export const EXCEPTION_SECTIONS = {
  escalations: "Escalations",
  redAmber: "Red and amber actions",
  slipped: "Slipped",
  grey: "Cannot be assessed",
  completed: "Completed since",
} as const;

const ACTION_LENGTH = 160;
const NOTE_LENGTH = 260;

export function exceptionsSheet(report: PlanReport, settings: Settings, history: History): SheetSpec {
  const b = new SheetBuilder(HEADERS.length);
  stamp(b, SUMMARY_TITLES.exceptions, report, settings);
  b.blank();
  const headerRow = b.add(HEADERS.map((h, c) => headerCell(h, c === EXCEPTION_COLUMNS.action || c === EXCEPTION_COLUMNS.note ? { horizontal: "left" } : {})));

  const escalated = escalations(report, history, settings);
  listSection(b, `${EXCEPTION_SECTIONS.escalations}: ${escalationRule(settings)} (${escalated.length})`, escalated, (e) => itemRow(e, escalationNote(e, settings)));

  const late = redAndAmber(report);
  listSection(b, `${EXCEPTION_SECTIONS.redAmber}, most overdue first (${late.length})`, late, (p) => itemRow(p, p.item.progress || "No progress note."));

  const slipped = slippedItems(report);
  listSection(b, `${EXCEPTION_SECTIONS.slipped} – due date moved later (${slipped.length})`, slipped, (p) => itemRow(p, slipNote(p)));

  const grey = greyItems(report);
  listSection(b, `${EXCEPTION_SECTIONS.grey} – grey, no usable due date (${grey.length})`, grey, (p) => itemRow(p, greyReason(p)));

  const previous = previousSnapshot(history, report.asAt);
  const completed = completedSince(report, previous);
  const completedTitle = previous
    ? `${EXCEPTION_SECTIONS.completed} the report as at ${shortDate(previous.asAt)} (${completed.length})`
    : `${EXCEPTION_SECTIONS.completed} the last report: none recorded yet (0)`;
  listSection(b, completedTitle, completed, (p) => itemRow(p, p.item.status ? `Status: ${excerpt(p.item.status, 80)}` : ""));

  provenance(b, report, settings);
  return b.build({
    name: SUMMARY_SHEET_NAMES.exceptions,
    kind: "exceptions",
    columnWidths: COLUMN_WIDTHS,
    freezeRows: headerRow + 1,
    print: printSpec(SUMMARY_TITLES.exceptions, report.asAt, { first: 0, last: headerRow }),
  });
}

function listSection<T extends PlacedItem>(b: SheetBuilder, title: string, entries: readonly T[], rowOf: (entry: T) => Row): void {
  b.section(title);
  if (!entries.length) b.add([null, cell("None.", { italic: true })]);
  for (const entry of entries) b.add(rowOf(entry));
}

/** An internal link to a cell, in the form every host understands: 'Sheet name'!C12. */
export const cellLink = (sheet: string, column: string, row: number): string => `'${sheet.replace(/'/g, "''")}'!${column}${row}`;

/** The item's own row, in the column its text was read from. */
function itemLink({ sheet, item }: PlacedItem): string {
  const column = item.cells.text ? /^[A-Z]+/.exec(item.cells.text)?.[0] ?? "A" : "A";
  return cellLink(sheet, column, item.row);
}

function itemRow(placed: PlacedItem, note: string): Row {
  const { item, sheet } = placed;
  const late = item.rag === "amber" || item.rag === "red";
  return [
    ragCell(item.rag),
    cell(item.theme, TEXT),
    cell(item.ref, { ...TEXT, horizontal: "center" }),
    cell(excerpt(item.text, ACTION_LENGTH), TEXT),
    cell(item.owners.join("; ") || "(no owner)", TEXT),
    cell(item.due ? shortDate(item.due) : excerpt(item.dueText, 40) || "none", { ...TEXT, horizontal: "center" }),
    cell(late ? item.daysOverdue : null, NUMBER),
    cell(excerpt(note, NOTE_LENGTH), TEXT),
    cell(`${sheet}, row ${item.row}`, { ...TEXT, fontColor: "#0563C1" }, itemLink(placed)),
  ];
}

function escalationNote(e: Escalation, settings: Settings): string {
  const n = settings.escalateRedSnapshots;
  const why = [
    e.redRun ? (n === 1 ? "red" : `red in each of the last ${n} reports`) : "",
    e.longOverdue ? `more than ${settings.escalateDaysOverdue} days overdue` : "",
  ].filter(Boolean);
  const note = e.item.progress ? `Latest note: ${e.item.progress}` : "No progress note.";
  return `Escalated: ${why.join(" and ")}. ${note}`;
}

/** How the due date moved, in the words of its date-slipped finding. */
const slipNote = ({ item }: PlacedItem): string => item.findings.find((f) => f.code === SLIPPED)?.message ?? "";

const DUE_FINDINGS: readonly FindingCode[] = ["no-due", "unreadable-due", "month-no-year"];

/** Why an action is grey, in the words of the finding about its due date. */
function greyReason({ item }: PlacedItem): string {
  const finding = item.findings.find((f) => DUE_FINDINGS.includes(f.code));
  return finding?.message ?? "No due date, so it cannot be RAG rated.";
}
