// The recogniser and the assessment, rule by rule (plan-rules.md), on small hand-made grids.
import { analyseWorkbook } from "../../src/engine/analyse";
import { PlanReportSchema, type PlanReport } from "../../src/engine/report";
import { defaultSettings } from "../../src/engine/settings";
import { grid, dateCell } from "../helpers/grid";

const analyse = (grids: Parameters<typeof analyseWorkbook>[0], asAt = "2020-06-15", settings = defaultSettings()): PlanReport =>
  PlanReportSchema.parse(analyseWorkbook(grids, { asAt, settings }));

const HEADER = ["Ref", "Action", "Lead officer", "Deadline", "RAG", "Progress update"];

describe("layout", () => {
  test("header under other names, preamble with title and period, roles by letter", () => {
    const r = analyse([
      grid("Plan", [
        ["Improvement Plan 2019/20"],
        ["Updated: 12th October 2019"],
        ["The plan is for the period April 2019 to March 2020."],
        [],
        ["No.", "Recommendation", "Responsible officer", "Timescale", "Status", "Update on progress"],
        ["1", "Do the thing", "Jo Bloggs", "Sept", "", "Started"],
      ]),
    ]);
    const s = r.sheets[0];
    expect(s.headerRow).toBe(5);
    expect(s.columns).toEqual({ ref: "A", action: "B", owner: "C", due: "D", status: "E", progress: "F" });
    expect(s.planPeriod).toEqual({ start: "2019-04-01", end: "2020-03-31" });
    expect(s.updated).toBe("2019-10-12");
    expect(s.items[0]).toMatchObject({ row: 6, ref: "1", owners: ["Jo Bloggs"], due: "2019-09-30", theme: "Plan" });
  });

  test("section rows name the theme; several together are joined with ' / '; a theme-lead row is not an item", () => {
    const r = analyse([
      grid(
        "Plan",
        [
          HEADER,
          ["Theme 1 – Leadership"],
          ["Theme 2 – Money"],
          ["Theme Lead: Director of Finance"],
          ["1", "Act one", "JF", "Jun-20", "", "x"],
          ["Theme 3 – People"],
          ["2", "Act two", "SK", "Jun-20", "", "x"],
        ],
        ["A2:F2", "A3:F3"],
      ),
    ]);
    const items = r.sheets[0].items;
    expect(items.map((i) => i.row)).toEqual([5, 7]);
    expect(items[0].theme).toBe("Theme 1 – Leadership / Theme 2 – Money");
    expect(items[1].theme).toBe("Theme 3 – People");
  });

  test("a theme row above the header names the theme; the sheet name is the theme without one", () => {
    const r = analyse([
      grid("Theme 7", [["THEME 7 – Safer care"], ["Theme Lead: Head of Quality"], [], HEADER, ["1", "Act", "JF", "Jun-20", "", "x"]]),
      grid("Money", [HEADER, ["1", "Act", "JF", "Jun-20", "", "x"]]),
    ]);
    expect(r.sheets[0].items[0].theme).toBe("THEME 7 – Safer care");
    expect(r.sheets[1].items[0].theme).toBe("Money");
  });

  test("repeated header and title rows are skipped, a theme at the foot of a page carries on, and the repeat is a finding", () => {
    const r = analyse([
      grid("Plan", [
        ["Action Plan – updated June 2020"],
        HEADER,
        ["1", "Act one", "JF", "Jun-20", "", "x"],
        ["Council should"],
        ["Action Plan – updated June 2020"],
        HEADER,
        ["2", "Act two", "SK", "Jun-20", "", "x"],
      ]),
    ]);
    const s = r.sheets[0];
    expect(s.repeatedHeaderRows).toEqual([6]);
    expect(s.items.map((i) => [i.row, i.theme])).toEqual([
      [3, "Plan"],
      [7, "Council should"],
    ]);
    expect(s.findings.map((f) => [f.code, f.row])).toEqual([["repeated-header", 6]]);
  });

  test("continuation rows are not items; sub-action rows inherit owner, due and ref from their action row", () => {
    const r = analyse([
      grid("Plan", [
        ["Area", "Action", "Sub-Actions & Progress", "Target Date", "Owner", "Project Status"],
        ["Safeguarding", "3. Agree sub-groups", "Establish groups", "Jun-10", "SK", "Complete"],
        ["", "", "Publish list of groups", "", "", ""],
        ["", "", "carried on from above", "", "", ""],
        ["", "continued action text", "New sub-action", "Sep-10", "PA", ""],
      ]),
    ]);
    const items = r.sheets[0].items;
    expect(items.map((i) => i.row)).toEqual([2, 3, 5]);
    expect(items[1]).toMatchObject({ ref: "3", owners: ["SK"], due: "2010-06-30", status: "" });
    expect(items[2]).toMatchObject({ ref: "3", owners: ["PA"], due: "2010-09-30" });
  });

  test("a cell covered by a vertical merge has the merge's value on every row", () => {
    const r = analyse([
      grid(
        "Plan",
        [
          ["Recommendation", "What will be done", "Finish", "Lead Officer"],
          ["1. Record outcomes", "1.1 Workshop", "Dec-19", "Tracey Abdy"],
          ["", "1.2 Reports", "", ""],
          ["", "1.3 Test forms", "Jan-20", ""],
        ],
        ["A2:A4", "C2:C3", "D2:D4"],
      ),
    ]);
    const items = r.sheets[0].items;
    expect(items.map((i) => [i.ref, i.due, i.owners[0]])).toEqual([
      ["1.1", "2019-12-31", "Tracey Abdy"],
      ["1.2", "2019-12-31", "Tracey Abdy"],
      ["1.3", "2020-01-31", "Tracey Abdy"],
    ]);
    expect(items[1].cells).toMatchObject({ owner: "D2", due: "C2", text: "B3" });
  });

  test("date cells: a format without a day is the end of the month, with a day that day", () => {
    const r = analyse([
      grid("Plan", [HEADER, ["1", "A", "JF", dateCell(40330, "mmm-yy"), "", "x"], ["2", "B", "JF", dateCell(40330, "dd/mm/yyyy"), "", "x"]]),
    ]);
    expect(r.sheets[0].items.map((i) => i.due)).toEqual(["2010-06-30", "2010-06-01"]);
  });

  test("pasted HTML is read through and reported", () => {
    const r = analyse([grid("Plan", [HEADER, ["1", "<p>Do it</p>", "<p>Jo Bloggs</p>", "<p>September 2016</p>", "", "x"]])], "2016-09-01");
    const it = r.sheets[0].items[0];
    expect(it).toMatchObject({ owners: ["Jo Bloggs"], due: "2016-09-30", text: "Do it" });
    expect(it.findings.filter((f) => f.code === "html-in-text").map((f) => f.column)).toEqual(["B", "C", "D"]);
  });

  test("a sheet with no plan is left out with a reason; a user's correction of the header row is applied", () => {
    const lookup = grid("Lists", [["Owners"], ["JF"], ["SK"]]);
    const french = grid("Plan", [["Mesure", "Responsable", "Échéance", "Statut"], ["Faire", "JF", "Jun-20", ""]]);
    const r = analyse([lookup, french]);
    expect(r.sheets).toEqual([]);
    expect(r.skipped.map((s) => s.name)).toEqual(["Lists", "Plan"]);
    expect(r.skipped[1].reason).toMatch(/no header row found/);
    const settings = { ...defaultSettings(), sheets: { Plan: { headerRow: 1, columns: { action: "A", owner: "B", due: "C", status: "D" } } } };
    const fixed = analyse([lookup, french], "2020-06-15", settings);
    expect(fixed.sheets[0].items[0]).toMatchObject({ owners: ["JF"], due: "2020-06-30", rag: "green" });
  });
});

