import type { Cell } from "../../src/engine/grid";
import {
  columnIsMonthFirst,
  daysBetween,
  endOfMonth,
  findPlanPeriod,
  findUpdatedDate,
  isIsoDate,
  isoToSerial,
  parseDueCell,
  parseDueText,
  serialToIso,
  type DueKind,
  type DueOptions,
  type PlanPeriod,
} from "../../src/engine/dates";

// The Moray plan: "The Action Plan will be for the period August 2019 to July 2020."
const MORAY: PlanPeriod = { start: "2019-08-01", end: "2020-07-31" };
const withPeriod: DueOptions = { period: MORAY };
const monthFirst: DueOptions = { monthFirst: true };

// Rows may leave the options out; pad them so every row gives the test function all its
// arguments (with fewer, jest-each would take the last parameter for a `done` callback).
function padded<R extends unknown[]>(width: number, rows: ReadonlyArray<readonly unknown[]>): R[] {
  return rows.map((r) => [...r, ...Array(Math.max(0, width - r.length)).fill({})] as unknown as R);
}

// ─────────────── text → single due date (several = false) ───────────────

describe("parseDueText: one date", () => {
  test.each(padded<[string, string, DueOptions]>(3, [
    // a month without a day is the end of that month
    ["Jun-10", "2010-06-30"],
    ["March 2015", "2015-03-31"],
    ["Sept 2016", "2016-09-30"],
    ["Sept-10", "2010-09-30"],
    ["Sep-10", "2010-09-30"],
    ["Dec 2014", "2014-12-31"],
    ["Feb 2016", "2016-02-29"],
    ["Feb 2015", "2015-02-28"],
    ["Feb 2000", "2000-02-29"],
    ["Feb 2100", "2100-02-28"],
    ["June '20", "2020-06-30"],
    ["June ’20", "2020-06-30"],
    ["Jun 2020", "2020-06-30"],
    ["jun-2020", "2020-06-30"],
    ["June, 2020", "2020-06-30"],
    ["JUNE 2020", "2020-06-30"],
    ["Sept. 2016", "2016-09-30"],
    ["Dec., 2014", "2014-12-31"],
    ["Jun/2020", "2020-06-30"],
    ["Sept2016", "2016-09-30"],
    ["April 2020", "2020-04-30"],
    ["November 2019", "2019-11-30"],
    ["August 10", "2010-08-31"],
    ["Mar 45", "1945-03-31"],
    ["May 2020", "2020-05-31"],
    ["may 2020", "2020-05-31"],
    ["March 2019/20", "2020-03-31"],
    ["October 2019/20", "2019-10-31"],
    // full dates
    ["12th October 2015", "2015-10-12"],
    ["12 October 2015", "2015-10-12"],
    ["1 Sept 2016", "2016-09-01"],
    ["1st Sept 2016", "2016-09-01"],
    ["2nd May 2020", "2020-05-02"],
    ["3rd June 2020", "2020-06-03"],
    ["21ST JUNE 2020", "2020-06-21"],
    ["1st of May 2020", "2020-05-01"],
    ["1-Sep-16", "2016-09-01"],
    ["12 Oct 15", "2015-10-12"],
    ["October 12, 2015", "2015-10-12"],
    ["October 12th, 2015", "2015-10-12"],
    ["October 12 2015", "2015-10-12"],
    ["Jun-10-2020", "2020-06-10"],
    ["2020-04-03", "2020-04-03"],
    ["2020/04/03", "2020-04-03"],
    ["03/04/2020", "2020-04-03"],
    ["03/04/2020", "2020-03-04", monthFirst],
    ["08-31-2024", "2024-08-31", monthFirst],
    ["3/4/20", "2020-04-03"],
    ["3/4/20", "2020-03-04", monthFirst],
    ["31.03.2020", "2020-03-31"],
    ["31.03.20", "2020-03-31"],
    // plan rules §3: dots separate like slashes
    ["17.7.12", "2012-07-17"],
    ["14.8.12", "2012-08-14"],
    ["1.2.10", "2010-02-01"],
    ["29/02/2020", "2020-02-29"],
    ["31/12/99", "1999-12-31"],
    ["1/1/29", "2029-01-01"],
    ["1/1/30", "1930-01-01"],
    ["31 June 2020", "2020-06-30"], // no 31st of June: the month is still meant
    ["29 Feb 2019", "2019-02-28"],
    ["03/2020", "2020-03-31"],
    ["3-2020", "2020-03-31"],
    // a single date cannot be read the UK way, so it is read the other way
    ["08-31-2024", "2024-08-31"],
    ["31/12/2020", "2020-12-31", monthFirst],
    // two-digit years, by Excel's rule
    ["Mar-45", "1945-03-31"],
    ["Mar-29", "2029-03-31"],
    ["Mar-30", "1930-03-31"],
    ["Jan-00", "2000-01-31"],
    ["Dec-99", "1999-12-31"],
    // a dated milestone and words around it
    ["July 2016 then ongoing", "2016-07-31"],
    ["September 2016 (for first guidance note)", "2016-09-30"],
    ["March 2017 and on-going", "2017-03-31"],
    ["End date: Mar-12", "2012-03-31"],
    ["In all commissioning arrangements as renewed/ developed until Mar-12", "2012-03-31"],
    ["end of March 2020", "2020-03-31"],
    ["by end of March 2020", "2020-03-31"],
    ["Mid-March 2020", "2020-03-31"],
    ["Phase 2 May 2020", "2020-05-31"],
    ["Action 4) 1 April 2020", "2020-04-01"],
    ["1.1 April 2020", "2020-04-30"],
    ["Ongoing – review March 2021", "2021-03-31"],
    // UK financial years and their quarters
    ["2019/20", "2020-03-31"],
    ["2019/2020", "2020-03-31"],
    ["2019-20", "2020-03-31"],
    ["2019–20", "2020-03-31"],
    ["2019-2020", "2020-03-31"],
    ["2019 / 20", "2020-03-31"],
    ["1999/00", "2000-03-31"],
    ["end of 2019/20", "2020-03-31"],
    ["FY 2019/20", "2020-03-31"],
    ["FY19/20", "2020-03-31"],
    ["Q1 2019/20", "2019-06-30"],
    ["Q2 2019/20", "2019-09-30"],
    ["Q3 2019/20", "2019-12-31"],
    ["Q4 2019/20", "2020-03-31"],
    ["q4 2019-20", "2020-03-31"],
    ["Q3 19/20", "2019-12-31"],
    ["Q1 FY2019/20", "2019-06-30"],
    ["Q1 of 2019/20", "2019-06-30"],
    ["Q2-2019/20", "2019-09-30"],
    ["Quarter 3 2019/20", "2019-12-31"],
    ["Qtr 4 2019/20", "2020-03-31"],
    ["3rd quarter 2019/20", "2019-12-31"],
    ["2019/20 Q3", "2019-12-31"],
    ["end Q4 2020/21", "2021-03-31"],
    // calendar quarters
    ["Q3 2019", "2019-09-30"],
    ["Q1 2020", "2020-03-31"],
    ["Q4 2020", "2020-12-31"],
    ["2020 Q2", "2020-06-30"],
    ["Q5 2019", "2019-12-31"], // no fifth quarter: the year alone is read
    // seasons
    ["Autumn 2016", "2016-11-30"],
    ["Winter 2016", "2017-02-28"],
    ["Winter 2015", "2016-02-29"],
    ["Spring 2020", "2020-05-31"],
    ["Summer 2019", "2019-08-31"],
    ["Fall 2018", "2018-11-30"],
    ["Winter 2019/20", "2020-02-29"],
    ["winter 19/20", "2020-02-29"],
    ["Autumn '16", "2016-11-30"],
    ["Autumn-16", "2016-11-30"],
    ["Summer 2019/20", "2019-08-31"],
    // a year alone
    ["2020", "2020-12-31"],
    ["end of 2020", "2020-12-31"],
    ["By 2021", "2021-12-31"],
    ["mid 2020", "2020-06-30"],
    ["mid-2020", "2020-06-30"],
    ["middle of 2020", "2020-06-30"],
    // a month with no year, placed in the plan period August 2019 – July 2020
    ["Sept", "2019-09-30", withPeriod],
    ["Jan", "2020-01-31", withPeriod],
    ["July", "2020-07-31", withPeriod],
    ["Dec", "2019-12-31", withPeriod],
    ["Aug", "2019-08-31", withPeriod],
    ["Feb", "2020-02-29", withPeriod],
    ["March", "2020-03-31", withPeriod],
    ["May", "2020-05-31", withPeriod],
    ["12 October", "2019-10-12", withPeriod],
    ["October 12th", "2019-10-12", withPeriod],
    ["Autumn", "2019-11-30", withPeriod],
    ["Winter", "2020-02-29", withPeriod],
    ["Sept then ongoing", "2019-09-30", withPeriod],
    // a year written in the cell wins over the period
    ["Sept 2021", "2021-09-30", withPeriod],
    // spacing, dashes and case
    ["  march\u00a02015  ", "2015-03-31"],
    ["Jun\u201310", "2010-06-30"],
    ["Jun\u201410", "2010-06-30"],
    ["12TH OCTOBER 2015", "2015-10-12"],
  ]))("%j → %s", (text, due, opts) => {
    const r = parseDueText(text, opts);
    expect(r).toEqual({ due, dates: [due], several: false, kind: "date" });
  });
});

