// Helpers for Office host tests: corpus models, a host bound to the in-process
// Excel, grid comparison, and a generated large plan.
import * as fs from "fs";
import ExcelJS from "exceljs";
import type { Cell, Grid } from "../../src/engine/grid";
import { OfficePlanHost, type OfficeHostOptions } from "../../src/excel/host";
import { ExcelSimBackend, type BackendOptions } from "../../tools/excel-sim/backend";
import { WorkbookModel } from "../../tools/excel-sim/model";
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
 * A plan sheet of `rows` item rows in the shape of the corpus plans: ref, action,
 * owner, due date (a real date), status; a title merged across, section rows merged
 * across every 25 rows.
 */
export function largePlanModel(rows: number): WorkbookModel {
  const m = new WorkbookModel();
  const s = m.addSheet("Action Plan");
  s.setValue(0, 0, "Improvement Action Plan 2025/26");
  s.merges.push({ top: 0, left: 0, bottom: 0, right: 4 });
  ["Ref", "Action", "Lead", "Due", "Status"].forEach((h, c) => {
    s.setValue(1, c, h);
    s.cell(1, c).font = { bold: true };
  });
  const statuses = ["Complete", "On track", "Delayed", "Not started", ""];
  const owners = ["JF", "SK", "Head of Service", "NT JU PF"];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    if (i % 25 === 0) {
      s.setValue(r, 0, `Theme ${i / 25 + 1}`);
      s.merges.push({ top: r, left: 0, bottom: r, right: 4 });
      continue;
    }
    s.setValue(r, 0, `${Math.floor(i / 25) + 1}.${i % 25}`);
    s.setValue(r, 1, `Review the process ${i}`);
    s.setValue(r, 2, owners[i % owners.length]);
    s.setValue(r, 3, 45000 + (i % 400), "dd/mm/yyyy");
    s.setValue(r, 4, statuses[i % statuses.length]);
  }
  return m;
}

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