describe("RAG as at a date (plan-rules §4)", () => {
  const plan = (due: string, status = "") => grid("Plan", [HEADER, ["1", "Act", "JF", due, status, "note"]]);
  const ragOn = (asAt: string, due = "31/03/2020", status = "") => analyse([plan(due, status)], asAt).sheets[0].items[0].rag;
  test.each([
    ["2020-03-30", "green"],
    ["2020-03-31", "green"], // due today
    ["2020-04-01", "amber"], // 1 day late
    ["2020-04-30", "amber"], // 30 days late
    ["2020-05-01", "red"], // 31 days late
  ])("due 31 Mar 2020, as at %s → %s", (asAt, rag) => expect(ragOn(asAt)).toBe(rag));
  test("complete is blue whatever the date; no due date is grey", () => {
    expect(ragOn("2021-01-01", "31/03/2020", "Completed")).toBe("blue");
    expect(ragOn("2021-01-01", "Ongoing")).toBe("grey");
    expect(ragOn("2021-01-01", "31/03/2020", "Partial complete")).toBe("red");
  });
  test("the amber window is a setting", () => {
    const settings = { ...defaultSettings(), amberDays: 7 };
    expect(analyse([plan("31/03/2020")], "2020-04-07", settings).sheets[0].items[0].rag).toBe("amber");
    expect(analyse([plan("31/03/2020")], "2020-04-08", settings).sheets[0].items[0].rag).toBe("red");
  });
});