// ─────────────── several dates: the latest wins ───────────────

describe("parseDueText: several dates", () => {
  test.each(padded<[string, string[], string, DueOptions]>(4, [
    ["Jul-10 Aug-10", ["2010-07-31", "2010-08-31"], "2010-08-31"],
    ["Phase I: May-10 Phase II: Oct-10", ["2010-05-31", "2010-10-31"], "2010-10-31"],
    ["Dec-10 – Mar-11 for specifications", ["2010-12-31", "2011-03-31"], "2011-03-31"],
    ["August 2016 (tool) January 2017 (carer tool)", ["2016-08-31", "2017-01-31"], "2017-01-31"],
    ["August 2016 (Self-assessment tool)\nJanuary 2017 (carer self assessment)", ["2016-08-31", "2017-01-31"], "2017-01-31"],
    ["July 2017 and on-going (ISF pilot to be concluded September 2016)", ["2017-07-31", "2016-09-30"], "2017-07-31"],
    ["Jan Dec", ["2020-01-31", "2019-12-31"], "2020-01-31", withPeriod],
    ["Sept/Oct 2016", ["2016-09-30", "2016-10-31"], "2016-10-31"],
    ["Sept - Oct 2016", ["2016-09-30", "2016-10-31"], "2016-10-31"],
    ["Sept – Oct 2016", ["2016-09-30", "2016-10-31"], "2016-10-31"],
    ["September to December 2016", ["2016-09-30", "2016-12-31"], "2016-12-31"],
    ["Sept, Oct and Nov 2016", ["2016-09-30", "2016-10-31", "2016-11-30"], "2016-11-30"],
    ["Dec 2019 – Jan 2020", ["2019-12-31", "2020-01-31"], "2020-01-31"],
    ["Dec/Jan 2020", ["2019-12-31", "2020-01-31"], "2020-01-31"],
    ["Autumn/Winter 2016", ["2016-11-30", "2017-02-28"], "2017-02-28"],
    ["Q1-Q2 2019/20", ["2019-06-30", "2019-09-30"], "2019-09-30"],
    ["01/04/2020 - 31/03/2021", ["2020-04-01", "2021-03-31"], "2021-03-31"],
    ["01/04/2020-31/03/2021", ["2020-04-01", "2021-03-31"], "2021-03-31"],
    ["Jun-10 – Dec-10", ["2010-06-30", "2010-12-31"], "2010-12-31"],
    ["2019 - 2020", ["2019-12-31", "2020-12-31"], "2020-12-31"],
    ["Draft by May 2020, final by 12th June 2020", ["2020-05-31", "2020-06-12"], "2020-06-12"],
    // a yearless month is still placed in the period next to a dated one
    ["Sept; review March 2021", ["2019-09-30", "2021-03-31"], "2021-03-31", withPeriod],
  ]))("%j → latest %s", (text, dates, due, opts) => {
    expect(parseDueText(text, opts)).toEqual({ due, dates, several: true, kind: "date" });
  });

  test("Sep-10 August 10: 30 September 2010 however “August 10” is read", () => {
    const r = parseDueText("Sep-10 August 10");
    expect(r.due).toBe("2010-09-30");
    expect(r.kind).toBe("date");
    expect(r.dates[0]).toBe("2010-09-30");
  });

  test("the same date twice is not several", () => {
    expect(parseDueText("March 2017 (draft) March 2017 (final)")).toEqual({
      due: "2017-03-31",
      dates: ["2017-03-31", "2017-03-31"],
      several: false,
      kind: "date",
    });
  });
});

