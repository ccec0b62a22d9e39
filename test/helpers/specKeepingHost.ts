// A PlanHost double that keeps Plan Monitor's sheets as the specs it is handed
// and reads nothing: for comparing what a real host writes with what it was asked to.
import type { Grid } from "../../src/engine/grid";
import type { PlanHost, WriteSheetsResult } from "../../src/engine/host";
import type { SheetCellValue, SheetSpec } from "../../src/engine/writeback";

/** A host that keeps Plan Monitor's sheets as specs: what "the same sheets" means without any file format. */
export class SpecKeepingHost implements PlanHost {
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
