// The two kinds of evidence a column's role comes from (plan rules §1): what
// each cell holds, and the header candidate scored on both; and sheets that
// must not be read as plans.
import { analyseWorkbook } from "../../src/engine/analyse";
import { CellClass, addToProfile, cellVerdict, classifyCell, emptyProfile, looksLikeOwner } from "../../src/engine/layout/evidence";
import { findHeaderRow } from "../../src/engine/layout/header";
import { dateCell, grid, type Raw } from "../helpers/grid";

const cls = (v: Raw) => classifyCell(typeof v === "object" && v !== null ? v : { value: v ?? null, text: String(v ?? "") }).cls;

describe("what a cell holds", () => {
  test.each<[Raw, CellClass]>([
    [dateCell(40330, "dd/mm/yyyy", "01/06/2010"), CellClass.Date],
    [dateCell(40330, "mmm-yy", "Jun-10"), CellClass.Date],
    ["Jun-10", CellClass.Date],
    ["Dec-10 – Mar-11 for specifications", CellClass.Date],
    ["17.7.12", CellClass.Date],
    ["Thursday 3rd March 2022", CellClass.Date],
    ["Sept", CellClass.Date], // a month without a year still says "date"
    ["Ongoing", CellClass.NoDate],
    ["By next meeting", CellClass.NoDate],
    ["tbc", CellClass.NoDate],
    ["Complete", CellClass.Status],
    ["On track", CellClass.Status],
    ["Green – completed", CellClass.Status],
    ["Not started", CellClass.Status],
    ["Jo Bloggs", CellClass.Name],
    ["JF/SK", CellClass.Name],
    ["Head of Service", CellClass.Name],
    ["Learning and Development Team", CellClass.Name],
    ["Clerk", CellClass.Name],
    ["2a", CellClass.Number],
    ["3.1", CellClass.Number],
    [12, CellClass.Number],
    ["Review the safeguarding procedure with every team", CellClass.Statement],
    ["Workshop held in May and the notes circulated to all members", CellClass.Statement], // a note mentioning a month
  ])("%p is %p", (value, expected) => expect(cls(value)).toBe(expected));

  test("names, initials, job titles and teams look like owners; sentences and numbers do not", () => {
    for (const t of ["Jo Bloggs", "JF", "JC/Clerk", "Director of Public Health", "Safeguarding Board (LSCB)"]) expect(looksLikeOwner(t)).toBe(true);
    for (const t of ["The board will review this.", "Room 12", "tbc", "N/A", "agreed at the meeting on Tuesday with everyone present"]) expect(looksLikeOwner(t)).toBe(false);
  });

  test("a column's verdict says what its cells hold, in plain words", () => {
    const p = emptyProfile();
    const cells: Raw[] = ["Jun-10", "Mar-11", "Ongoing", "31/03/2020", "Sept 2019"];
    cells.forEach((c, i) => addToProfile(p, cls(c), 1, i));
    expect(cellVerdict(p)).toEqual({ role: "due", share: expect.any(Number), because: "dates or date texts in 5 of 5 cells" });
    const q = emptyProfile();
    ["Complete", "On track", "Red", "Review the board's terms of reference"].forEach((c, i) => addToProfile(q, cls(c), 1, i));
    expect(cellVerdict(q)).toMatchObject({ role: "status", because: "status words in 3 of 4 cells" });
    expect(cellVerdict(emptyProfile())).toBeNull();
  });
});

const rows = (n: number, f: (i: number) => Raw[]) => Array.from({ length: n }, (_, i) => f(i));
const statement = (i: number) => `Review the safeguarding procedure number ${i + 1} with every team`;
const names = ["Jo Bloggs", "Head of Service", "SK", "Sam Smith"];
const dates = ["March 2020", "Jun-20", "30/09/2020", "Q3 2019/20"];