// ─────────────── no due date ───────────────

describe("parseDueText: no date", () => {
  test.each(padded<[string, DueKind, DueOptions]>(3, [
    ["", "blank"],
    ["   ", "blank"],
    ["\n\t\u00a0", "blank"],
    ["Ongoing", "no-date"],
    ["On-going", "no-date"],
    ["on going", "no-date"],
    ["ONGOING", "no-date"],
    ["On\u2013going", "no-date"],
    ["Every quarter", "no-date"],
    ["Every Quarter", "no-date"],
    ["Every month", "no-date"],
    ["Monthly", "no-date"],
    ["Quarterly", "no-date"],
    ["Annually", "no-date"],
    ["As required", "no-date"],
    ["tbc", "no-date"],
    ["TBC", "no-date"],
    ["tbd", "no-date"],
    ["To be confirmed", "no-date"],
    ["n/a", "no-date"],
    ["N/A", "no-date"],
    ["NA", "no-date"],
    ["-", "no-date"],
    ["–", "no-date"],
    ["Continuous", "no-date"],
    ["Ongoing", "no-date", withPeriod],
    // a month with no year and no period
    ["Sept", "month-no-year"],
    ["Jan", "month-no-year"],
    ["July", "month-no-year"],
    ["Dec", "month-no-year"],
    ["Aug", "month-no-year"],
    ["Feb", "month-no-year"],
    ["Jan Dec", "month-no-year"],
    ["12 October", "month-no-year"],
    ["Autumn", "month-no-year"],
    ["Sept then ongoing", "month-no-year"],
    // text with no date in it
    ["When the review is done", "unreadable"],
    ["by end Q2", "unreadable"],
    ["by end Q2", "unreadable", withPeriod],
    ["(8.1.1)", "unreadable"],
    ["Phase 2", "unreadable"],
    ["Action 4)", "unreadable"],
    ["3 months", "unreadable"],
    ["22 Social Care files", "unreadable"],
    ["NI 7", "unreadable"],
    ["Phase I", "unreadable"],
    ["32/13/2020", "unreadable"],
    ["31/02/2020", "unreadable"],
    ["2020.5", "unreadable"],
    ["1985", "unreadable"],
    ["2,000 staff", "unreadable"],
    ["this may slip", "unreadable"],
    ["this may slip", "unreadable", withPeriod],
    ["numbers fall", "unreadable"],
    ["Complete", "unreadable"],
    ["10:30", "unreadable"],
  ]))("%j → %s", (text, kind, opts) => {
    expect(parseDueText(text, opts)).toEqual({ due: null, dates: [], several: false, kind });
  });
});

