// Slipped dates: PM History records each action's due date; a due date later
// than in the previous report gives the date-slipped finding (one finding with
// the revised-date column's), listed on PM Exceptions and counted per theme.
import { analyseWorkbook } from "../../src/engine/analyse";
import type { Grid } from "../../src/engine/grid";
import type { Finding, PlanReport } from "../../src/engine/report";
import { PlanReportSchema } from "../../src/engine/report";
import { defaultSettings } from "../../src/engine/settings";
import {
  buildSummarySheets,
  EXCEPTION_SECTIONS,
  emptyHistory,
  historySheet,
  ITEM_HEADER,
  parseHistory,
  recordSnapshot,
  slippedItems,
  withHistorySlips,
  type History,
} from "../../src/engine/summary";
import type { SheetCellValue, SheetSpec } from "../../src/engine/writeback";
import { grid } from "../helpers/grid";

const HEADER = ["Ref", "Action", "Lead", "Target date", "Status"];
const MARCH = "2026-03-01";
const APRIL = "2026-04-01";

/** A plan sheet: one row per [ref, action, due text]. */
const plan = (rows: [string, string, string][], extraHeader: string[] = [], extra: string[][] = []): Grid =>
  grid("Plan", [
    [...HEADER, ...extraHeader],
    ...rows.map(([ref, action, due], i) => [ref, action, "Jo Bloggs", due, "In progress", ...(extra[i] ?? [])]),
  ]);

const analyse = (g: Grid, asAt: string): PlanReport => analyseWorkbook([g], { asAt, settings: defaultSettings() });
const valuesOf = (spec: SheetSpec): SheetCellValue[][] => spec.rows.map((row) => Array.from(row, (c) => c?.value ?? null));

/** The history as a later run reads it back: written as the sheet, parsed from its values. */
function storedHistory(...reports: PlanReport[]): History {
  const history = reports.reduce((h, r) => recordSnapshot(h, r), emptyHistory());
  const reading = parseHistory(valuesOf(historySheet(history, reports[reports.length - 1].asAt)));
  if (!reading.ok) throw new Error(reading.reason);
  return reading.history;
}

const slipFindings = (r: PlanReport): Finding[] => r.sheets.flatMap((s) => s.items.flatMap((i) => i.findings.filter((f) => f.code === "date-slipped")));

const march = analyse(plan([["1.1", "Publish the carers strategy", "31/03/2026"], ["1.2", "Audit the case files", "30/04/2026"], ["1.3", "Train the staff", "31/05/2026"]]), MARCH);

describe("the history records each action's due date", () => {
  test("a Due column after the six the history always had, read back as written", () => {
    const values = valuesOf(historySheet(recordSnapshot(emptyHistory(), march), MARCH));
    const header = values.findIndex((row) => row[0] === "As at" && row[1] === "Sheet");
    expect(values[header]).toEqual([...ITEM_HEADER, "Due"]);
    expect(values.slice(header + 1, header + 4).map((row) => row[6])).toEqual(["2026-03-31", "2026-04-30", "2026-05-31"]);
    expect(storedHistory(march).snapshots[0].items.map((i) => i.due)).toEqual(["2026-03-31", "2026-04-30", "2026-05-31"]);
  });

  test("an action with no due date is recorded blank and read back as none", () => {
    const r = analyse(plan([["1.1", "Keep the register", "Ongoing"]]), MARCH);
    expect(storedHistory(r).snapshots[0].items[0].due).toBeNull();
  });

  test("a history sheet without the Due column (written before) still reads, and gives no slip", () => {
    const values = valuesOf(historySheet(recordSnapshot(emptyHistory(), march), MARCH)).map((row, r, all) => {
      const itemsHeader = all.findIndex((x) => x[0] === "As at" && x[1] === "Sheet");
      return r >= itemsHeader ? row.slice(0, ITEM_HEADER.length) : row;
    });
    const reading = parseHistory(values);
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.history.snapshots[0].items.map((i) => [i.ref, i.due])).toEqual([["1.1", undefined], ["1.2", undefined], ["1.3", undefined]]);
    const april = analyse(plan([["1.1", "Publish the carers strategy", "30/06/2026"]]), APRIL);
    expect(withHistorySlips(april, reading.history)).toBe(april);
  });

  test("a due cell that is not a date says which row", () => {
    const values = valuesOf(historySheet(recordSnapshot(emptyHistory(), march), MARCH));
    const header = values.findIndex((row) => row[0] === "As at" && row[1] === "Sheet");
    values[header + 2][6] = "next spring";
    expect(parseHistory(values)).toEqual({ ok: false, reason: `row ${header + 3} has “next spring” where a due date (YYYY-MM-DD) should be` });
  });
});

