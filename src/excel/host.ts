// The Office.js host: reads the workbook open in Excel into grids and applies
// the engine's write-back plan, using only Office.js (target ExcelApi 1.9; merged
// areas need 1.13 and are skipped, with a warning, where Excel is older).
//
// Round trips. Every operation uses a fixed number of context.sync() calls as
// long as its data fits the payload budget (and no more requests than syncs:
// every range is untracked, so Excel.run has nothing to release when it ends):
//   readGrids      3 syncs (sheets and names; used ranges and a small sample of
//                  each sheet's values; cells and merges) up to
//                  `singlePassCellLimit` cells; above that 4: values first, then
//                  the displayed text and number formats of the cells that hold
//                  numbers (strings display as themselves). The sample sizes the
//                  reads, so e.g. a 50,000-row plan (5.7 MB in all) still takes 4;
//   applyColours   3 syncs (+1 if an earlier colouring touched a sheet not in the plan);
//   clearColours   3 syncs (it looks at every sheet);
//   writeSheets    2 syncs: values and formulas (links are =HYPERLINK formulas) go
//                  one Range.formulas per block of rows, number formats one
//                  rectangle per run of equal formats, other formats one RangeAreas
//                  per distinct style: requests grow with bytes, not with cells;
//   readOwnedSheet 3 syncs;  selectCell 1;  selectedCell 1.
// Data larger than the budget (default 4 MB per exchange; Excel on the web refuses
// above 5 MB) is spread over as many more syncs as it needs: the number of round
// trips then grows with the bytes, never with the number of objects or rows (work
// that depends on a batch's answer travels with the next batch).
import { format, isDateFormat } from "numfmt";
import type { Cell, CellValue, Grid, MergedArea, TableArea } from "../engine/grid";
import { cellAddress, columnLetter } from "../engine/grid";
import type { PlanHost, Progress, WriteSheetsResult } from "../engine/host";
import type { Rag } from "../engine/report";
import { SettingsSchema, defaultSettings, parseSettings, type Settings } from "../engine/settings";
import { MARKER_COMMENT, MARKER_PREFIX, markerName, markerRef } from "../engine/owned";
import { freeSheetName, nameClashNotice } from "../engine/sheet-names";
import { COLOUR_MARKER, RAG_FILL, cellFormula, cellNumberFormat, isPlanMonitorRule, type ColourPlan, type SheetCell, type SheetCellStyle, type SheetCellValue, type SheetSpec } from "../engine/writeback";
import { areaA1, cellsToAreas, chunkAddresses, parseAddressList, type Area } from "./a1";
import { markedSheets, probeMarker, provedSheet, provenOwned } from "./owned";
import { PlanMonitorError, explainOfficeError, protectedSheetMessage, unsupportedMessage, type OfficeAction } from "./errors";

export const SETTINGS_KEY = "planMonitor.settings";
export const COLOURING_KEY = "planMonitor.colouring";
/** The marker rules are the engine's (engine/owned.ts), shared with the .xlsx host. */
export { MARKER_PREFIX, markerName };

/** What applyColours remembers (workbook setting planMonitor.colouring) so clearColours removes exactly that. */
export interface ColouringRecord {
  version: 1;
  sheets: { sheetId: string; name: string; conditionalFormatIds: string[] }[];
}

export interface OfficeHostOptions {
  /** The Excel namespace (default: the global `Excel`). */
  excel?: typeof Excel;
  /** Requirement-set check (default: Office.context.requirements.isSetSupported when Office provides it). */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Bytes one request or response may carry (default 4,000,000; Excel on the web refuses above 5 MB). */
  payloadBudgetBytes?: number;
  /** Cells per values block (default 100,000; one read may never exceed 5,000,000). */
  maxCellsPerBlock?: number;
  /** Up to this many cells in all, values, text and formats are read in one pass (default 20,000). */
  singlePassCellLimit?: number;
  /** First guess of a cell's size in a response, refined as blocks arrive (default 40 bytes). */
  bytesPerCellEstimate?: number;
}

type Ctx = Excel.RequestContext;

