// The .xlsx file host: PlanHost over a workbook loaded with exceljs. It reads
// grids, colours status cells with conditional formats (reversibly) and
// writes Plan Monitor's own sheets, marked with defined names. It works on a
// copy in memory: the caller writes the result to a new file, never the input.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Grid } from "../engine/grid";
import type { PlanHost, Progress, WriteSheetsResult } from "../engine/host";
import type { PlanReport } from "../engine/report";
import type { Settings } from "../engine/settings";
import { buildSummaries, colourWorkbook, scanWorkbook } from "../engine/workflow";
import type { ColourPlan, SheetCellValue, SheetSpec } from "../engine/writeback";
import { plainValue } from "./cells";
import { addChartsToZip, type SheetCharts } from "./charts";
import { installExceljsFixes } from "./exceljs-fixes";
import { carryParts, notKeptIn, readSourcePackage, type NotKept, type SourcePackage } from "./package-parts";
import { gridsFromWorkbook, readWorkbookBuffer } from "./read";
import { applyColours, clearColours } from "./write-colours";
import { markOwned, ownedSheets } from "./write-owned";
import { nameNewSheet } from "../engine/sheet-names";
import { writeSpec } from "./write-sheets";

export class XlsxHost implements PlanHost {
  /** The summary sheets written, by kind: their charts are added to the package in toBuffer (exceljs writes none). */
  private readonly chartSheets = new Map<string, SheetCharts>();

  /** The file's bytes and Plan Monitor's own sheets in it when loaded: what exceljs drops is carried back from there. */
  private source: { bytes: Uint8Array; ownSheets: Set<string>; read?: Promise<SourcePackage> } | null = null;

  constructor(readonly workbook: ExcelJS.Workbook) {}

  /** Load an .xlsx file's bytes; throws WorkbookReadError with a plain reason. */
  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxHost> {
    const { workbook } = await readWorkbookBuffer(data);
    const host = new XlsxHost(workbook);
    host.source = { bytes: data instanceof Uint8Array ? data : new Uint8Array(data), ownSheets: new Set([...ownedSheets(workbook).values()].map((ws) => ws.name)) };
    return host;
  }

  /** What the loaded file holds beyond what exceljs writes (null for a workbook made in memory). */
  sourcePackage(): Promise<SourcePackage> | null {
    if (!this.source) return null;
    return (this.source.read ??= readSourcePackage(this.source.bytes, this.source.ownSheets));
  }

  /** What a copy would not have of the loaded file (an .xlsm copy keeps the macros). */
  async notKept(macroEnabled: boolean): Promise<NotKept[]> {
    const source = await this.sourcePackage();
    return source ? notKeptIn(source, macroEnabled) : [];
  }

  /** The workbook as .xlsx bytes, with the charts of the summary sheets written in this session. */
  async toBuffer(options: { macroEnabled?: boolean } = {}): Promise<Buffer> {
    return (await this.toPackage(options)).buffer;
  }

  /**
   * The workbook as a package: exceljs's, then in one pass over it the charts of
   * the summary sheets written in this session and the parts of the loaded file
   * that exceljs drops and can be carried back (package-parts.ts). notKept: what
   * the copy does not have of the loaded file.
   */
  async toPackage({ macroEnabled = false }: { macroEnabled?: boolean } = {}): Promise<{ buffer: Buffer; notKept: NotKept[] }> {
    installExceljsFixes();
    const written = Buffer.from(await this.workbook.xlsx.writeBuffer());
    const live = [...this.chartSheets.values()].filter((s) => this.workbook.getWorksheet(s.sheetName));
    const source = await this.sourcePackage();
    if (!source && !macroEnabled && !live.length) return { buffer: written, notKept: [] };
    const zip = await JSZip.loadAsync(written);
    await addChartsToZip(zip, live);
    const failed = await carryParts(zip, source, macroEnabled);
    const notKept = [...(source ? notKeptIn(source, macroEnabled) : []), ...failed];
    const buffer = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
    return { buffer, notKept };
  }

  async readGrids(progress?: Progress): Promise<Grid[]> {
    const kindOf = new Map([...ownedSheets(this.workbook)].map(([kind, ws]) => [ws.name, kind]));
    const grids = gridsFromWorkbook(this.workbook).map((g) => {
      const kind = kindOf.get(g.name);
      return kind === undefined ? g : { ...g, ownedByPlanMonitor: true, ownedKind: kind };
    });
    progress?.(grids.length, grids.length, "read");
    return grids;
  }