describe("a due date later than in the previous report", () => {
  // Rows inserted above (the actions moved down two rows), 1.1 moved later, 1.2 earlier, 1.3 the same.
  const aprilGrid = grid("Plan", [
    HEADER,
    ["", "New section", "", "", ""],
    ["0.1", "A new action", "Sam Smith", "30/09/2026", ""],
    ["1.1", "Publish the carers strategy", "Jo Bloggs", "30/06/2026", "In progress"],
    ["1.2", "Audit the case files", "Jo Bloggs", "15/04/2026", "In progress"],
    ["1.3", "Train the staff", "Jo Bloggs", "31/05/2026", "In progress"],
  ]);
  const april = withHistorySlips(analyse(aprilGrid, APRIL), storedHistory(march));

  test("gives a date-slipped finding on the due cell, in plain words naming both dates and the report", () => {
    const item = april.sheets[0].items.find((i) => i.ref === "1.1")!;
    expect(item.findings.filter((f) => f.code === "date-slipped")).toEqual([
      {
        code: "date-slipped",
        column: "D",
        row: item.row,
        severity: "warning",
        message: "Due date moved from 31 March 2026 to 30 June 2026 since the report of 1 March 2026.",
      },
    ]);
    expect(PlanReportSchema.safeParse(april).success).toBe(true);
  });

  test("only that action: an earlier date, the same date and a new action are not slips", () => {
    expect(slippedItems(april).map((p) => p.item.ref)).toEqual(["1.1"]);
    expect(slipFindings(april)).toHaveLength(1);
  });

  test("is found once: applying the history again changes nothing", () => {
    const again = withHistorySlips(april, storedHistory(march));
    expect(again).toEqual(april);
  });

  test("compares with the latest report before this one, not a later or the same date", () => {
    const may = analyse(plan([["1.1", "Publish the carers strategy", "31/07/2026"]]), "2026-05-01");
    const both = storedHistory(march, may);
    expect(withHistorySlips(analyse(aprilGrid, APRIL), both).sheets[0].items.find((i) => i.ref === "1.1")!.findings.find((f) => f.code === "date-slipped")?.message).toBe(
      "Due date moved from 31 March 2026 to 30 June 2026 since the report of 1 March 2026.",
    );
    // Re-running March itself compares with nothing earlier.
    expect(slipFindings(withHistorySlips(march, both))).toEqual([]);
  });
});

describe("one finding from two sources: the revised-date column and the history", () => {
  const withNewDate = (rows: [string, string, string, string][]): Grid =>
    plan(
      rows.map(([ref, action, target]) => [ref, action, target]),
      ["New date"],
      rows.map((r) => [r[3]]),
    );

  test("where both tell the same move, the revised column's finding stays alone", () => {
    const before = analyse(withNewDate([["1.1", "Publish the carers strategy", "31/03/2026", ""]]), MARCH);
    const now = analyse(withNewDate([["1.1", "Publish the carers strategy", "31/03/2026", "30/06/2026"]]), APRIL);
    const revised = slipFindings(now);
    expect(revised).toHaveLength(1);
    expect(slipFindings(withHistorySlips(now, storedHistory(before)))).toEqual(revised);
  });

  test("where they tell different moves, one finding says both", () => {
    const before = analyse(withNewDate([["1.1", "Publish the carers strategy", "31/03/2026", "30/04/2026"]]), MARCH);
    const now = analyse(withNewDate([["1.1", "Publish the carers strategy", "31/03/2026", "30/06/2026"]]), APRIL);
    const [revised] = slipFindings(now);
    const found = slipFindings(withHistorySlips(now, storedHistory(before)));
    expect(found).toEqual([
      { ...revised, message: `Due date moved from 30 April 2026 to 30 June 2026 since the report of 1 March 2026. ${revised.message}` },
    ]);
    expect(slipFindings(withHistorySlips(withHistorySlips(now, storedHistory(before)), storedHistory(before)))).toEqual(found);
  });
});

describe("on the summary sheets", () => {
  /** Two themes, as section rows merged across the table. */
  const themed = (dues: string[]): Grid =>
    grid(
      "Plan",
      [
        HEADER,
        ["Carers"],
        ["1.1", "Publish the carers strategy", "Jo Bloggs", dues[0], "In progress"],
        ["1.2", "Audit the case files", "Jo Bloggs", dues[1], "In progress"],
        ["Workforce"],
        ["2.1", "Train the staff", "Sam Smith", dues[2], "In progress"],
      ],
      ["A2:E2", "A5:E5"],
    );
  const history = storedHistory(analyse(themed(["31/03/2026", "30/04/2026", "31/05/2026"]), MARCH));
  const april = withHistorySlips(analyse(themed(["30/06/2026", "30/04/2026", "31/07/2026"]), APRIL), history);
  const [themes, , exceptions] = buildSummarySheets(april, defaultSettings(), history).map(valuesOf);

  test("PM Exceptions lists the slipped actions, each with how its date moved", () => {
    const start = exceptions.findIndex((row) => String(row[0] ?? "").startsWith(EXCEPTION_SECTIONS.slipped));
    expect(exceptions[start][0]).toBe(`${EXCEPTION_SECTIONS.slipped} – due date moved later (2)`);
    expect(exceptions.slice(start + 1, start + 3).map((row) => [row[2], row[5], row[7]])).toEqual([
      ["1.1", "30 Jun 2026", "Due date moved from 31 March 2026 to 30 June 2026 since the report of 1 March 2026."],
      ["2.1", "31 Jul 2026", "Due date moved from 31 May 2026 to 31 July 2026 since the report of 1 March 2026."],
    ]);
  });

  test("PM Summary – Themes counts them per theme, after Plan health", () => {
    const header = themes.findIndex((row) => row[0] === "Theme" && row[1] === "Blue");
    expect(themes[header][14]).toBe("Slipped");
    expect(themes.slice(header + 1, header + 4).map((row) => [row[0], row[14]])).toEqual([
      ["Carers", 1],
      ["Workforce", 1],
      ["Total", 2],
    ]);
  });
});