interface Block {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

const PAYLOAD_ERRORS = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded"]);
const errorCode = (e: unknown): string => (typeof e === "object" && e && "code" in e ? String((e as { code: unknown }).code) : "");
const ERROR_LITERAL = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;
/** Merged areas are read in chunks of at most this many cells, so no chunk can hold more than 512 of them. */
const MERGE_CHUNK_CELLS = 512;
/** What is loaded of the conditional formats on a sheet Plan Monitor colours: enough to recognise its own. */
const CF_FIELDS = "items/id,items/type,items/stopIfTrue,items/customOrNullObject/rule/formula,items/customOrNullObject/format/fill/color";
/**
 * Bytes a queued object costs in a request, roughly (paths, instantiate, query).
 * Every range the host makes is used within one batch only, so it is untracked:
 * Excel.run then sends no keep-reference for it and no release at the end (with
 * tens of thousands of ranges the release request alone would pass 5 MB).
 */
const OBJECT_REQUEST_BYTES = 700;
/** The sample readGrids takes of each sheet's top-left corner to size its reads: at most this many rows, columns and cells in all. */
const SAMPLE_ROWS = 50;
const SAMPLE_COLUMNS = 20;
const SAMPLE_CELLS = 10_000;

/**
 * Bytes a cell's value takes in a response, judged from samples of each sheet's
 * top-left corner (the part inside its used range), with a margin; never above the
 * first guess and never below 8 bytes. The first guess when nothing was sampled.
 */
function sampledBytesPerCell(samples: unknown[][][], areas: (Area | null)[], guess: number): number {
  let bytes = 0;
  let cells = 0;
  samples.forEach((values, i) => {
    const a = areas[i];
    if (!a) return;
    for (let r = a.top; r <= a.bottom && r < values.length; r++)
      for (let c = a.left; c <= a.right && c < values[r].length; c++) {
        bytes += JSON.stringify(values[r][c] ?? "").length + 1;
        cells++;
      }
  });
  return cells < 100 ? guess : Math.min(guess, Math.max(8, (bytes / cells) * 1.25));
}
/** Cells per Range.formulas block a summary sheet is written in. */
const WRITE_CHUNK_CELLS = 20_000;
/**
 * Request bytes the Office.js client adds to an array it sends: above 1,500 cells it
 * splits the array into blocks of rows, each set on a range of its own (object paths
 * and actions: about 850 bytes a block, measured).
 */
const arrayRequestOverhead = (cells: number): number => OBJECT_REQUEST_BYTES + (cells > 1_500 ? Math.ceil(cells / 1_500) * 900 : 0);

/** Bytes of a string in UTF-8, as it travels. */
function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

function splitBlock(b: Block): Block[] | null {
  if (b.rows < 2) return null;
  const half = Math.ceil(b.rows / 2);
  return [
    { ...b, rows: half },
    { ...b, top: b.top + half, rows: b.rows - half },
  ];
}

function blocksFor(sheet: number, used: Area, maxCells: number): Block[] {
  const cols = used.right - used.left + 1;
  const rowsPerBlock = Math.max(1, Math.floor(maxCells / cols));
  const out: Block[] = [];
  for (let top = used.top; top <= used.bottom; top += rowsPerBlock)
    out.push({ sheet, top, left: used.left, rows: Math.min(rowsPerBlock, used.bottom - top + 1), cols });
  return out;
}

const toArea = (r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): Area => ({
  top: r.rowIndex,
  left: r.columnIndex,
  bottom: r.rowIndex + r.rowCount - 1,
  right: r.columnIndex + r.columnCount - 1,
});

/** Column width from characters (as in .xlsx files) to the points Office.js uses. */
export const charsToPoints = (chars: number): number => (chars * 7 + 5) * 0.75;

/**
 * A value as it must be typed so Excel keeps it: Excel converts strings written
 * through Range.values or Range.formulas as if typed ("1.10" → 1.1, "2024-05-01" → a date, "TRUE",
 * "=…"), so text gets the apostrophe prefix, except in cells formatted as text
 * ("@"), which Excel leaves alone (there the apostrophe would be kept as text).
 */
const asTyped = (v: SheetCellValue, format: string | undefined): string | number | boolean =>
  v === null ? "" : typeof v === "string" ? (v === "" || format === "@" ? v : `'${v}`) : v;

export class OfficePlanHost implements PlanHost {
  /** Things the last operation wants the user told (e.g. merged cells could not be read). */
  warnings: string[] = [];
  private readonly options: Required<Omit<OfficeHostOptions, "excel" | "isSetSupported">>;

  constructor(private readonly hostOptions: OfficeHostOptions = {}) {
    this.options = {
      payloadBudgetBytes: hostOptions.payloadBudgetBytes ?? 4_000_000,
      maxCellsPerBlock: Math.min(hostOptions.maxCellsPerBlock ?? 100_000, 5_000_000),
      singlePassCellLimit: hostOptions.singlePassCellLimit ?? 20_000,
      bytesPerCellEstimate: hostOptions.bytesPerCellEstimate ?? 40,
    };
  }

  private get excel(): typeof Excel {
    const excel = this.hostOptions.excel ?? (globalThis as { Excel?: typeof Excel }).Excel;
    if (!excel) throw new PlanMonitorError("Plan Monitor is not running inside Excel (Office.js is not loaded).");
    return excel;
  }

