// Every sentence the task pane composes, in plain words, and the words it shows
// for the engine's codes. Presentation only: no plan rule lives here (what is a
// finding, what RAG an item has, which column plays which role: all of that
// comes from the report). Buttons and headings are worded where they are drawn.
import { allItems } from "../engine/counts";
import { FINDING_HEADINGS } from "../engine/findings";
import type { WriteSheetsResult } from "../engine/host";
import type { Finding, FindingCode, PlanReport, Rag, Role } from "../engine/report";
import type { SheetOverride } from "../engine/settings";
import { RAG_LABEL } from "../engine/writeback";
import type { Busy, Notice, Problem, Task } from "./state";

// ---- Words for the engine's codes ----

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

/** A heading for each kind of finding ("No owner (4)"): each finding's module words its own. */
export const FINDING_WORDS: Readonly<Record<FindingCode, string>> = FINDING_HEADINGS;

/** How much a kind of finding matters, said after its heading for screen readers. */
export const SEVERITY_WORDS: Readonly<Record<Finding["severity"], string>> = { error: "to fix", warning: "to check", info: "for information" };

/** Short RAG word for table headings: "Amber" from "Amber (overdue)". */
export const ragWord = (rag: Rag): string => RAG_LABEL[rag].split(" (")[0];

// ---- Small pieces ----

/** "1 sheet", "5 sheets". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2015-10-12" → "12 October 2015" (en-GB, the date as written, no time zone shift). */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
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

// ---- While working ----

export const BUSY_WORDS: Readonly<Record<Task, string>> = {
  load: "Reading your settings…",
  check: "Checking the workbook…",
  colour: "Colouring the RAG cells…",
  clear: "Clearing the colours…",
  summaries: "Building the summary sheets…",
  save: "Saving your settings…",
  select: "Selecting the cell…",
};

/** What the progress line says: the host's own words when it gives them. */
export function progressText(busy: Busy): string {
  if (busy.what) return busy.what;
  if (busy.total > 0) return `${BUSY_WORDS[busy.task].replace(/…$/, "")}: ${busy.done} of ${busy.total}…`;
  return BUSY_WORDS[busy.task];
}

// ---- Beside the buttons that change the workbook ----

export const COLOUR_HINT = "Colour RAG colours each action by its RAG as at the date above.";

/** How to take back what the buttons do: Excel's undo where the host has it, else Clear colours. */
export function undoHint(undo: boolean): string {
  if (undo)
    return "Colour RAG, Clear colours and Build summary sheets are each one undo step: Ctrl+Z in Excel (Cmd+Z on a Mac) takes the last one back. Your own formatting is kept.";
  return "Excel cannot undo these here. To take the colours off, use Clear colours: your own formatting stays as it was. Summary sheets are Plan Monitor’s own sheets, rebuilt in place each time; building them never changes your sheets.";
}

// ---- After the work ----

/** The status line after a check. */
export function checkedStatus(r: PlanReport): string {
  const items = allItems(r);
  const findings = r.sheets.reduce((n, s) => n + s.findings.length + s.items.reduce((m, it) => m + it.findings.length, 0), 0);
  if (r.sheets.length === 0) return `No plan found in this workbook (as at ${longDate(r.asAt)}).`;
  return `Checked as at ${longDate(r.asAt)}: ${plural(r.sheets.length, "plan sheet")}, ${plural(items.length, "action")}, ${plural(findings, "thing", "things")} to look at.`;
}

export function colouredStatus(r: PlanReport): string {
  return `Coloured ${plural(allItems(r).length, "action")}.`;
}

export function colouredNotice(r: PlanReport, undo: boolean): Notice {
  const done = `The status cells of ${plural(allItems(r).length, "action")} on ${plural(r.sheets.length, "sheet")} are coloured as at ${longDate(r.asAt)}.`;
  const back = undo
    ? "To take them off, press Ctrl+Z in Excel (one step) or use “Clear colours”; your own formatting is kept."
    : "“Clear colours” takes them off again; your own formatting is kept.";
  return { intent: "success", title: "RAG colours applied", text: `${done} ${back}` };
}

export const CLEARED_STATUS = "Colours cleared.";

export function clearedNotice(undo: boolean): Notice {
  const text = "Plan Monitor’s colours are removed; your own formatting is as it was.";
  return { intent: "success", title: "Colours cleared", text: undo ? `${text} Ctrl+Z in Excel puts them back.` : text };
}

const sheetNames = (result: WriteSheetsResult): string => result.written.map((w) => `“${w.name}”`).join(", ");

export function summariesStatus(result: WriteSheetsResult): string {
  return `Summary sheets built: ${sheetNames(result) || "none"}.`;
}

