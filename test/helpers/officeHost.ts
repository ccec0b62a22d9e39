// Helpers for Office host tests: corpus models, a host bound to the in-process
// Excel, grid comparison and export snapshots.
import * as fs from "fs";
import ExcelJS from "exceljs";
import type { Cell, Grid } from "../../src/engine/grid";
import { OfficePlanHost, type OfficeHostOptions } from "../../src/excel/host";
import { ExcelSimBackend, type BackendOptions } from "../../tools/excel-sim/backend";
import type { WorkbookModel } from "../../tools/excel-sim/model";
import { workbookModelFromExcelJs, workbookModelToExcelJs } from "../../tools/excel-sim/xlsx";
import { corpusFile } from "./corpus";
import { officeRuntime } from "./office";

export async function loadCorpus(name: string): Promise<{ workbook: ExcelJS.Workbook; model: WorkbookModel }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(corpusFile(name)) as unknown as ArrayBuffer);
  return { workbook, model: workbookModelFromExcelJs(workbook) };
}

/** A host talking to the in-process Excel over the real Office.js client, and its backend (for counts). */
export function simHost(model: WorkbookModel, options: BackendOptions & { host?: OfficeHostOptions } = {}): { host: OfficePlanHost; backend: ExcelSimBackend } {
  const backend = new ExcelSimBackend(model, options);
  const runtime = officeRuntime(model, { backend });
  const host = new OfficePlanHost({ excel: runtime.Excel, isSetSupported: (n, v) => backend.isSetSupported(n, v), ...options.host });
  return { host, backend };
}

export interface NormalCell {
  value: unknown;
  text: string;
  format?: string;
}

/** A grid's non-empty cells by "r:c", with values normalised for comparison. */
export function gridCells(grid: Grid): Map<string, NormalCell> {
  const out = new Map<string, NormalCell>();
  grid.rows.forEach((row, r) =>
    row?.forEach((cell: Cell | undefined, c) => {
      if (!cell || cell.value === null || cell.value === "") return;
      const value = typeof cell.value === "number" ? Math.round(cell.value * 1e9) / 1e9 : cell.value;
      const n: NormalCell = { value, text: cell.text };
      if (typeof cell.value === "number") n.format = cell.format ?? "General";
      out.set(`${r}:${c}`, n);
    }),
  );
  return out;
}

export const mergeKeys = (grid: Grid): string[] => grid.merges.map((m) => `${m.top}:${m.left}:${m.bottom}:${m.right}`).sort();

/**
 * Everything the exporter writes for a workbook, as plain JSON: every cell's value
 * and style (number format, fill, font, border, alignment), merges, conditional
 * formats, names, widths and page setup, sheet by sheet.
 */
export function exportSnapshot(model: WorkbookModel, onlySheets?: string[]): unknown {
  const wb = workbookModelToExcelJs(model);
  const sheets = wb.worksheets
    .filter((ws) => !onlySheets || onlySheets.includes(ws.name))
    .map((ws) => {
      const cells: Record<string, unknown> = {};
      ws.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c) => {
          const style = JSON.parse(JSON.stringify(c.style ?? {}));
          if (c.value === null && !Object.keys(style).length) return;
          cells[c.address] = { value: c.value === null ? null : JSON.parse(JSON.stringify(c.value)), style };
        }),
      );
      return {
        name: ws.name,
        state: ws.state,
        cells,
        merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
        conditionalFormats: JSON.parse(JSON.stringify((ws as unknown as { conditionalFormattings?: unknown }).conditionalFormattings ?? [])),
        columns: (ws.columns ?? []).map((c) => c?.width ?? null),
        views: JSON.parse(JSON.stringify(ws.views ?? [])),
        pageSetup: JSON.parse(JSON.stringify(ws.pageSetup ?? {})),
        headerFooter: JSON.parse(JSON.stringify(ws.headerFooter ?? {})),
      };
    });
  return { sheets, names: JSON.parse(JSON.stringify(wb.definedNames.model)) };
}