  /** true / false, or undefined when Excel cannot say. */
  private supports(version: string): boolean | undefined {
    if (this.hostOptions.isSetSupported) return this.hostOptions.isSetSupported("ExcelApi", version);
    const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: (n: string, v: string) => boolean } } } }).Office;
    const check = office?.context?.requirements?.isSetSupported;
    return typeof check === "function" ? Boolean(check.call(office!.context!.requirements, "ExcelApi", version)) : undefined;
  }

  private requireApi(version: string, what: string): void {
    if (this.supports(version) === false) throw new PlanMonitorError(unsupportedMessage(what, version), { code: "ApiNotFound" });
  }

  private async run<T>(action: OfficeAction, what: string, body: (context: Ctx) => Promise<T>): Promise<T> {
    try {
      return await this.excel.run(body);
    } catch (e) {
      if (e instanceof PlanMonitorError) throw e;
      throw new PlanMonitorError(explainOfficeError(e, { action, what }), { code: errorCode(e) || undefined, cause: e });
    }
  }

  /**
   * Queue work in batches that fit the payload budget and sync each; a batch
   * Excel refuses as too large is retried smaller (items split in halves).
   */
  private async syncInBatches<I, R>(
    context: Ctx,
    items: I[],
    plan: {
      estimate: (item: I) => { request: number; response: number };
      queue: (item: I) => () => R;
      /** May return follow-up items: they go first into the next batch (one more sync only when no batch is left). */
      done: (item: I, result: R) => I[] | void;
      split?: (item: I) => I[] | null;
    },
  ): Promise<number> {
    const budget = this.options.payloadBudgetBytes;
    let scale = 1;
    let syncs = 0;
    const pending = [...items];
    while (pending.length) {
      const batch: I[] = [];
      let req = 2_000;
      let resp = 2_000;
      while (pending.length) {
        const est = plan.estimate(pending[0]);
        if (batch.length && (req + est.request * scale > budget || resp + est.response * scale > budget)) break;
        batch.push(pending.shift()!);
        req += est.request * scale;
        resp += est.response * scale;
      }
      const readers = batch.map((item) => plan.queue(item));
      try {
        syncs++;
        // One sync per batch is the design: batches are cut to the payload budget (5 MB on the web).
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (e) {
        if (!PAYLOAD_ERRORS.has(errorCode(e))) throw e;
        const halves = batch.length === 1 ? plan.split?.(batch[0]) : null;
        if (batch.length === 1 && !halves) throw e;
        pending.unshift(...(halves ?? batch));
        scale *= 2;
        continue;
      }
      const follow: I[] = [];
      batch.forEach((item, i) => follow.push(...(plan.done(item, readers[i]()) ?? [])));
      pending.unshift(...follow);
    }
    return syncs;
  }

  // ------------------------------------------------------------------ read

  async readGrids(progress?: Progress): Promise<Grid[]> {
    this.warnings = [];
    const mergesSupported = this.supports("1.13") === true;
    if (!mergesSupported)
      this.warnings.push(
        "This version of Excel cannot report merged cells (needs ExcelApi 1.13), so Plan Monitor reads every cell on its own; headings merged across or down may be recognised less well.",
      );
    return this.run("read", "reading the workbook", async (context) => {
      progress?.(0, 3, "Reading the list of sheets");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id,items/visibility");
      const names = context.workbook.names;
      names.load("items/name,items/type,items/formula");
      const tables = context.workbook.tables;
      tables.load("items/name,items/showTotals,items/worksheet/name");
      await context.sync();

      // Sheets marked as Plan Monitor's: trusted below only where A1 (in the sample) holds its title.
      const marked = markedSheets(names.items);
      progress?.(1, 3, "Finding the cells in use");
      const used = sheets.items.map((ws) => ({
        values: ws.getUsedRangeOrNullObject(true).untrack().load("rowIndex,columnIndex,rowCount,columnCount"),
        all: ws.getUsedRangeOrNullObject(false).untrack().load("rowIndex,columnIndex,rowCount,columnCount"),
      }));
      const tableRanges = tables.items.map((t) => ({ table: t, range: t.getRange().untrack().load("rowIndex,columnIndex,rowCount,columnCount") }));
      // A small sample of each sheet's top-left values (a fixed range, so it can go
      // with this request) to guess how many bytes a cell takes: the reads below are
      // then packed close to the budget instead of on a blind guess.
      const sampleRows = Math.max(1, Math.min(SAMPLE_ROWS, Math.floor(SAMPLE_CELLS / SAMPLE_COLUMNS / Math.max(1, sheets.items.length))));
      const samples = sheets.items.map((ws) => ws.getRangeByIndexes(0, 0, sampleRows, SAMPLE_COLUMNS).untrack().load("values"));
      await context.sync();

      const grids: Grid[] = sheets.items.map((ws) => ({ name: ws.name, rows: [], merges: [] }));
      const rows = grids.map(() => [] as (Cell | undefined)[][]);
      const mergeKeys = grids.map(() => new Set<string>());
      const valueAreas = used.map((u) => (u.values.isNullObject ? null : toArea(u.values)));
      const fullAreas = used.map((u) => (u.all.isNullObject ? null : toArea(u.all)));

      const blocks: Block[] = [];
      valueAreas.forEach((a, i) => a && blocks.push(...blocksFor(i, a, this.options.maxCellsPerBlock)));
      const totalCells = blocks.reduce((n, b) => n + b.rows * b.cols, 0);
      const singlePass = totalCells <= this.options.singlePassCellLimit;

      // Merged areas are looked for in the rows that hold values, across every column
      // in use (a title merged past the last value column still counts); formatted
      // but empty rows further down are not scanned.
      const mergeChunks: Block[] = [];
      if (mergesSupported)
        valueAreas.forEach((a, i) => {
          const full = fullAreas[i];
          if (!a || !full) return;
          const scan = { top: a.top, bottom: a.bottom, left: Math.min(a.left, full.left), right: Math.max(a.right, full.right) };
          mergeChunks.push(...blocksFor(i, scan, MERGE_CHUNK_CELLS));
        });

      // Small workbooks: values, text, number formats and value types in one pass.
      // Larger ones: values first; then, for the cells holding numbers (and strings
      // that look like error values), the text Excel displays and the number format
      // (and value type). Those follow-ups travel with the next batch of values, so
      // only the last batch's cost one more sync.
      type Loaded = { block: Block; values: unknown[][]; text?: string[][]; formats?: string[][]; types?: string[][] };
      type Segment = Block & { types: boolean; target: Loaded };
      type Work = { kind: "cells"; block: Block } | { kind: "merges"; block: Block } | { kind: "numbers"; segment: Segment };
      const work: Work[] = [...blocks.map((block) => ({ kind: "cells" as const, block })), ...mergeChunks.map((block) => ({ kind: "merges" as const, block }))];
      const factor = singlePass ? 3 : 1;
      let bytesPerCell = sampledBytesPerCell(samples.map((r) => r.values as unknown[][]), valueAreas, this.options.bytesPerCellEstimate) * factor;
      const loaded: Loaded[] = [];
      const dateSamples: DateSample[] = [];
      progress?.(2, 3, `Reading ${totalCells} cells`);
      await this.syncInBatches<Work, string | Excel.Range | null>(context, work, {
        estimate: (w) =>
          w.kind === "cells"
            ? { request: OBJECT_REQUEST_BYTES, response: w.block.rows * w.block.cols * bytesPerCell + 200 }
            : w.kind === "merges"
              ? { request: OBJECT_REQUEST_BYTES * 2, response: 400 }
              : { request: OBJECT_REQUEST_BYTES, response: w.segment.rows * (w.segment.types ? 60 : 48) + 200 },
        queue: (w) => {
          const b = w.kind === "numbers" ? w.segment : w.block;
          const range = sheets.items[b.sheet].getRangeByIndexes(b.top, b.left, b.rows, b.cols).untrack();
          if (w.kind === "merges") {
            const areas = range.getMergedAreasOrNullObject().untrack();
            areas.load("address");
            return () => (areas.isNullObject ? null : areas.address);
          }
          if (w.kind === "numbers") range.load(w.segment.types ? "text,numberFormat,valueTypes" : "text,numberFormat");
          else range.load(singlePass ? "values,text,numberFormat,valueTypes" : "values");
          return () => range;
        },
        done: (w, result) => {
          if (w.kind === "merges") {
            if (typeof result === "string")
              for (const m of parseAddressList(result)) {
                const key = `${m.top}:${m.left}:${m.bottom}:${m.right}`;
                if (!mergeKeys[w.block.sheet].has(key)) {
                  mergeKeys[w.block.sheet].add(key);
                  (grids[w.block.sheet].merges as MergedArea[]).push(m);
                }
              }
            return;
          }
          const range = result as unknown as Excel.Range;
          if (w.kind === "numbers") {
            const { target: l, top, left, rows: n, types } = w.segment;
            l.text ??= [];
            l.formats ??= [];
            if (types) l.types ??= [];
            const c = left - l.block.left;
            for (let i = 0; i < n; i++) {
              const r = top - l.block.top + i;
              const text = range.text[i][0];
              const format = (range.numberFormat as string[][])[i][0];
              (l.text[r] ??= [])[c] = text;
              (l.formats[r] ??= [])[c] = format;
              if (types) (l.types![r] ??= [])[c] = (range.valueTypes as string[][])[i][0];
              sampleDate(dateSamples, l.values[r][c], format, text);
            }
            return;
          }
          const values = range.values as unknown[][];
          const cells = w.block.rows * w.block.cols;
          if (cells >= 1000) bytesPerCell = Math.max(4, (JSON.stringify(values).length / cells) * 1.25 * factor);
          if (singlePass) {
            const l: Loaded = { block: w.block, values, text: range.text, formats: range.numberFormat as string[][], types: range.valueTypes as string[][] };
            loaded.push(l);
            values.forEach((row, i) => row.forEach((v, j) => sampleDate(dateSamples, v, l.formats![i][j], l.text![i][j])));
            return;
          }
          const l: Loaded = { block: w.block, values };
          loaded.push(l);
          return numberSegments(l).map((segment) => ({ kind: "numbers" as const, segment }));
        },
        split: (w) => (w.kind === "cells" ? splitBlock(w.block)?.map((block) => ({ kind: "cells" as const, block })) ?? null : null),
      });

      /** Per column of a block: the rows from the first to the last number (or error-like string). */
      function numberSegments(l: Loaded): Segment[] {
        const out: Segment[] = [];
        for (let c = 0; c < l.block.cols; c++) {
          let first = -1;
          let last = -1;
          let types = false;
          for (let r = 0; r < l.block.rows; r++) {
            const v = l.values[r][c];
            const errorLike = typeof v === "string" && ERROR_LITERAL.test(v);
            if (typeof v === "number" || errorLike) {
              if (first < 0) first = r;
              last = r;
              types ||= errorLike;
            }
          }
          if (first >= 0) out.push({ sheet: l.block.sheet, top: l.block.top + first, left: l.block.left + c, rows: last - first + 1, cols: 1, types, target: l });
        }
        return out;
      }

      for (const l of loaded) {
        const sheetRows = rows[l.block.sheet];
        for (let i = 0; i < l.block.rows; i++)
          for (let j = 0; j < l.block.cols; j++) {
            const cell = gridCell(l.values[i][j], l.text?.[i]?.[j], l.formats?.[i]?.[j], l.types?.[i]?.[j]);
            if (!cell) continue;
            const r = l.block.top + i;
            (sheetRows[r] ??= [])[l.block.left + j] = cell;
          }
      }

      const date1904 = detectDate1904(dateSamples);
      const tablesBySheet = new Map<string, TableArea[]>();
      for (const { table, range } of tableRanges) {
        const list = tablesBySheet.get(table.worksheet.name) ?? [];
        list.push({ ...toArea(range), name: table.name, hasTotals: table.showTotals });
        tablesBySheet.set(table.worksheet.name, list);
      }
      progress?.(3, 3, "Done");
      return grids.map((g, i) => {
        const grid: Grid = { ...g, rows: rows[i], tables: tablesBySheet.get(g.name) ?? [] };
        if (date1904) grid.date1904 = true;
        if (provenOwned(marked, g.name, (samples[i].values as unknown[][])[0]?.[0])) grid.ownedByPlanMonitor = true;
        return grid;
      });
    });
  }

  // ------------------------------------------------------------------ colour

  async applyColours(plan: ColourPlan, progress?: Progress): Promise<void> {
    this.warnings = [];
    this.requireApi("1.9", "colouring cells by RAG");
    await this.run("colour", "colouring cells (conditional formats on several ranges)", async (context) => {
      progress?.(0, 3, "Checking the sheets");
      const setting = context.workbook.settings.getItemOrNullObject(COLOURING_KEY);
      setting.load("value");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id,items/protection/protected");
      const planSheets = plan.sheets.filter((s) => s.cells.length > 0);
      const listed = new Map<string, Excel.ConditionalFormatCollection>();
      for (const s of planSheets) {
        if (listed.has(s.name.toLowerCase())) continue;
        const cfs = sheets.getItem(s.name).getRange().untrack().conditionalFormats;
        cfs.load(CF_FIELDS);
        listed.set(s.name.toLowerCase(), cfs);
      }
      await context.sync();

      const record = readRecord(setting.isNullObject ? null : setting.value);
      const byId = new Map(sheets.items.map((ws) => [ws.id, ws]));
      const byName = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
      // Sheets an earlier colouring touched that this plan does not list.
      const recordedSheet = (r: ColouringRecord["sheets"][number]) => byId.get(r.sheetId) ?? byName.get(r.name.toLowerCase());
      const extra = record.sheets.map(recordedSheet).filter((ws): ws is Excel.Worksheet => !!ws && !listed.has(ws.name.toLowerCase()));
      for (const ws of extra) {
        const cfs = ws.getRange().untrack().conditionalFormats;
        cfs.load(CF_FIELDS);
        listed.set(ws.name.toLowerCase(), cfs);
      }
      if (extra.length) await context.sync();

      const toDelete = ourFormats(record, byName, listed);
      for (const s of planSheets) if (byName.get(s.name.toLowerCase())?.protection.protected) throw new PlanMonitorError(protectedSheetMessage(byName.get(s.name.toLowerCase())!.name, "colour"), { code: "AccessDenied" });
      for (const d of toDelete) if (d.ws.protection.protected) throw new PlanMonitorError(protectedSheetMessage(d.ws.name, "colour"), { code: "AccessDenied" });

      progress?.(1, 3, "Colouring");
      for (const d of toDelete) {
        // A fresh (untracked) path: the collection loaded in the earlier sync is no longer valid.
        const cfs = d.ws.getRange().untrack().conditionalFormats;
        for (const id of d.ids) cfs.getItem(id).delete();
      }

      // One conditional format per RAG and address chunk (addresses ≤ 8,192 characters).
      type Job = { ws: Excel.Worksheet; rag: Rag; address: string };
      const jobs: Job[] = [];
      for (const s of planSheets) {
        const ws = byName.get(s.name.toLowerCase());
        if (!ws) throw new PlanMonitorError(`The sheet '${s.name}' is no longer in the workbook. Read the workbook again, then colour it.`, { code: "ItemNotFound" });
        const byRag = new Map<Rag, { row: number; col: number }[]>();
        for (const c of s.cells) {
          const list = byRag.get(c.rag) ?? [];
          list.push(c);
          byRag.set(c.rag, list);
        }
        for (const [rag, cells] of byRag) for (const address of chunkAddresses(cellsToAreas(cells).map(areaA1))) jobs.push({ ws, rag, address });
      }
      const created: { sheetId: string; name: string; cf: Excel.ConditionalFormat }[] = [];
      // The deletions queued above travel with the first batch of additions (or,
      // when there is nothing to add, with the save below).
      await this.syncInBatches(context, jobs, {
        estimate: (j) => ({ request: j.address.length + OBJECT_REQUEST_BYTES * 4, response: 300 }),
        queue: (j) => {
          const cf = j.ws.getRanges(j.address).untrack().conditionalFormats.add("Custom");
          cf.custom.rule.formula = "=TRUE";
          cf.custom.format.fill.color = RAG_FILL[j.rag];
          cf.stopIfTrue = true; // the user's lower rules then leave these cells alone
          cf.priority = 0;
          cf.load("id");
          return () => cf;
        },
        done: (j, cf) => {
          created.push({ sheetId: j.ws.id, name: j.ws.name, cf });
        },
      });

      progress?.(2, 3, "Remembering what was coloured");
      const next: ColouringRecord = { version: 1, sheets: [] };
      for (const c of created) {
        let entry = next.sheets.find((s) => s.sheetId === c.sheetId);
        if (!entry) next.sheets.push((entry = { sheetId: c.sheetId, name: c.name, conditionalFormatIds: [] }));
        entry.conditionalFormatIds.push(c.cf.id);
      }
      context.workbook.settings.add(COLOURING_KEY, next);
      await context.sync();
      progress?.(3, 3, "Done");
    });
  }

  /**
   * Remove every rule of Plan Monitor's: the ones the last colouring recorded and,
   * on every sheet, rules that are unmistakably Plan Monitor's (see isOurRule), so
   * colouring done by the command-line tool or before Excel renumbered its rules
   * goes too. The user's own rules and cells are untouched.
   */
  async clearColours(): Promise<void> {
    this.warnings = [];
    await this.run("clear", "removing Plan Monitor's colours", async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(COLOURING_KEY);
      setting.load("value");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id,items/protection/protected");
      await context.sync();
      const record = readRecord(setting.isNullObject ? null : setting.value);
      const byName = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
      const listed = new Map<string, Excel.ConditionalFormatCollection>();
      for (const ws of sheets.items) {
        const cfs = ws.getRange().untrack().conditionalFormats;
        cfs.load(CF_FIELDS);
        listed.set(ws.name.toLowerCase(), cfs);
      }
      await context.sync();
      const toDelete = ourFormats(record, byName, listed);
      for (const d of toDelete) if (d.ws.protection.protected) throw new PlanMonitorError(protectedSheetMessage(d.ws.name, "clear"), { code: "AccessDenied" });
      for (const d of toDelete) {
        // A fresh (untracked) path: the collection loaded in the earlier sync is no longer valid.
        const cfs = d.ws.getRange().untrack().conditionalFormats;
        for (const id of d.ids) cfs.getItem(id).delete();
      }
      if (!setting.isNullObject) setting.delete();
      if (toDelete.length || !setting.isNullObject) await context.sync();
    });
  }

  // ------------------------------------------------------------------ summary sheets

  async writeSheets(specs: SheetSpec[], progress?: Progress): Promise<WriteSheetsResult> {
    this.warnings = [];
    this.requireApi("1.9", "writing summary sheets (page layout, formatting several ranges)");
    return this.run("update", "writing Plan Monitor's summary sheets", async (context) => {
      progress?.(0, specs.length + 1, "Checking the sheets");
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id,items/protection/protected,items/charts/items/name");
      const names = context.workbook.names;
      const probes = specs.map((spec) => probeMarker(context, spec.kind));
      await context.sync();

      const result: WriteSheetsResult = { written: [], notices: [] };
      const byName = new Map(sheets.items.map((ws) => [ws.name.toLowerCase(), ws]));
      const taken = new Set(sheets.items.map((ws) => ws.name.toLowerCase()));
      type Target = { spec: SheetSpec; ws: Excel.Worksheet; name: string; existing: boolean; charts: string[]; staleMarker?: Excel.NamedItem };
      const targets: Target[] = [];
      for (const [i, spec] of specs.entries()) {
        // Ours only when the marker is proved (A1 holds Plan Monitor's title): a
        // marker on a user's sheet is replaced, the sheet left alone.
        const { sheet, marker } = provedSheet(probes[i]);
        const ours = sheet !== null ? byName.get(sheet.toLowerCase()) : undefined;
        if (ours) {
          if (ours.protection.protected) throw new PlanMonitorError(protectedSheetMessage(ours.name, "update"), { code: "AccessDenied" });
          targets.push({ spec, ws: ours, name: ours.name, existing: true, charts: ours.charts.items.map((c) => c.name) });
          continue;
        }
        const name = freeSheetName(spec.name, taken);
        if (taken.has(spec.name.toLowerCase())) result.notices.push(nameClashNotice(spec.name, name));
        taken.add(name.toLowerCase());
        targets.push({ spec, ws: null as unknown as Excel.Worksheet, name, existing: false, charts: [], staleMarker: marker ?? undefined });
      }

      let pending = 0;
      const flushIfFull = async (bytes: number) => {
        if (pending > 0 && pending + bytes > this.options.payloadBudgetBytes) {
          await context.sync();
          pending = 0;
        }
        pending += bytes;
      };
      for (const [i, t] of targets.entries()) {
        progress?.(i + 1, specs.length + 1, `Writing "${t.name}"`);
        await flushIfFull(OBJECT_REQUEST_BYTES * 8);
        if (t.existing) {
          const whole = t.ws.getRange().untrack();
          whole.clear("All");
          whole.format.useStandardWidth = true;
          for (const chart of t.charts) t.ws.charts.getItem(chart).delete();
          t.ws.freezePanes.unfreeze();
        } else {
          t.staleMarker?.delete();
          t.ws = sheets.add(t.name);
          names.add(markerName(t.spec.kind), `=${markerRef(t.name)}`, MARKER_COMMENT);
        }
        await this.queueSheet(t.ws, t.spec, flushIfFull);
        result.written.push({ kind: t.spec.kind, name: t.name });
      }
      await context.sync();
      progress?.(specs.length + 1, specs.length + 1, "Done");
      return result;
    });
  }

  /** Queue the writes of one summary sheet (it is empty when this runs). */
  private async queueSheet(ws: Excel.Worksheet, spec: SheetSpec, flushIfFull: (bytes: number) => Promise<void>): Promise<void> {
    const width = spec.rows.reduce((w, r) => Math.max(w, r.length), 1); // not Math.max(...rows): 200,000 rows overflow the stack
    const height = spec.rows.length;
    const at = (r: number, c: number): SheetCell | null => spec.rows[r]?.[c] ?? null;

    // Per block of rows: number formats first (a text cell takes a string as text,
    // whatever it looks like), one rectangle per run of cells sharing a format; then
    // every value and formula of the block in one Range.formulas (links are
    // =HYPERLINK formulas, see cellFormula: no per-cell hyperlink calls).
    const rowsPerChunk = Math.max(1, Math.floor(WRITE_CHUNK_CELLS / width));
    for (let top = 0; top < height; top += rowsPerChunk) {
      const n = Math.min(rowsPerChunk, height - top);
      const formulas: (string | number | boolean)[][] = [];
      const byFormat = new Map<string, { row: number; col: number }[]>();
      for (let r = top; r < top + n; r++) {
        const row: (string | number | boolean)[] = [];
        for (let c = 0; c < width; c++) {
          const cell = at(r, c);
          const format = cellNumberFormat(cell);
          row.push(cellFormula(cell) ?? asTyped(cell?.value ?? null, format));
          if (format && format !== "General") {
            const list = byFormat.get(format) ?? [];
            list.push({ row: r, col: c });
            byFormat.set(format, list);
          }
        }
        formulas.push(row);
      }
      const formatAreas = [...byFormat].flatMap(([format, cells]) => cellsToAreas(cells).map((area) => ({ format, area })));
      let bytes = utf8Length(JSON.stringify(formulas)) + arrayRequestOverhead(n * width);
      for (const { format, area } of formatAreas) {
        const rows = area.bottom - area.top + 1;
        const cells = rows * (area.right - area.left + 1);
        bytes += cells * (utf8Length(JSON.stringify(format)) + 1) + rows * 3 + arrayRequestOverhead(cells);
      }
      await flushIfFull(bytes);
      for (const { format, area } of formatAreas) {
        const rows = area.bottom - area.top + 1;
        const cols = area.right - area.left + 1;
        const row = Array<string>(cols).fill(format);
        ws.getRangeByIndexes(area.top, area.left, rows, cols).untrack().numberFormat = Array.from({ length: rows }, () => row);
      }
      ws.getRangeByIndexes(top, 0, n, width).untrack().formulas = formulas;
    }

    // Styles: one RangeAreas per distinct style (and address chunk). Link cells are
    // underlined, as the .xlsx host does.
    const groups = new Map<string, { style: SheetCellStyle & { underline?: boolean }; cells: { row: number; col: number }[] }>();
    for (let r = 0; r < height; r++)
      for (let c = 0; c < width; c++) {
        const cell = at(r, c);
        const style = cell?.style as SheetCellStyle | undefined;
        if (!style && !cell?.link) continue;
        const { numberFormat: _nf, ...rest } = (style ?? {}) as SheetCellStyle & { underline?: boolean };
        if (cell?.link) rest.underline = true;
        if (!Object.values(rest).some((v) => v !== undefined && v !== false)) continue;
        const key = JSON.stringify(rest, Object.keys(rest).sort());
        const g = groups.get(key) ?? { style: rest, cells: [] as { row: number; col: number }[] };
        g.cells.push({ row: r, col: c });
        groups.set(key, g);
      }
    for (const { style, cells } of groups.values()) {
      for (const address of chunkAddresses(cellsToAreas(cells).map(areaA1))) {
        await flushIfFull(address.length + OBJECT_REQUEST_BYTES * 6);
        const format = ws.getRanges(address).untrack().format;
        if (style.fill) format.fill.color = style.fill;
        if (style.bold) format.font.bold = true;
        if (style.italic) format.font.italic = true;
        if (style.underline) format.font.underline = "Single";
        if (style.fontColor) format.font.color = style.fontColor;
        if (style.fontSize) format.font.size = style.fontSize;
        if (style.horizontal) format.horizontalAlignment = style.horizontal === "left" ? "Left" : style.horizontal === "center" ? "Center" : "Right";
        if (style.wrap) format.wrapText = true;
        if (style.border)
          for (const side of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const) {
            const b = format.borders.getItem(side);
            b.style = "Continuous";
            b.weight = "Thin";
          }
      }
    }

    for (const m of spec.merges ?? []) {
      await flushIfFull(OBJECT_REQUEST_BYTES);
      ws.getRange(areaA1(m)).untrack().merge(false);
    }

    // Column widths are given in characters (as in .xlsx files); Office.js wants points.
    const widths = spec.columnWidths ?? [];
    for (let c = 0; c < widths.length; c++) {
      const w = widths[c];
      if (!(w > 0)) continue;
      let end = c;
      while (end + 1 < widths.length && widths[end + 1] === w) end++;
      await flushIfFull(OBJECT_REQUEST_BYTES);
      ws.getRange(`${columnLetter(c)}:${columnLetter(end)}`).untrack().format.columnWidth = charsToPoints(w);
      c = end;
    }

    for (const chart of spec.charts ?? []) {
      await flushIfFull(OBJECT_REQUEST_BYTES * 10);
      const { top, left, bottom, right } = chart.range;
      const source = ws.getRangeByIndexes(top, left, bottom - top + 1, right - left + 1).untrack();
      const added = ws.charts.add(chart.kind === "barStacked" ? "BarStacked" : "Line", source, chart.seriesBy === "rows" ? "Rows" : "Columns");
      added.title.text = chart.title;
      added.setPosition(cellAddress(chart.anchor.row, chart.anchor.col));
      // The first row/column holds labels: one series per remaining column (or row).
      const series = chart.seriesBy === "rows" ? bottom - top : right - left;
      (chart.colours ?? []).slice(0, Math.max(0, series)).forEach((colour, i) => added.series.getItemAt(i).format.fill.setSolidColor(colour));
    }

    if (spec.print) {
      await flushIfFull(OBJECT_REQUEST_BYTES * 4);
      const page = ws.pageLayout;
      page.orientation = spec.print.landscape ? "Landscape" : "Portrait";
      page.zoom = { horizontalFitToPages: spec.print.fitToPagesWide, verticalFitToPages: 0 };
      if (spec.print.repeatRows) page.setPrintTitleRows(`$${spec.print.repeatRows.first + 1}:$${spec.print.repeatRows.last + 1}`);
      page.headersFooters.defaultForAllPages.centerFooter = spec.print.footer ?? "";
    }
    if (spec.freezeRows && spec.freezeRows > 0) ws.freezePanes.freezeRows(spec.freezeRows);
    ws.visibility = spec.hidden ? "Hidden" : "Visible";
  }

  async readOwnedSheet(kind: string): Promise<SheetCellValue[][] | null> {
    this.warnings = [];
    return this.run("read", "reading Plan Monitor's own sheet", async (context) => {
      const probe = probeMarker(context, kind);
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const { sheet } = provedSheet(probe);
      const ws = sheet !== null ? sheets.items.find((s) => s.name.toLowerCase() === sheet.toLowerCase()) : undefined;
      if (!ws) return null;
      const used = ws.getUsedRangeOrNullObject(true).untrack();
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      if (used.isNullObject) return [];
      const area = toArea(used);
      const out: SheetCellValue[][] = Array.from({ length: area.bottom + 1 }, () => Array<SheetCellValue>(area.right + 1).fill(null));
      let bytesPerCell = this.options.bytesPerCellEstimate;
      await this.syncInBatches(context, blocksFor(0, area, this.options.maxCellsPerBlock), {
        estimate: (b) => ({ request: OBJECT_REQUEST_BYTES, response: b.rows * b.cols * bytesPerCell }),
        queue: (b) => {
          const range = ws.getRangeByIndexes(b.top, b.left, b.rows, b.cols).untrack().load("values");
          return () => range.values as unknown[][];
        },
        done: (b, values) => {
          if (b.rows * b.cols >= 1000) bytesPerCell = Math.max(4, (JSON.stringify(values).length / (b.rows * b.cols)) * 1.25);
          values.forEach((row, i) =>
            row.forEach((v, j) => {
              out[b.top + i][b.left + j] = v === "" || v === undefined ? null : (v as SheetCellValue);
            }),
          );
        },
        split: splitBlock,
      });
      return out;
    });
  }

  // ------------------------------------------------------------------ selection

  /**
   * Show a cell to the user: activate its sheet and select it (an A1 address such as
   * "I31" or "B4:C6"), in one Excel.run and one round trip.
   */
  async selectCell(sheetName: string, address: string): Promise<void> {
    // Leaves `warnings` alone: they still describe the last read or write.
    await this.run("select", `selecting ${address} on the sheet '${sheetName}'`, async (context) => {
      const ws = context.workbook.worksheets.getItem(sheetName);
      ws.activate();
      ws.getRange(address).untrack().select();
      await context.sync();
    });
  }

  /** The sheet and 1-based row of the cell the user has selected (the top row of a larger selection). */
  async selectedCell(): Promise<{ sheet: string; row: number }> {
    return this.run("select", "reading which cell is selected", async (ctx) => {
      // The selection is on the active sheet.
      const selected = ctx.workbook.getSelectedRange().load("rowIndex");
      const active = ctx.workbook.worksheets.getActiveWorksheet().load("name");
      await ctx.sync();
      return { sheet: active.name, row: selected.rowIndex + 1 };
    });
  }

  // ------------------------------------------------------------------ settings

  /** The saved settings, or the defaults (with a warning in plain words when what was saved is not valid). */
  async loadSettings(): Promise<{ settings: Settings; warning?: string }> {
    this.warnings = [];
    const raw = await this.run("read", "reading Plan Monitor's settings", async (context) => {
      const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
      item.load("value");
      await context.sync();
      return item.isNullObject ? undefined : (item.value as unknown);
    });
    if (raw === undefined || raw === null) return { settings: defaultSettings() };
    try {
      const value = typeof raw === "string" ? JSON.parse(raw) : raw;
      return { settings: parseSettings(value) };
    } catch (e) {
      const why = e instanceof SyntaxError ? "they are not readable" : e instanceof Error ? e.message.replace(/\.$/, "") : String(e);
      const warning = `Plan Monitor could not use the settings saved in this workbook (${why}), so it is using the standard settings. Save your settings again to replace them.`;
      this.warnings.push(warning);
      return { settings: defaultSettings(), warning };
    }
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.warnings = [];
    const checked = SettingsSchema.safeParse(settings);
    if (!checked.success) {
      const first = checked.error.issues[0];
      throw new PlanMonitorError(`These settings cannot be saved${first?.path.length ? ` (${first.path.join(".")})` : ""}: ${first?.message ?? "they are not valid"}.`);
    }
    await this.run("save", "saving Plan Monitor's settings", async (context) => {
      context.workbook.settings.add(SETTINGS_KEY, JSON.parse(JSON.stringify(checked.data)));
      await context.sync();
    });
  }
}