describe("a header candidate is scored on its words and its cells", () => {
  test("a row of unknown words over well-typed columns is a header: the cells give the roles", () => {
    const g = grid("Plan", [["Quarterly log"], [], ["Piece", "Body", "Day"], ...rows(8, (i) => [statement(i), names[i % 4], dates[i % 4]])]);
    const { header } = findHeaderRow(g);
    expect(header).toMatchObject({ row: 2, columns: { action: 0, owner: 1, due: 2 }, isPlan: true });
    expect(header!.evidence.map((e) => e.because)).toEqual([
      "“Piece”: statements in 8 of 8 cells: the main text column",
      "“Body”: names, initials or teams in 8 of 8 cells",
      "“Day”: dates in 8 of 8 cells",
    ]);
  });

  test("words win where the cells do not contradict them, and a status word over notes is progress", () => {
    const g = grid("Plan", [["Agenda Item", "Councillor", "Due Date", "Completed"], ...rows(5, (i) => [statement(i), names[i % 4], ["Ongoing", "By next meeting"][i % 2], `Clerk has written to the council about item ${i + 1} and awaits a reply`])]);
    expect(findHeaderRow(g).header?.columns).toEqual({ action: 0, owner: 1, due: 2, progress: 3 });
  });

  test("a header cell merged across a number column and a text column: the numbers are the ref", () => {
    const g = grid("Plan", [["Action", "", "Deliverable", "Timeline", "Responsibility"], ...rows(5, (i) => [i + 1, statement(i), `Deliver step ${i + 1} of the plan to the board`, dates[i % 4], names[i % 4]])], ["A1:B1"]);
    expect(findHeaderRow(g).header?.columns).toMatchObject({ ref: 0, action: 1, subAction: 2, due: 3, owner: 4 });
  });

  test("an action written once, blank on the step rows under it: the second text column is the steps", () => {
    const body = rows(9, (i) => [i % 3 === 0 ? statement(i) : "", `Step ${i + 1}: brief the team leaders and agree the dates`, names[i % 4], dates[i % 4]]);
    const g = grid("Plan", [["Action", "Steps", "Group", "Date"], ...body]);
    expect(findHeaderRow(g).header?.columns).toMatchObject({ action: 0, subAction: 1, owner: 2, due: 3 });
  });

  test("a revised date beside the target date", () => {
    const g = grid("Plan", [["Action", "Lead", "Target date", "New date"], ...rows(5, (i) => [statement(i), names[i % 4], dates[i % 4], i % 2 ? "" : "31/12/2020"])]);
    expect(findHeaderRow(g).header?.columns).toMatchObject({ action: 0, owner: 1, due: 2, revised: 3 });
  });
});

describe("sheets that are not plans", () => {
  const notPlan = (rowsOf: Raw[][], merges: string[] = []) => {
    const r = analyseWorkbook([grid("Sheet", rowsOf, merges)], { asAt: "2020-06-01" });
    expect(r.sheets).toEqual([]);
    expect(r.skipped).toHaveLength(1);
    return r.skipped[0];
  };

  test("a title row of role words over nothing", () => {
    notPlan([["Action", "Owner", "Due date", "Status"]]);
    notPlan([["Action", "Owner", "Due date", "Status"], [], [], ["Last updated by the clerk"]]);
  });

  test("a lookup or key sheet", () => {
    notPlan([["Code", "Meaning"], ["B", "Blue"], ["G", "Green"], ["A", "Amber"], ["R", "Red"]]);
    notPlan([["Team", "Manager", "Email"], ["Adults", "Jo Bloggs", "jo@example.org"], ["Children", "Sam Smith", "sam@example.org"], ["Finance", "Ann Jones", "ann@example.org"]]);
  });

  test("a contents sheet", () => {
    notPlan([["Contents"], [], ["Sheet", "Page"], ["Introduction", 1], ["Theme 1: Safeguarding", 2], ["Theme 2: Workforce", 3], ["Appendix", 4]]);
  });

  test("a pivot-like count table", () => {
    notPlan([["Owner", "Red", "Amber", "Green", "Total"], ...names.map((n, i) => [n, i, i + 1, i + 2, 3 * i + 3]), ["Grand Total", 6, 10, 14, 30]]);
  });

  test("a sheet of prose", () => {
    notPlan(rows(8, (i) => [`This paragraph ${i + 1} explains how the board will monitor the plan and who will report to it each quarter.`]));
  });

  test("a list of names and dates with no actions: left out, with its closest row and evidence", () => {
    const skipped = notPlan([["Name", "Team", "Date"], ...rows(6, (i) => [names[i % 4], ["Adults", "Children", "Finance"][i % 3], dates[i % 4]])]);
    expect(skipped.candidate).toMatchObject({ headerRow: 1, columns: { due: "C" } });
    expect(skipped.candidate!.columns.action).toBeUndefined();
  });
});
