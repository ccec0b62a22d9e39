// Plain words the task pane shows for the engine's codes. Presentation only:
// no plan rule lives here (what is a finding, what RAG an item has, which
// column plays which role: all of that comes from the report).
import type { FindingCode, Rag, Role } from "../engine/report";
import { RAG_LABEL } from "../engine/writeback";

/** Column roles as a commissioning officer would name them. */
export const ROLE_WORDS: Readonly<Record<Role, string>> = {
  ref: "Reference",
  action: "Action",
  subAction: "Sub-action",
  owner: "Owner",
  due: "Due date",
  revised: "Revised date",
  start: "Start date",
  status: "Status",
  progress: "Progress note",
  outcome: "Outcome",
  source: "Source",
};

/** A heading for each kind of finding ("No owner (4)"). */
export const FINDING_WORDS: Readonly<Record<FindingCode, string>> = {
  "no-owner": "No owner",
  "no-due": "No due date",
  "unreadable-due": "Due date cannot be read",
  "several-dates": "Several dates in one cell",
  "month-no-year": "Month without a year",
  "rag-mismatch": "Status disagrees with RAG",
  "overdue-no-progress": "Overdue with no progress note",
  "html-in-text": "Web page tags in text",
  "repeated-header": "Header row repeated",
  "error-value": "Error in a cell",
  "date-slipped": "Date slipped",
};

/** Short RAG word for table headings: "Amber" from "Amber (overdue)". */
export const ragWord = (rag: Rag): string => RAG_LABEL[rag].split(" (")[0];

/** "Sheet 2 of 5"-style counting words. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "2015-10-12" → "12 October 2015" (en-GB, the date as written, no time zone shift). */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
}

/** Today's date in the user's own time zone as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** The text of an error, for people: the backend's explanation when it has one. */
export function errorText(error: unknown, explain?: (e: unknown) => string): string {
  if (explain) {
    try {
      const said = explain(error);
      if (said) return said;
    } catch {
      /* fall through to the plain message */
    }
  }
  if (error instanceof Error && error.message) return error.message;
  return typeof error === "string" && error ? error : "Something went wrong that Plan Monitor did not expect.";
}