  async applyColours(plan: ColourPlan, progress?: Progress): Promise<void> {
    applyColours(this.workbook, plan);
    progress?.(plan.sheets.length, plan.sheets.length, "coloured");
  }

  async clearColours(): Promise<void> {
    clearColours(this.workbook);
  }

  async writeSheets(specs: SheetSpec[], progress?: Progress): Promise<WriteSheetsResult> {
    const result: WriteSheetsResult = { written: [], notices: [] };
    specs.forEach((spec, i) => {
      const ws = this.sheetFor(spec, result.notices);
      writeSpec(ws, spec);
      this.chartSheets.set(spec.kind, { sheetName: ws.name, spec });
      markOwned(this.workbook, spec.kind, ws.name);
      result.written.push({ kind: spec.kind, name: ws.name });
      progress?.(i + 1, specs.length, ws.name);
    });
    return result;
  }

  async readOwnedSheet(kind: string): Promise<SheetCellValue[][] | null> {
    const ws = ownedSheets(this.workbook).get(kind);
    return ws ? sheetValues(ws, Boolean(this.workbook.properties?.date1904)) : null;
  }

  /** Our sheet of this kind emptied in place, or a new sheet under a name no user sheet has (engine/sheet-names.ts). */
  private sheetFor(spec: SheetSpec, notices: string[]): ExcelJS.Worksheet {
    const ours = ownedSheets(this.workbook).get(spec.kind);
    if (ours) return this.emptyInPlace(ours);
    const taken = new Set(this.workbook.worksheets.map((ws) => ws.name.toLowerCase()));
    const { name, notice } = nameNewSheet(spec.name, taken);
    if (notice) notices.push(notice);
    return this.workbook.addWorksheet(name);
  }

  /** A fresh sheet with the same name and position: in a file, that is rewriting it in place. */
  private emptyInPlace(ws: ExcelJS.Worksheet): ExcelJS.Worksheet {
    const { name, orderNo } = ws as ExcelJS.Worksheet & { orderNo: number };
    this.workbook.removeWorksheet(ws.id);
    const fresh = this.workbook.addWorksheet(name) as ExcelJS.Worksheet & { orderNo: number };
    fresh.orderNo = orderNo;
    return fresh;
  }
}

/** A sheet's values as Excel reports them (dates as serials, merged cells only in their top-left cell). */
function sheetValues(ws: ExcelJS.Worksheet, date1904: boolean): SheetCellValue[][] {
  const rows: SheetCellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: SheetCellValue[] = [];
    row.eachCell({ includeEmpty: false }, (c, col) => {
      if (c.isMerged && c.master !== c) return;
      const v = plainValue(c.value, date1904);
      values[col - 1] = v !== null && typeof v === "object" ? v.error : v;
    });
    rows[rowNumber - 1] = Array.from(values, (v) => v ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

export interface WriteCopyOptions {
  asAt: string;
  settings: Settings;
  /** The copy is an .xlsm: it keeps the macros and has the macro-enabled content type. */
  macroEnabled?: boolean;
  /** Told what the copy would not have, once the file is loaded and before any work; may throw to stop. */
  beforeWork?: (notKept: NotKept[]) => void;
}

/**
 * `plan-monitor check FILE --out OUT`: the input's bytes in, a copy with the
 * RAG colouring and the summary sheets out. The input is only read. notKept:
 * what the copy does not have of the input (see package-parts.ts).
 */
export async function writeCopy(
  input: ArrayBuffer | Uint8Array,
  options: WriteCopyOptions,
): Promise<{ report: PlanReport; buffer: Buffer; notices: string[]; notKept: NotKept[] }> {
  const host = await XlsxHost.fromBuffer(input);
  options.beforeWork?.(await host.notKept(options.macroEnabled ?? false));
  const report = await scanWorkbook(host, options);
  await colourWorkbook(host, report);
  const { notices } = await buildSummaries(host, report, options.settings);
  const { buffer, notKept } = await host.toPackage({ macroEnabled: options.macroEnabled });
  return { report, buffer, notices, notKept };
}
