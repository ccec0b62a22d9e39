// Which cell of each item gets its RAG colour.
import { colourPlanFor } from "../../src/engine/colour";
import type { Item, PlanReport, Rag, SheetReport } from "../../src/engine/report";

const item = (row: number, rag: Rag): Item => ({
  row,
  theme: "T",
  ref: "",
  owners: [],
  due: null,
  status: "",
  rag,
  complete: rag === "blue",
  text: "",
  progress: "",
  dueText: "",
  daysOverdue: 0,
  cells: { text: null, owner: null, due: null, status: null },
  findings: [],
});

const sheet = (name: string, columns: SheetReport["columns"], items: Item[]): SheetReport => ({
  name,
  headerRow: 1,
  columns,
  repeatedHeaderRows: [],
  confidence: 1,
  evidence: [],
  planPeriod: null,
  updated: null,
  items,
  findings: [],
});

const report = (...sheets: SheetReport[]): PlanReport => ({ asAt: "2020-06-15", sheets, skipped: [] });

describe("colourPlanFor", () => {
  test("the status cell of each item, rows 0-based, with the item's RAG", () => {
    const plan = colourPlanFor(report(sheet("Plan", { action: "B", due: "D", status: "F" }, [item(3, "red"), item(7, "blue")])));
    expect(plan.sheets).toEqual([{ name: "Plan", cells: [{ row: 2, col: 5, rag: "red" }, { row: 6, col: 5, rag: "blue" }] }]);
  });

  test("without a status column the due cell, then the sub-action, then the action", () => {
    const cols = (c: SheetReport["columns"]) => colourPlanFor(report(sheet("S", c, [item(2, "green")]))).sheets[0].cells[0].col;
    expect(cols({ action: "B", subAction: "C", due: "E" })).toBe(4);
    expect(cols({ action: "B", subAction: "C", owner: "D" })).toBe(2);
    expect(cols({ action: "AA", owner: "D" })).toBe(26);
  });

  test("one entry per sheet, in report order", () => {
    const plan = colourPlanFor(report(sheet("One", { action: "A", status: "B" }, []), sheet("Two", { action: "A", status: "C" }, [item(2, "grey")])));
    expect(plan.sheets.map((s) => [s.name, s.cells.length])).toEqual([
      ["One", 0],
      ["Two", 1],
    ]);
  });
});