// ------------------------------------------------------------------ helpers

function readRecord(value: unknown): ColouringRecord {
  const empty: ColouringRecord = { version: 1, sheets: [] };
  let v = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return empty;
    }
  }
  if (!v || typeof v !== "object" || !Array.isArray((v as ColouringRecord).sheets)) return empty;
  const sheets = (v as ColouringRecord).sheets
    .filter((s) => s && typeof s.sheetId === "string" && Array.isArray(s.conditionalFormatIds))
    .map((s) => ({ sheetId: s.sheetId, name: String(s.name ?? ""), conditionalFormatIds: s.conditionalFormatIds.filter((id): id is string => typeof id === "string") }));
  return { version: 1, sheets };
}

/** The text in the rule formulas the .xlsx host writes (engine/writeback.ts, COLOUR_MARKER). */
export const XLSX_COLOUR_MARKER = COLOUR_MARKER;

/**
 * Whether a loaded rule is Plan Monitor's: recorded by id, or written by the
 * .xlsx host (its formula carries XLSX_COLOUR_MARKER), or this host's own shape
 * (custom, "=TRUE", stop-if-true, fill exactly one of the RAG colours) in case
 * Excel gave it a new id (Excel does not promise ids survive reopening a workbook).
 */
function isOurRule(cf: Excel.ConditionalFormat, recorded: Set<string>): boolean {
  if (recorded.has(cf.id)) return true;
  const custom = cf.type === "Custom" ? cf.customOrNullObject : undefined;
  if (!custom || custom.isNullObject) return false;
  return isPlanMonitorRule({ custom: true, formulas: [custom.rule.formula ?? ""], fill: custom.format.fill.color, stopIfTrue: cf.stopIfTrue });
}

