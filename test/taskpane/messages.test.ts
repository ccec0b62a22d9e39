// What the pane says, checked on a real report (the SCR action plan from the corpus).
import { allItems } from "../../src/engine/counts";
import type { PlanReport } from "../../src/engine/report";
import { defaultSettings } from "../../src/engine/settings";
import { analyseWorkbook } from "../../src/engine/analyse";
import * as say from "../../src/taskpane/messages";
import { corpusGrids } from "./harness";

let report: PlanReport;
beforeAll(async () => {
  report = analyseWorkbook(await corpusGrids("scr-action-plan.xlsx"), { asAt: "2015-10-12", settings: defaultSettings() });
});

test("small pieces: plurals, long dates, error texts", () => {
  expect(say.plural(1, "sheet")).toBe("1 sheet");
  expect(say.plural(2, "thing", "things")).toBe("2 things");
  expect(say.longDate("2015-10-12")).toBe("12 October 2015");
  expect(say.longDate("2015-10")).toBe("2015-10");
  expect(say.errorText(new Error("boom"))).toBe("boom");
  expect(say.errorText(new Error("boom"), () => "Excel said no.")).toBe("Excel said no.");
  expect(say.errorText(new Error("boom"), () => { throw new Error("explainer broke"); })).toBe("boom");
  expect(say.errorText(null)).toMatch(/did not expect/);
  expect(say.ragWord("amber")).toBe("Amber");
});

test("progress words: the host's own, else counted", () => {
  expect(say.progressText({ task: "check", done: 2, total: 5, what: "Reading sheet 2 of 5…" })).toBe("Reading sheet 2 of 5…");
  expect(say.progressText({ task: "colour", done: 3, total: 10, what: "" })).toBe("Colouring the RAG cells: 3 of 10…");
  expect(say.progressText({ task: "clear", done: 0, total: 0, what: "" })).toBe("Clearing the colours…");
});

test("the status after a check counts plan sheets, actions and things to look at", () => {
  const findings = report.sheets.reduce((n, s) => n + s.findings.length + s.items.reduce((m, it) => m + it.findings.length, 0), 0);
  expect(say.checkedStatus(report)).toBe(
    `Checked as at 12 October 2015: ${say.plural(report.sheets.length, "plan sheet")}, ${say.plural(allItems(report).length, "action")}, ${say.plural(findings, "thing", "things")} to look at.`,
  );
  expect(say.checkedStatus({ ...report, sheets: [] })).toBe("No plan found in this workbook (as at 12 October 2015).");
});

test("colour and summaries notices name what was done", () => {
  const n = allItems(report).length;
  expect(say.colouredStatus(report)).toBe(`Coloured ${n} actions.`);
  expect(say.colouredNotice(report, false).text).toContain(`The status cells of ${n} actions on 1 sheet are coloured as at 12 October 2015.`);
  const written = { written: [{ kind: "summary", name: "PM Summary" }, { kind: "exceptions", name: "PM Exceptions" }], notices: [] };
  expect(say.summariesStatus(written)).toBe("Summary sheets built: “PM Summary”, “PM Exceptions”.");
  expect(say.summariesNotice(written, "2015-10-12", false)).toEqual({
    intent: "success",
    title: "Summary sheets built",
    text: "Written as at 12 October 2015: “PM Summary”, “PM Exceptions”.",
    lines: [],
  });
  const none = say.summariesNotice({ written: [], notices: ["A sheet of yours is called PM Summary."] }, "2015-10-12", false);
  expect(none).toMatchObject({ intent: "warning", title: "No summary sheets were written", text: "There was nothing to summarise." });
});

test("the host's warnings join a notice, or make one", () => {
  const notice = say.clearedNotice(false);
  expect(say.withHostWarnings(notice, [])).toBe(notice);
  expect(say.withHostWarnings(null, [])).toBeNull();
  expect(say.withHostWarnings(null, ["Merged cells could not be read."])).toEqual({ intent: "warning", title: "Please note", text: "", lines: ["Merged cells could not be read."] });
  expect(say.withHostWarnings(notice, ["Merged cells could not be read."])).toMatchObject({ intent: "warning", title: "Colours cleared", lines: ["Merged cells could not be read."] });
});

test("problems name the task, the cell and the sheet", () => {
  expect(say.failedTitle("summaries")).toBe("The summary sheets could not be built");
  expect(say.selectFailedTitle("SCR Action Plan", "I31")).toBe("That cell could not be selected (I31 on “SCR Action Plan”)");
  expect(say.selectionOnOtherSheet("Notes", "Plan").text).toContain("The cell selected now is on “Plan”.");
  expect(say.settingsUnreadableText("Excel said no.")).toBe("Excel said no. Plan Monitor is using its standard settings until you save yours again.");
});

test("undo: with it, each button is one undo step (Ctrl+Z); without it, Clear colours is the way back", () => {
  const withUndo = say.undoHint(true);
  expect(withUndo).toMatch(/Colour RAG, Clear colours and Build summary sheets are each one undo step/);
  expect(withUndo).toContain("Ctrl+Z in Excel");
  const without = say.undoHint(false);
  expect(without).not.toContain("Ctrl+Z");
  expect(without).toContain("To take the colours off, use Clear colours");
  expect(without).toContain("Summary sheets are Plan Monitor’s own sheets, rebuilt in place each time; building them never changes your sheets.");

  expect(say.colouredNotice(report, true).text).toContain("press Ctrl+Z in Excel (one step) or use “Clear colours”");
  expect(say.colouredNotice(report, false).text).toContain("“Clear colours” takes them off again");
  expect(say.colouredNotice(report, false).text).not.toContain("Ctrl+Z");
  expect(say.clearedNotice(true).text).toContain("Ctrl+Z in Excel puts them back.");
  expect(say.clearedNotice(false).text).not.toContain("Ctrl+Z");
  const written = { written: [{ kind: "summary", name: "PM Summary" }], notices: [] };
  expect(say.summariesNotice(written, "2015-10-12", true).text).toBe("Written as at 12 October 2015: “PM Summary”. Ctrl+Z in Excel undoes this in one step.");
  expect(say.summariesNotice(written, "2015-10-12", false).text).toBe("Written as at 12 October 2015: “PM Summary”.");
});

test("hidden plan sheets are named, with what to do to see them", () => {
  expect(say.hiddenSheetNote("Plan 2", "hidden")).toBe(
    "“Plan 2” is hidden. It is checked like the others; unhide it in Excel (right-click a sheet tab, then Unhide) to see its colours and go to its cells.",
  );
  expect(say.hiddenSheetNote("Plan 2", "veryHidden")).toMatch(/^“Plan 2” is very hidden, so Excel’s Unhide does not list it\. It is checked like the others;/);
});

test("settings problems and saved corrections in a few words", () => {
  expect(say.amberDaysProblem({ atLeast: 0 })).toBe("Give a whole number of days (at least 0).");
  expect(say.amberDaysProblem({ atMost: 3650 })).toBe("Give a whole number of days (at most 3650).");
  expect(say.amberDaysProblem({})).toBe("Give a whole number of days.");
  expect(say.describeCorrection({ headerRow: 4, columns: { owner: "G" } })).toBe("header row 4, columns chosen by you");
  expect(say.describeCorrection({ ignore: true })).toBe("left out");
  expect(say.describeCorrection({})).toBe("no change");
});