// ─────────────── cells ───────────────

const num = (value: number, format = "General", text = ""): Cell => ({ value, format, text });

describe("parseDueCell", () => {
  test.each(padded<[string, Cell | undefined, string | null, DueKind, DueOptions]>(5, [
    // shows a day → that day
    ["d-mmm-yy", num(40359, "d-mmm-yy"), "2010-06-30", "date"],
    ["d-mmm-yy mid-month", num(40344, "d-mmm-yy"), "2010-06-15", "date"],
    ["dd/mm/yyyy", num(43924, "dd/mm/yyyy"), "2020-04-03", "date"],
    ["General serial is day-precise", num(43924), "2020-04-03", "date"],
    ["no format given", { value: 43924, text: "" }, "2020-04-03", "date"],
    ["[$-809]dd mmmm yyyy", num(43924, "[$-809]dd mmmm yyyy"), "2020-04-03", "date"],
    ["dddd, mmmm dd, yyyy", num(43924, "[$-F800]dddd, mmmm dd, yyyy"), "2020-04-03", "date"],
    ["date and time", num(43924.75, "dd/mm/yyyy hh:mm"), "2020-04-03", "date"],
    ["number format", num(43924, "0"), "2020-04-03", "date"],
    // shows no day → end of the month
    ["mmm-yy", num(40330, "mmm-yy"), "2010-06-30", "date"],
    ["mmm-yy on the 15th", num(40344, "mmm-yy"), "2010-06-30", "date"],
    ["mmmm yyyy", num(42064, "mmmm yyyy"), "2015-03-31", "date"],
    ["mmm yyyy", num(42064, "mmm yyyy"), "2015-03-31", "date"],
    ["mmm-yy February leap", num(42401, "mmm-yy"), "2016-02-29", "date"],
    ["mm/yyyy", num(43924, "mm/yyyy"), "2020-04-30", "date"],
    ["quoted text in format", num(43924, '"Due "mmm yy'), "2020-04-30", "date"],
    ["[$-809]mmm-yy", num(43924, "[$-809]mmm-yy"), "2020-04-30", "date"],
    ["MMM-YY upper case", num(43924, "MMM-YY"), "2020-04-30", "date"],
    ["yyyy shows a year only", num(43924, "yyyy"), "2020-12-31", "date"],
    // the 1904 date system
    ["1904 serial, day", num(42462, "dd/mm/yyyy"), "2020-04-03", "date", { date1904: true }],
    ["1904 serial, month", num(42462, "mmm-yy"), "2020-04-30", "date", { date1904: true }],
    ["1904 serial 1", num(1), "1904-01-02", "date", { date1904: true }],
    // serial edge cases
    ["serial 1", num(1), "1900-01-01", "date"],
    ["serial 59", num(59), "1900-02-28", "date"],
    ["serial 60 (Lotus's fictitious 1900-02-29: no real date)", num(60), null, "unreadable"],
    ["serial 61", num(61), "1900-03-01", "date"],
    ["largest serial", num(2958465), "9999-12-31", "date"],
    ["a year typed as a number", num(2020), "2020-12-31", "date"],
    ["below 1", num(0.5), null, "unreadable"],
    ["zero", num(0), null, "unreadable"],
    ["negative", num(-5), null, "unreadable"],
    ["too large", num(2958466), null, "unreadable"],
    ["too large in 1904", num(2958000), null, "unreadable", { date1904: true }],
    ["NaN", num(NaN), null, "unreadable"],
    ["Infinity", num(Infinity), null, "unreadable"],
    // other values
    ["text", { value: "Sept-10", text: "Sept-10" }, "2010-09-30", "date"],
    ["text with period", { value: "Jan", text: "Jan" }, "2020-01-31", "date", withPeriod],
    ["text month-first", { value: "08/31/2024", text: "08/31/2024" }, "2024-08-31", "date", monthFirst],
    ["text no date", { value: "Ongoing", text: "Ongoing" }, null, "no-date"],
    ["boolean", { value: true, text: "TRUE" }, null, "unreadable"],
    ["error", { value: { error: "#REF!" }, text: "#REF!" }, null, "unreadable"],
    ["null", { value: null, text: "" }, null, "blank"],
    ["empty string", { value: "", text: "" }, null, "blank"],
    ["undefined cell", undefined, null, "blank"],
    ["null value, text only", { value: null, text: "March 2015" }, "2015-03-31", "date"],
  ]))("%s", (_name, cell, due, kind, opts) => {
    const r = parseDueCell(cell, opts);
    expect(r.due).toBe(due);
    expect(r.kind).toBe(kind);
    expect(r.dates).toEqual(due ? [due] : []);
    expect(r.several).toBe(false);
  });

  test("the text is only a fallback: a number is read from its value", () => {
    expect(parseDueCell({ value: 40330, text: "Dec-99", format: "mmm-yy" }).due).toBe("2010-06-30");
  });
});

