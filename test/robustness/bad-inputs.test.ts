// Bad and awkward workbooks through the command line, in process: for each, the
// exact words the user sees (stderr and exit status, or what is read), and the
// input file left exactly as it was. Fixtures are made by
// test/helpers/fixtures.ts into a temporary folder.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main";
import { analyseWorkbook } from "../../src/engine/analyse";
import { PlanReportSchema, type PlanReport } from "../../src/engine/report";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { FRENCH_SETTINGS, writeFixtures } from "../helpers/fixtures";
import { bigPlanFile, bigPlanRow } from "../helpers/largePlan";
import { tempDir } from "../helpers/tempDir";

const AS_AT = "2020-06-15";
const dir = tempDir("bad-inputs");
let files: Record<string, string>;

beforeAll(async () => {
  files = await writeFixtures(dir);
}, 30_000);

const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `plan-monitor check FILE …` in process and checks FILE is byte for byte unchanged. */
async function check(file: string, ...more: string[]): Promise<Run> {
  const before = sha(file);
  let stdout = "";
  let stderr = "";
  const code = await main(["check", file, "--as-at", AS_AT, "--no-color", ...more], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  expect(sha(file)).toBe(before);
  return { code, stdout, stderr };
}

/** The report of a run with --json that read a plan. */
async function report(file: string, ...more: string[]): Promise<PlanReport> {
  const run = await check(file, "--json", ...more);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return PlanReportSchema.parse(JSON.parse(run.stdout));
}

const summary = (r: PlanReport) =>
  r.sheets.map((s) => ({ sheet: s.name, items: s.items.map((i) => [i.row, i.due, i.rag, i.owners.join(" | ")]) }));

/** What every small fixture's plan reads as on 15 June 2020. */
const THREE_ACTIONS = [
  [2, "2020-09-30", "green", "Jo Bloggs"],
  [3, "2020-03-31", "red", "Head of Service"],
  [4, "2020-01-31", "blue", "JF | SK"],
];

describe("awkward workbooks that still hold a readable plan", () => {
  test("a plan on a protected sheet is still read (protection stops edits, not reading)", async () => {
    const r = await report(files["protected-sheet.xlsx"]);
    expect(summary(r)).toEqual([{ sheet: "Plan", items: THREE_ACTIONS }]);
  });

  test("formulas are read by their saved result; #N/A and #REF! become error-value findings, not owners or crashes", async () => {
    const r = await report(files["formulas-and-errors.xlsx"]);
    const [first, second, third] = r.sheets[0].items;
    expect(first.status).toBe("Green"); // =IF(1=1,"Green","Red")
    expect(second.owners).toEqual([]); // =VLOOKUP(…) → #N/A names nobody
    expect(second.findings.filter((f) => f.code === "error-value")).toEqual([
      {
        code: "error-value",
        column: "C",
        row: 3,
        severity: "error",
        message: "This cell shows the error #N/A, so its value could not be read. Fix the formula or type the value.",
      },
    ]);
    expect(third.status).toBe("#REF!");
    expect(third.findings.map((f) => [f.code, f.column, f.row, f.message])).toEqual([
      ["error-value", "E", 4, "This cell shows the error #REF!, so its value could not be read. Fix the formula or type the value."],
    ]);
  });

  test("a workbook on the 1904 date system: date cells give the right due dates", async () => {
    const { grids } = await readWorkbookBuffer(readFileSync(files["dates-1904.xlsx"]));
    expect(grids[0].date1904).toBe(true);
    expect(grids[0].rows[1]![3]!.value).toBe(42642); // 30 Sep 2020 counted from 1 Jan 1904, as Excel stores it
    const r = await report(files["dates-1904.xlsx"]);
    expect(r.sheets[0].items.map((i) => [i.dueText, i.due])).toEqual([
      ["30/09/2020", "2020-09-30"],
      ["15 March 2020", "2020-03-15"],
      ["Feb-21", "2021-02-28"], // mmm-yy shows no day: the end of the month
    ]);
  });

  test("a lookup sheet and a notes sheet beside a plan: the plan is read, the others are skipped with their reason", async () => {
    const run = await check(files["plan-beside-lookups.xlsx"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const why = "no header row found in the first 60 rows: no row names an action column together with an owner, due date, status or progress column";
    expect(run.stdout).toContain(`Sheet "Lookups": no plan (${why}).`);
    expect(run.stdout).toContain(`Sheet "Notes": no plan (${why}).`);
    const r = await report(files["plan-beside-lookups.xlsx"]);
    expect(summary(r)).toEqual([{ sheet: "Plan", items: THREE_ACTIONS }]);
    expect(r.skipped.map(({ name, reason }) => ({ name, reason }))).toEqual([
      { name: "Lookups", reason: why },
      { name: "Notes", reason: why },
    ]);
  });

  test("hidden rows, a hidden column and an active filter: everything is still read", async () => {
    const r = await report(files["hidden-and-filtered.xlsx"]);
    expect(summary(r)).toEqual([{ sheet: "Plan", items: THREE_ACTIONS }]);
  });

  test("a plan in an Excel table with a totals row: the totals row is not an item", async () => {
    const { grids } = await readWorkbookBuffer(readFileSync(files["table-with-totals.xlsx"]));
    expect(grids[0].tables).toEqual([{ name: "ActionPlan", top: 0, left: 0, bottom: 4, right: 5, hasTotals: true }]);
    const r = await report(files["table-with-totals.xlsx"]);
    expect(summary(r)).toEqual([{ sheet: "Plan", items: THREE_ACTIONS }]);
    // Without knowing it is a totals row ("Total", 3, 3) it would pass for an item.
    const blind = analyseWorkbook([{ ...grids[0], tables: [] }], { asAt: AS_AT });
    expect(blind.sheets[0].items.map((i) => i.row)).toEqual([2, 3, 4, 5]);
  });

  test("a 30,000-character cell: no crash, the item's text and progress are shortened", async () => {
    const r = await report(files["huge-cell.xlsx"]);
    const item = r.sheets[0].items[0];
    expect(item.text).toHaveLength(200);
    expect(item.text.endsWith("…")).toBe(true);
    expect(item.progress).toHaveLength(300);
    expect(summary(r)).toEqual([{ sheet: "Plan", items: THREE_ACTIONS }]);
  });

  test("50,000 rows are all read, with the right counts", async () => {
    const items = 50_000;
    const file = await bigPlanFile(items);
    const r = await report(file);
    const sheet = r.sheets[0];
    expect(sheet.items).toHaveLength(items);
    expect(sheet.items[items - 1].row).toBe(items + 1);
    // The expected RAG of each row, worked out from how bigPlanRow cycles its due dates and statuses.
    const expected = { blue: 0, green: 0, amber: 0, red: 0, grey: 0 };
    for (let i = 0; i < items; i++) {
      const [, , , due, status] = bigPlanRow(i);
      if (status === "Complete") expected.blue++;
      else if (due === "Ongoing") expected.grey++;
      else if (due === "March 2020") expected.red++; // 76 days late on 15 June 2020
      else expected.green++;
    }
    const counts = { blue: 0, green: 0, amber: 0, red: 0, grey: 0 };
    for (const it of sheet.items) counts[it.rag]++;
    expect(counts).toEqual(expected);
    expect(sheet.items.filter((i) => i.owners.length === 0)).toHaveLength(Math.ceil(items / 7));
  }, 120_000);
});

describe("workbooks with no plan, or no workbook at all: exit 3 and one plain reason", () => {
  const fails = async (name: string): Promise<Run> => {
    const run = await check(files[name]);
    expect(run.code).toBe(3);
    return run;
  };

  test("one empty sheet", async () => {
    const run = await fails("one-empty-sheet.xlsx");
    expect(run.stderr).toBe(`plan-monitor: ${files["one-empty-sheet.xlsx"]}: no plan found ("Sheet1": the sheet is empty)\n`);
  });

  test("no sheets at all", async () => {
    const run = await fails("no-sheets.xlsx");
    expect(run.stderr).toBe(`plan-monitor: ${files["no-sheets.xlsx"]}: no plan found (the workbook has no sheets)\n`);
  });

  test("a header in another language is read from its words where they are known and its cells where not", async () => {
    const r = await report(files["french-header.xlsx"]);
    expect(r.sheets[0]).toMatchObject({ name: "Plan", headerRow: 2, columns: { action: "A", owner: "B", due: "C" } });
    const why = Object.fromEntries(r.sheets[0].evidence.map((e) => [e.column, e.because]));
    expect(why).toEqual({
      A: "“Action” names the action; statements in 1 of 2 cells",
      B: "“Responsable”: names, initials or teams in 2 of 2 cells",
      C: "“Échéance”: dates in 2 of 2 cells",
    });
  });

  test("names and dates with no action: the closest row, what its columns hold, and the settings that accept it", async () => {
    const run = await fails("names-and-dates.xlsx");
    const file = files["names-and-dates.xlsx"];
    expect(run.stdout).toContain(`Sheet "Birthdays": no plan (no header row found in the first 60 rows`);
    expect(run.stdout).toContain("Closest to a header: row 2\n");
    expect(run.stdout).toMatch(/\n {4}C {3}due +“Date” names a due date; dates in 3 of 3 cells\n/);
    const lines = run.stderr.split("\n");
    expect(lines[0]).toBe(`plan-monitor: ${file}: no plan found ("Birthdays": no header row found in the first 60 rows: no row names an action column together with an owner, due date, status or progress column)`);
    const accept = /holding (\{.*\}), adding "action"/.exec(lines[1]);
    expect(accept).not.toBeNull();
    const settings = JSON.parse(accept![1]) as { sheets: { Birthdays: { headerRow: number; columns: Record<string, string> } } };
    expect(settings.sheets.Birthdays.headerRow).toBe(2);
    expect(settings.sheets.Birthdays.columns.due).toBe("C");
    expect(settings.sheets.Birthdays.columns.action).toBeUndefined();
    const json = await check(file, "--json");
    expect(json.code).toBe(3);
    const r = PlanReportSchema.parse(JSON.parse(json.stdout));
    expect(r.skipped[0].candidate).toMatchObject({ headerRow: 2, columns: { due: "C" } });
    expect(r.skipped[0].candidate!.evidence.find((e) => e.column === "C")!.because).toBe("“Date” names a due date; dates in 3 of 3 cells");
  });

  test("the same workbook with --settings naming its header row and columns is read", async () => {
    const settings = path.join(dir, "french-settings.json");
    writeFileSync(settings, JSON.stringify(FRENCH_SETTINGS));
    const r = await report(files["french-header.xlsx"], "--settings", settings);
    expect(r.sheets[0]).toMatchObject({ name: "Plan", headerRow: 2, columns: { action: "A", owner: "B", due: "C", status: "D" } });
    expect(summary(r)).toEqual([
      {
        sheet: "Plan",
        items: [
          [3, "2020-09-30", "green", "Marie Dupont"],
          [4, "2020-03-31", "red", "Jean Martin"],
        ],
      },
    ]);
  });

  test("a corrupt .xlsx (cut short)", async () => {
    const run = await fails("truncated.xlsx");
    expect(run.stderr).toBe(
      `plan-monitor: ${files["truncated.xlsx"]}: the workbook is damaged or not a valid .xlsx file (the file is incomplete or corrupted, as when a copy or download is cut short); open it in Excel to repair it, or get a fresh copy, and try again\n`,
    );
  });

  test("a password-protected .xlsx (an encrypted, OLE compound file)", async () => {
    const run = await fails("password-protected.xlsx");
    expect(run.stderr).toBe(
      `plan-monitor: ${files["password-protected.xlsx"]}: the workbook is password-protected or in the old .xls format; open it in Excel, remove the password or save it as .xlsx, and try again\n`,
    );
  });

  test("a CSV file named .xlsx", async () => {
    const run = await fails("csv-named.xlsx");
    expect(run.stderr).toBe(
      `plan-monitor: ${files["csv-named.xlsx"]}: this is not an Excel .xlsx workbook (the file holds something else, such as a CSV file or a web page, under an .xlsx name); open it in Excel and save it as an Excel Workbook (.xlsx)\n`,
    );
  });

  test("a Word document renamed .xlsx (a zip package with no workbook in it)", async () => {
    const run = await fails("word-document.xlsx");
    expect(run.stderr).toBe(
      `plan-monitor: ${files["word-document.xlsx"]}: this is not an Excel .xlsx workbook (it is a zip package with no workbook in it, such as a Word or PowerPoint file renamed .xlsx); open the plan in Excel and save it as an Excel Workbook (.xlsx)\n`,
    );
  });

  test("an empty file", async () => {
    const run = await fails("empty-file.xlsx");
    expect(run.stderr).toBe(`plan-monitor: ${files["empty-file.xlsx"]}: the file is empty\n`);
  });

  test("a missing file", async () => {
    const missing = path.join(dir, "no-such-plan.xlsx");
    let stderr = "";
    const code = await main(["check", missing, "--as-at", AS_AT], { stdout: () => {}, stderr: (s) => (stderr += s) });
    expect(code).toBe(3);
    expect(stderr).toBe(`plan-monitor: ${missing}: no such file\n`);
  });

  test("nothing is written to stdout for a file that could not be read", async () => {
    for (const name of ["truncated.xlsx", "password-protected.xlsx", "csv-named.xlsx", "word-document.xlsx", "empty-file.xlsx"]) {
      const run = await check(files[name], "--json");
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
