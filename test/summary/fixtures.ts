// Small hand-made reports for the summary's unit tests.
import type { Item, PlanReport, Rag } from "../../src/engine/report";

export function item(row: number, rag: Rag, extra: Partial<Item> = {}): Item {
  return {
    row,
    theme: "Theme A",
    ref: String(row),
    owners: ["Ann"],
    due: rag === "grey" ? null : "2020-01-31",
    status: rag === "blue" ? "Complete" : "",
    rag,
    complete: rag === "blue",
    text: `Action on row ${row}`,
    progress: "",
    dueText: rag === "grey" ? "Ongoing" : "Jan 2020",
    daysOverdue: 0,
    cells: { text: `B${row}`, owner: `C${row}`, due: `D${row}`, status: `E${row}` },
    findings: [],
    ...extra,
  };
}

export function report(asAt: string, items: Item[], sheet = "Plan"): PlanReport {
  return {
    asAt,
    sheets: [{ name: sheet, headerRow: 1, columns: { action: "B", owner: "C", due: "D", status: "E" }, repeatedHeaderRows: [], confidence: 1, evidence: [], planPeriod: null, updated: null, items, findings: [] }],
    skipped: [],
  };
}