// ─────────────── plan period and updated date ───────────────

describe("findPlanPeriod", () => {
  test.each<[string, string[], PlanPeriod | null]>([
    ["Moray", ["Item 7", "Appendix 3", "August 2019", "The Action Plan will be for the period August 2019 to July 2020."], MORAY],
    ["from … to …", ["This plan runs from April 2020 to March 2021"], { start: "2020-04-01", end: "2021-03-31" }],
    ["period: … – …", ["Period: Sept 2019 – Aug 2020"], { start: "2019-09-01", end: "2020-08-31" }],
    ["full dates", ["01/04/2020 to 31/03/2021"], { start: "2020-04-01", end: "2021-03-31" }],
    ["until", ["Covering 1st April 2020 until 31st March 2021"], { start: "2020-04-01", end: "2021-03-31" }],
    ["between … and …", ["between April 2020 and March 2021"], { start: "2020-04-01", end: "2021-03-31" }],
    ["year once", ["for the period August to July 2020"], { start: "2019-08-01", end: "2020-07-31" }],
    ["financial year called a period", ["Plan period: 2019/20"], { start: "2019-04-01", end: "2020-03-31" }],
    ["title financial year is not a period", ["Improvement Action Plan (2019/2020)", "August 2019"], null],
    ["a single month is not a period", ["August 2019"], null],
    ["updated date is not a period", ["Updated: 12th October 2015"], null],
    ["backwards range", ["from July 2020 to August 2019"], null],
    ["no lines", [], null],
    ["no dates", ["PLEASE NOTE the actions below should be SMART"], null],
  ])("%s", (_name, lines, period) => {
    expect(findPlanPeriod(lines)).toEqual(period);
  });
});