/** Plan Monitor's rules that are still there, per listed sheet (the user may have deleted some, or whole sheets). */
function ourFormats(
  record: ColouringRecord,
  byName: Map<string, Excel.Worksheet>,
  listed: Map<string, Excel.ConditionalFormatCollection>,
): { ws: Excel.Worksheet; cfs: Excel.ConditionalFormatCollection; ids: string[] }[] {
  const recorded = new Set(record.sheets.flatMap((r) => r.conditionalFormatIds));
  const out: { ws: Excel.Worksheet; cfs: Excel.ConditionalFormatCollection; ids: string[] }[] = [];
  for (const [name, cfs] of listed) {
    const ws = byName.get(name);
    if (!ws) continue;
    const ids = [...new Set(cfs.items.filter((cf) => isOurRule(cf, recorded)).map((cf) => cf.id))];
    if (ids.length) out.push({ ws, cfs, ids });
  }
  return out;
}

/** A date-formatted number and the text Excel displays for it. */
interface DateSample {
  value: number;
  format: string;
  text: string;
}

/** How many displayed dates the 1904 check looks at. */
const DATE_SAMPLE_ROWS = 200;

/** Keep a date-formatted number and its displayed text for the 1904 check (the first DATE_SAMPLE_ROWS). */
function sampleDate(samples: DateSample[], value: unknown, format: string | undefined, text: string | undefined): void {
  if (samples.length < DATE_SAMPLE_ROWS && typeof value === "number" && format && text !== undefined && isDateFormat(format)) samples.push({ value, format, text });
}

