// Due dates (plan-rules.md §3): reading the target-date cell of an action plan
// as the last day the item is due by, plus the calendar helpers the engine uses.
//
// Text is read by a small tokenizer (tokens.ts) and a left-to-right grammar, one
// reader per date form (readers/), rather than one big regex: plans write dates in
// dozens of ways ("Jun-10", "Sept/Oct 2016", "Q3 2019/20", "12th October 2015",
// "Phase I: May-10 Phase II: Oct-10"), the pieces combine (a month waiting for the
// year written once after it, scan.ts), and a token scan stays linear on long
// notes pasted into a date column.
//
// Pure TypeScript: no Node, DOM or Office imports.
export type { DueKind, DueOptions, DueReading, PlanPeriod } from "./types";
export { daysBetween, endOfMonth, isIsoDate, isoToSerial, serialToIso } from "./calendar";
export { parseDueCell, parseDueText } from "./due";
export { columnIsMonthFirst, suggestsMonthFirst } from "./month-first";
export { findPlanPeriod, findUpdatedDate } from "./preamble";
