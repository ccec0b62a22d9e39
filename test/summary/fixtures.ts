// Small hand-made reports and an in-memory host for the summary's unit tests.
import type { Grid } from "../../src/engine/grid";
import type { PlanHost, WriteSheetsResult } from "../../src/engine/host";
import type { Item, PlanReport, Rag } from "../../src/engine/report";
import type { SheetCellValue, SheetSpec } from "../../src/engine/writeback";

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

/** A host that keeps Plan Monitor's sheets as specs: what "the same sheets" means without any file format. */
export class MemoryHost implements PlanHost {
  readonly sheets = new Map<string, SheetSpec>();
  async readGrids(): Promise<Grid[]> {
    return [];
  }
  async applyColours(): Promise<void> {}
  async clearColours(): Promise<void> {}
  async writeSheets(specs: SheetSpec[]): Promise<WriteSheetsResult> {
    for (const s of specs) this.sheets.set(s.kind, s);
    return { written: specs.map((s) => ({ kind: s.kind, name: s.name })), notices: [] };
  }
  async readOwnedSheet(kind: string): Promise<SheetCellValue[][] | null> {
    const spec = this.sheets.get(kind);
    return spec ? spec.rows.map((row) => Array.from(row, (c) => c?.value ?? null)) : null;
  }
}