/**
 * Whether the workbook counts dates from 1904. Office.js does not say (before
 * Workbook.use1904DateSystem, which this client lacks), so compare the text Excel
 * shows for date-formatted numbers with both readings of the serial; true only
 * when the 1904 reading matches more cells. Locale-dependent formats (the system
 * short date) match neither reading and do not count.
 */
function detectDate1904(samples: readonly DateSample[]): boolean {
  let as1900 = 0;
  let as1904 = 0;
  for (const { value, format, text } of samples.slice(0, DATE_SAMPLE_ROWS)) {
    if (formatNumber(format, value) === text) as1900++;
    else if (formatNumber(format, value + 1462) === text) as1904++;
  }
  return as1904 > as1900;
}

const formatNumber = (pattern: string, value: number): string => {
  try {
    return format(pattern, value);
  } catch {
    return "";
  }
};

/** One grid cell from what Office.js reported, or undefined for an empty cell. */
function gridCell(value: unknown, text: string | undefined, format: string | undefined, type: string | undefined): Cell | undefined {
  if (value === "" || value === null || value === undefined) return undefined;
  let v: CellValue;
  if (type === "Error") v = { error: String(value) };
  else if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") v = value;
  else v = String(value);
  const shown = text ?? (typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value));
  const cell: Cell = { value: v, text: shown };
  if (format !== undefined) cell.format = format;
  return cell;
}