export function summariesNotice(result: WriteSheetsResult, asAt: string, undo: boolean): Notice {
  const built = result.written.length > 0;
  const written = `Written as at ${longDate(asAt)}: ${sheetNames(result)}.${undo ? " Ctrl+Z in Excel undoes this in one step." : ""}`;
  return {
    intent: result.notices.length ? "warning" : "success",
    title: built ? "Summary sheets built" : "No summary sheets were written",
    text: built ? written : "There was nothing to summarise.",
    lines: result.notices,
  };
}

/** A notice with the host's warnings added (or a warning notice of its own when there are any). */
export function withHostWarnings(notice: Notice | null, warnings: readonly string[]): Notice | null {
  if (!warnings.length) return notice;
  if (!notice) return { intent: "warning", title: "Please note", text: "", lines: [...warnings] };
  return { ...notice, intent: "warning", lines: [...(notice.lines ?? []), ...warnings] };
}

export const SETTINGS_SAVED_STATUS = "Settings saved.";

export const correctionSavedStatus = (sheet: string): string => `Correction for “${sheet}” saved.`;

export function standardSettingsNotice(warning: string): Notice {
  return { intent: "warning", title: "Standard settings in use", text: warning };
}

/** Why the saved settings could not be read, and what Plan Monitor does meanwhile. */
export const settingsUnreadableText = (why: string): string =>
  `${why} Plan Monitor is using its standard settings until you save yours again.`;

// ---- When something goes wrong ----

const TASK_FAILED: Readonly<Record<Task, string>> = {
  load: "Your saved settings could not be read",
  check: "The workbook could not be checked",
  colour: "The RAG colours could not be applied",
  clear: "The colours could not be cleared",
  summaries: "The summary sheets could not be built",
  save: "Your settings could not be saved",
  select: "That cell could not be selected",
};

export const failedTitle = (task: Task): string => TASK_FAILED[task];

export const selectFailedTitle = (sheet: string, address: string): string => `${TASK_FAILED.select} (${address} on “${sheet}”)`;

export const SELECTION_UNREADABLE_TITLE = "The selected cell could not be read";

export function selectionOnOtherSheet(sheet: string, selectedSheet: string): Problem {
  return {
    title: `Select a cell in the header row of “${sheet}” first`,
    text: `The cell selected now is on “${selectedSheet}”. Click a cell in the row that names the columns of “${sheet}”, then choose “Use the row I have selected” again.`,
  };
}

// ---- Settings ----

/** What is wrong with the amber days typed, with the schema's bound when it gave one. */
export function amberDaysProblem(bound: { atLeast?: number | bigint; atMost?: number | bigint }): string {
  const limit = bound.atLeast !== undefined ? ` (at least ${bound.atLeast})` : bound.atMost !== undefined ? ` (at most ${bound.atMost})` : "";
  return `Give a whole number of days${limit}.`;
}

export const COMPLETE_WORDS_PROBLEM = "Give at least one word, separated by commas.";

export const SETTINGS_INVALID = "These settings are not valid.";

/** A saved sheet correction in a few words: "left out", "header row 4, columns chosen by you". */
export function describeCorrection(o: SheetOverride): string {
  const parts: string[] = [];
  if (o.ignore) parts.push("left out");
  if (o.headerRow !== undefined) parts.push(`header row ${o.headerRow}`);
  if (o.columns) parts.push("columns chosen by you");
  return parts.join(", ") || "no change";
}

// ---- The sheets found ----

/** A plan on a sheet the user hid: it counts like the others, but its colours are out of sight. */
export function hiddenSheetNote(sheet: string, visibility: "hidden" | "veryHidden"): string {
  if (visibility === "veryHidden")
    return `“${sheet}” is very hidden, so Excel’s Unhide does not list it. It is checked like the others; to see its colours and go to its cells, ask whoever set up the workbook to make it visible.`;
  return `“${sheet}” is hidden. It is checked like the others; unhide it in Excel (right-click a sheet tab, then Unhide) to see its colours and go to its cells.`;
}

// ---- Results out of date ----

export const staleTitle = (reportAsAt: string): string => `Results are as at ${longDate(reportAsAt)}`;

export const STALE_TEXT = "The date or the settings changed since the last check. Colour RAG and summary sheets check again first.";

// ---- Starting up (plain DOM: React may be what failed) ----

export const startupProblem = (why: string): string => `Plan Monitor could not start. ${why}`;

export const NOT_IN_EXCEL = "It works inside Excel: open this add-in from Excel’s Home tab.";

export const NO_OFFICE_SCRIPT = "Office’s own script could not be loaded from Microsoft. Check the internet connection, then close and reopen the add-in.";