describe("findUpdatedDate", () => {
  test.each<[string[], string | null]>([
    [["Appendix 1 - SCR Action Plan", "Updated: 12th October 2015"], "2015-10-12"],
    [["Updated 12 October 2015"], "2015-10-12"],
    [["As at 1 September 2010"], "2010-09-01"],
    [["Last updated: 03/04/2020"], "2020-04-03"],
    [["Updated August 2019"], "2019-08-31"],
    [["UPDATED: 1st Sept 2016"], "2016-09-01"],
    [["Updated:", "12/10/2015"], "2015-10-12"],
    [["Action plan (updated monthly)", "Version 2"], null],
    [["The Action Plan will be for the period August 2019 to July 2020."], null],
    [[], null],
  ])("%j → %s", (lines, updated) => {
    expect(findUpdatedDate(lines)).toBe(updated);
  });
});

describe("columnIsMonthFirst", () => {
  test.each<[string[], boolean]>([
    [["08-31-2024", "09-01-2024"], true],
    [["12/25/2020"], true],
    [["3.13.2020"], true],
    [["03/04/2020", "05/06/2020"], false], // either way: UK
    [["31/03/2020", "08/31/2024"], false], // both orders seen: UK wins
    [["13/01/2020"], false],
    [["March 2015", "Ongoing"], false],
    [["2020-04-30"], false],
    [[], false],
  ])("%j → %s", (texts, expected) => {
    expect(columnIsMonthFirst(texts)).toBe(expected);
  });
});

// ─────────────── calendar helpers ───────────────

describe("serialToIso / isoToSerial", () => {
  test.each<[number, boolean, string]>([
    [1, false, "1900-01-01"],
    [2, false, "1900-01-02"],
    [59, false, "1900-02-28"],
    [60, false, "1900-02-29"],
    [61, false, "1900-03-01"],
    [366, false, "1900-12-31"],
    [367, false, "1901-01-01"],
    [36526, false, "2000-01-01"],
    [40359, false, "2010-06-30"],
    [43831, false, "2020-01-01"],
    [43890, false, "2020-02-29"],
    [2958465, false, "9999-12-31"],
    [0, true, "1904-01-01"],
    [1, true, "1904-01-02"],
    [42369, true, "2020-01-01"],
    [2957003, true, "9999-12-31"],
  ])("serial %d (1904: %s) ↔ %s", (serial, date1904, isoDate) => {
    expect(serialToIso(serial, date1904)).toBe(isoDate);
    expect(isoToSerial(isoDate, date1904)).toBe(serial);
  });

  test("a time fraction is dropped", () => {
    expect(serialToIso(43831.99)).toBe("2020-01-01");
  });

  test("the two systems are 1462 days apart", () => {
    for (const s of [5000, 40000, 43831, 50000]) expect(serialToIso(s - 1462, true)).toBe(serialToIso(s));
  });

  test("bad input throws", () => {
    expect(() => serialToIso(NaN)).toThrow(RangeError);
    expect(() => isoToSerial("2020-02-30")).toThrow(RangeError);
    expect(() => isoToSerial("1/4/2020")).toThrow(RangeError);
  });
});