describe("findings (plan-rules §5)", () => {
  const codesOf = (row: (string | number)[], asAt = "2020-06-15") =>
    analyse([grid("Plan", [HEADER, row])], asAt).sheets[0].items[0].findings.map((f) => `${f.code}@${f.column}${f.row}`);
  test("no owner", () => expect(codesOf(["1", "Act", "", "Dec-20", "", "x"])).toEqual(["no-owner@C2"]));
  test("no due date", () => expect(codesOf(["1", "Act", "JF", "", "Green", "x"])).toEqual(["no-due@D2"]));
  test("ongoing is no due date", () => expect(codesOf(["1", "Act", "JF", "Ongoing", "", "x"])).toEqual(["no-due@D2"]));
  test("unreadable due text", () => expect(codesOf(["1", "Act", "JF", "when funding allows", "", "x"])).toEqual(["unreadable-due@D2"]));
  test("several dates", () => expect(codesOf(["1", "Act", "JF", "Jul-20 Aug-20", "", "x"])).toEqual(["several-dates@D2"]));
  test("month with no year and no period", () => expect(codesOf(["1", "Act", "JF", "Sept", "", "x"])).toEqual(["month-no-year@D2"]));
  test("self-reported RAG that disagrees", () => expect(codesOf(["1", "Act", "JF", "Jan-20", "Green", "x"])).toEqual(["rag-mismatch@E2"]));
  test("overdue with no progress note", () => expect(codesOf(["1", "Act", "JF", "Jan-20", "", ""])).toEqual(["overdue-no-progress@F2"]));
  test("an error value", () => expect(codesOf(["1", "Act", "JF", "Dec-20", "", { value: { error: "#REF!" }, text: "#REF!" } as never])).toContain("error-value@F2"));
  test("messages are plain words", () => {
    const [f] = analyse([grid("Plan", [HEADER, ["1", "Act", "JF", "Jan-20", "Green", "x"]])]).sheets[0].items[0].findings;
    expect(f.message).toBe("The status says “Green” (Green), but as at 15 Jun 2020 this action is Red: 136 days past its due date of 31 Jan 2020.");
  });
});

describe("layouts of plans in their own words (plan rules §1)", () => {
  const H = ["Action", "Lead", "Target date", "Status"];
  const it = (i: number, due = "March 2020") => [`Review the safeguarding procedure number ${i} with every team`, "Jo Bloggs", due, "Not started"];

  test("a numbered heading above each repeated header, with a description between: the heading is the theme, the description a note", () => {
    const r = analyse([
      grid("RAP", [
        ["Reconciliation Action Plan 2020"],
        [],
        ["1. Relationships"],
        ["Building strong relationships is at the heart of reconciliation, and the plan sets out how we will build them over the year."],
        H,
        it(1),
        it(2),
        [],
        ["2. Respect"],
        ["Respect for culture and heritage underpins everything, and these actions describe how staff will learn and show it."],
        H,
        it(3),
        it(4),
      ]),
    ]);
    const sheet = r.sheets[0];
    expect(sheet.headerRow).toBe(5);
    expect(sheet.repeatedHeaderRows).toEqual([11]);
    expect(sheet.items.map((i) => [i.row, i.theme])).toEqual([
      [6, "1. Relationships"],
      [7, "1. Relationships"],
      [12, "2. Respect"],
      [13, "2. Respect"],
    ]);
  });

  test("a title above a header that does not repeat is not a theme", () => {
    const r = analyse([grid("Plan", [["Board action log"], [], ["Actions agreed at the meeting"], H, it(1), it(2)])]);
    expect(r.sheets[0].items.map((i) => i.theme)).toEqual(["Plan", "Plan"]);
  });

  test("month headings over a meeting's actions are sections", () => {
    const r = analyse([grid("Log", [H, ["May 2012"], it(1, "17.7.12"), ["April 2012"], it(2, "14.8.12")], ["A2:D2", "A4:D4"])]);
    expect(r.sheets[0].items.map((i) => [i.theme, i.due])).toEqual([
      ["May 2012", "2012-07-17"],
      ["April 2012", "2012-08-14"],
    ]);
  });

  test("a revised date is the due date where given; a later one is a date-slipped finding on its cell", () => {
    const r = analyse([grid("Log", [["Action", "Lead", "Target date", "New date"], ["Publish the carers strategy", "Jo Bloggs", "31/03/2020", "30/06/2020"], ["Audit the case files", "Sam Smith", "31/03/2020", ""]])], "2020-04-15");
    const [a, b] = r.sheets[0].items;
    expect([a.due, a.rag, a.cells.due]).toEqual(["2020-06-30", "green", "D2"]);
    expect(a.findings.filter((f) => f.code === "date-slipped")).toEqual([
      { code: "date-slipped", column: "D", row: 2, severity: "warning", message: "The date slipped from 31 Mar 2020 to 30 Jun 2020: the revised date is taken as the due date." },
    ]);
    expect([b.due, b.rag, b.cells.due]).toEqual(["2020-03-31", "amber", "C3"]);
    expect(b.findings.map((f) => f.code)).not.toContain("date-slipped");
  });
});
