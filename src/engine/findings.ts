// Findings: what a commissioning officer should look at, in plain words.
import type { DueReading } from "./dates";
import type { Finding, FindingCode, Rag } from "./report";
import { longDate } from "./summary/common";
import { excerpt } from "./text";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2011-03-31" → "31 Mar 2011". */
export function readableDate(iso: string): string {
  // Plans share a few dozen dates across thousands of findings: each is written once.
  let out = READABLE.get(iso);
  if (out === undefined) {
    const [y, m, d] = iso.split("-").map(Number);
    out = `${d} ${MONTHS[m - 1]} ${y}`;
    if (READABLE.size < 10_000) READABLE.set(iso, out);
  }
  return out;
}
const READABLE = new Map<string, string>();

const RAG_WORD: Record<Rag, string> = { blue: "Blue (complete)", green: "Green", amber: "Amber", red: "Red", grey: "Grey" };

const SEVERITY: Record<FindingCode, Finding["severity"]> = {
  "no-owner": "error",
  "no-due": "error",
  "unreadable-due": "error",
  "month-no-year": "error",
  "several-dates": "info",
  "rag-mismatch": "warning",
  "overdue-no-progress": "warning",
  "html-in-text": "warning",
  "repeated-header": "info",
  "error-value": "error",
  "date-slipped": "warning",
};

/** Where a finding points: a column letter and a 1-based row. */
export interface At {
  column: string;
  row: number;
}

const make = (code: FindingCode, at: At, message: string): Finding => ({ code, column: at.column, row: at.row, severity: SEVERITY[code], message });

export const noOwner = (at: At, hasOwnerColumn: boolean): Finding =>
  make(
    "no-owner",
    at,
    hasOwnerColumn
      ? "No owner: nobody is named for this action, here or on its action row. Name the person or team responsible."
      : "No owner: the plan has no owner or lead column, so nobody is named for this action.",
  );

/** The finding for a due cell that gave no usable date, if any. */
export function dueFinding(reading: DueReading, dueText: string, at: At, hasDueColumn: boolean): Finding | null {
  if (reading.kind === "date" && !reading.several) return null; // most items: nothing to say, so nothing to build
  const shown = `“${excerpt(dueText, 60)}”`;
  switch (reading.kind) {
    case "date":
      return reading.several
        ? make("several-dates", at, `Several dates in one cell (${shown}): the latest, ${readableDate(reading.due!)}, was taken as the due date.`)
        : null;
    case "blank":
      return make(
        "no-due",
        at,
        hasDueColumn
          ? "No due date: the target date is empty, here and on its action row. Give a month and year at least."
          : "No due date: the plan has no target date column, so this action cannot be RAG rated.",
      );
    case "no-date":
      return make("no-due", at, `No due date: ${shown} is not a date, so the action cannot be RAG rated. Give a date by which it will be done or reviewed.`);
    case "month-no-year":
      return make(
        "month-no-year",
        at,
        `${shown} has no year and the plan does not state its period (e.g. “for the period April 2025 to March 2026”), so no due date was taken. Add the year.`,
      );
    case "unreadable":
      return make("unreadable-due", at, `The due date ${shown} could not be read as a date. Write it as a month and year (e.g. March 2026) or as a date.`);
  }
}

export const ragMismatch = (at: At, status: string, reported: Rag, computed: Rag, asAt: string, due: string | null, late: number): Finding =>
  make(
    "rag-mismatch",
    at,
    `The status says “${excerpt(status, 40)}” (${RAG_WORD[reported]}), but as at ${readableDate(asAt)} this action is ${RAG_WORD[computed]}` +
      (late > 0 && due ? `: ${late} day${late === 1 ? "" : "s"} past its due date of ${readableDate(due)}.` : "."),
  );

export const overdueNoProgress = (at: At, late: number): Finding =>
  make("overdue-no-progress", at, `${late} day${late === 1 ? "" : "s"} overdue and no progress note. Add an update on what has happened.`);

export const htmlInText = (at: At): Finding =>
  make("html-in-text", at, "This text has HTML tags in it (such as <p> or <div>), left from pasting a web page or Word document. Remove them so the text reads cleanly.");

export const repeatedHeader = (at: At): Finding =>
  make("repeated-header", at, `Row ${at.row} repeats the header row (left from pasting at a page break). Plan Monitor skips it; delete the row to tidy the table.`);

export const errorValue = (at: At, error: string): Finding =>
  make("error-value", at, `This cell shows the error ${error}, so its value could not be read. Fix the formula or type the value.`);

export const dateSlipped = (at: At, target: string, revised: string): Finding =>
  make("date-slipped", at, `The date slipped from ${readableDate(target)} to ${readableDate(revised)}: the revised date is taken as the due date.`);

/**
 * The due date is later than in the previous report (read from the history sheet).
 * `revised` is the finding the revised-date column gave when it tells another
 * move: one date-slipped finding carries both; where both say the same move,
 * the caller keeps the revised one alone.
 */
export const dueMoved = (at: At, from: string, to: string, since: string, revised?: Finding): Finding =>
  make("date-slipped", at, `Due date moved from ${longDate(from)} to ${longDate(to)} since the report of ${longDate(since)}.${revised ? ` ${revised.message}` : ""}`);