describe("endOfMonth", () => {
  test.each<[number, number, string]>([
    [2020, 1, "2020-01-31"],
    [2020, 2, "2020-02-29"],
    [2019, 2, "2019-02-28"],
    [1900, 2, "1900-02-28"],
    [2000, 2, "2000-02-29"],
    [2100, 2, "2100-02-28"],
    [2020, 4, "2020-04-30"],
    [2020, 6, "2020-06-30"],
    [2020, 9, "2020-09-30"],
    [2020, 11, "2020-11-30"],
    [2020, 12, "2020-12-31"],
  ])("%d-%d → %s", (y, m, expected) => {
    expect(endOfMonth(y, m)).toBe(expected);
  });

  test.each([[2020, 0], [2020, 13], [2020, 1.5]])("%d-%d throws", (y, m) => {
    expect(() => endOfMonth(y, m)).toThrow(RangeError);
  });
});

describe("daysBetween", () => {
  test.each<[string, string, number]>([
    ["2020-01-01", "2020-01-01", 0],
    ["2020-01-01", "2020-01-02", 1],
    ["2020-01-02", "2020-01-01", -1],
    ["2020-02-28", "2020-03-01", 2],
    ["2019-02-28", "2019-03-01", 1],
    ["2020-03-28", "2020-03-30", 2], // UK clocks change on 29 March 2020
    ["2020-10-24", "2020-10-26", 2],
    ["2010-06-30", "2010-09-01", 63],
    ["2020-01-01", "2021-01-01", 366],
    ["1999-12-31", "2000-01-01", 1],
  ])("%s → %s = %d", (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });

  test("not ISO throws", () => {
    expect(() => daysBetween("2020-1-1", "2020-01-02")).toThrow(RangeError);
  });
});

describe("isIsoDate", () => {
  test.each<[string, boolean]>([
    ["2020-02-29", true],
    ["2019-02-29", false],
    ["1900-02-29", false],
    ["2000-02-29", true],
    ["2020-04-31", false],
    ["2020-13-01", false],
    ["2020-00-10", false],
    ["2020-01-00", false],
    ["2020-1-01", false],
    ["20-01-01", false],
    ["2020-01-01T00:00", false],
    ["", false],
  ])("%j → %s", (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
  });
});

// ─────────────── invariants and speed ───────────────

describe("invariants", () => {
  const samples = [
    "Jul-10 Aug-10",
    "Phase I: May-10 Phase II: Oct-10",
    "Q3 2019/20",
    "Sept/Oct 2016",
    "Winter 2016",
    "2019/20",
    "03/04/2020",
    "Jan Dec",
    "12th October 2015",
  ];
  test.each(samples)("%j: due is the latest of dates and every date is a real ISO date", (text) => {
    const r = parseDueText(text, withPeriod);
    expect(r.kind).toBe("date");
    expect(r.dates.every(isIsoDate)).toBe(true);
    expect(r.due).toBe([...r.dates].sort().at(-1));
    expect(r.several).toBe(new Set(r.dates).size > 1);
  });

  test("readings do not share arrays", () => {
    const a = parseDueText("");
    a.dates.push("2020-01-01");
    expect(parseDueText("").dates).toEqual([]);
  });

  test("100,000 cells read quickly and long texts stay linear", () => {
    const texts = ["Jun-10", "Sept/Oct 2016", "Q3 2019/20", "Ongoing", "July 2017 and on-going (ISF pilot to be concluded September 2016)", ""];
    const started = Date.now();
    for (let i = 0; i < 100_000; i++) parseDueText(texts[i % texts.length], withPeriod);
    const long = "1.1.1 - ".repeat(20_000) + "- / - , and to ".repeat(20_000) + "March 2020";
    expect(parseDueText(long).due).toBe("2020-03-31");
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
