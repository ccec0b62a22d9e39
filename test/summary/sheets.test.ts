// The sheet specs themselves: what every host writes. Plain values only (no
// formulas), ranges that fit, RAG words as well as colours, print setup.
import { defaultSettings } from "../../src/engine/settings";
import { buildSummarySheets, cellLink, emptyHistory, recordSnapshot, SUMMARY_SHEET_NAMES } from "../../src/engine/summary";
import type { SheetSpec } from "../../src/engine/writeback";
import { item, report } from "./fixtures";

const plan = report("2020-03-01", [
  item(5, "red", { daysOverdue: 60, owners: ["Ann", "Bob"], progress: "Waiting for funding." }),
  item(6, "amber", { daysOverdue: 12, theme: "Theme B" }),
  item(7, "grey", { findings: [{ code: "no-due", column: "D", row: 7, severity: "error", message: "No due date: “Ongoing” is not a date." }] }),
  item(8, "blue"),
  item(9, "green", { owners: [] }),
], "Bob's plan");

const specs = buildSummarySheets(plan, defaultSettings(), recordSnapshot(emptyHistory(), report("2020-02-01", plan.sheets[0].items.map((i) => ({ ...i, rag: i.rag === "blue" ? "green" : i.rag })), "Bob's plan")));
const byKind = (kind: string): SheetSpec => specs.find((s) => s.kind === kind)!;
const texts = (spec: SheetSpec): string[] => spec.rows.flat().map((c) => (c?.value === null || c?.value === undefined ? "" : String(c.value)));

test("four sheets, with Plan Monitor's names and kinds", () => {
  expect(specs.map((s) => [s.kind, s.name])).toEqual([
    ["themes", "PM Summary – Themes"],
    ["owners", "PM Summary – Owners"],
    ["exceptions", "PM Exceptions"],
    ["history", "PM History"],
  ]);
  expect(Object.values(SUMMARY_SHEET_NAMES)).toEqual(specs.map((s) => s.name));
});

test("plain values only: no formulas, nothing a host would have to compute", () => {
  for (const spec of specs)
    for (const cell of spec.rows.flat()) {
      if (!cell) continue;
      expect(cell.formula).toBeUndefined();
      expect(["string", "number", "boolean", "object"]).toContain(typeof cell.value);
      if (typeof cell.value === "number") expect(Number.isFinite(cell.value)).toBe(true);
    }
});

test("merges, frozen rows, repeated print rows and chart ranges fit the sheet", () => {
  for (const spec of specs) {
    const width = spec.columnWidths!.length;
    for (const m of spec.merges ?? []) {
      expect(m.bottom).toBeLessThan(spec.rows.length);
      expect(m.right).toBeLessThan(width);
    }
    for (const row of spec.rows) expect(row.length).toBeLessThanOrEqual(width);
    expect(spec.print).toMatchObject({ landscape: true, fitToPagesWide: 1 });
    expect(spec.print!.footer).toMatch(/&P of &N/);
    expect(spec.print!.footer).toContain("1 Mar 2020");
    expect(spec.print!.repeatRows!.last).toBeLessThan(spec.rows.length);
    for (const chart of spec.charts ?? []) {
      const header = spec.rows[chart.range.top].slice(chart.range.left + 1, chart.range.right + 1).map((c) => c?.value);
      expect(header).toEqual(["Blue", "Green", "Amber", "Red", "Grey"]);
      expect(chart.anchor.row).toBeGreaterThanOrEqual(spec.rows.length);
    }
  }
});

test("the themes sheet shows the change since the last report", () => {
  const t = texts(byKind("themes"));
  expect(t).toContain("Change since 1 Feb 2020");
  expect(t).toContain("Trend across reports");
});

test("the exceptions sheet uses RAG words, links to each action's row and gives the grey reason", () => {
  const spec = byKind("exceptions");
  const t = texts(spec);
  expect(t).toEqual(expect.arrayContaining(["Red", "Amber", "Grey"]));
  const links = spec.rows.flat().filter((c) => c?.link).map((c) => [c!.value, c!.link]);
  expect(links).toContainEqual(["Bob's plan, row 5", "'Bob''s plan'!B5"]);
  expect(t).toContain("No due date: “Ongoing” is not a date.");
  expect(t.some((s) => s.startsWith("Completed since the report as at 1 Feb 2020 (1)"))).toBe(true);
  expect(t).toContain("Ann; Bob");
});

test("an empty report still gives four sheets", () => {
  const empty = buildSummarySheets(report("2020-03-01", []), defaultSettings(), emptyHistory());
  expect(empty).toHaveLength(4);
});

test("cellLink quotes sheet names", () => {
  expect(cellLink("It's", "C", 12)).toBe("'It''s'!C12");
});
