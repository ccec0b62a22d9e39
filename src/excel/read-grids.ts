// readGrids for the Office host: every worksheet as a grid, in a constant number
// of syncs (3 up to `singlePassCellLimit` cells, else 4; more only when the data
// passes the payload budget): sheets and names; used ranges and a small sample of
// each sheet's values; then cells and merges, packed close to the budget.
import type { Cell, Grid, MergedArea, TableArea } from "../engine/grid";
import type { Progress } from "../engine/host";
import { parseAddressList } from "./a1";
import { OBJECT_REQUEST_BYTES, blocksFor, splitBlock, syncInBatches, toArea, type Area, type Block } from "./batching";
import { ERROR_LITERAL, detectDate1904, gridCell, sampleDate, type DateSample } from "./grid-cells";
import type { SizeOptions } from "./options";
import { markedSheets, provenKind } from "./owned";

/** Merged areas are read in chunks of at most this many cells, so no chunk can hold more than 512 of them. */
const MERGE_CHUNK_CELLS = 512;
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

/** Read every worksheet of the workbook as a grid (merged areas only when Excel can report them). */
export async function readGrids(context: Excel.RequestContext, options: SizeOptions, mergesSupported: boolean, progress?: Progress): Promise<Grid[]> {
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
  valueAreas.forEach((a, i) => a && blocks.push(...blocksFor(i, a, options.maxCellsPerBlock)));
  const totalCells = blocks.reduce((n, b) => n + b.rows * b.cols, 0);
  const singlePass = totalCells <= options.singlePassCellLimit;

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
  let bytesPerCell = sampledBytesPerCell(samples.map((r) => r.values as unknown[][]), valueAreas, options.bytesPerCellEstimate) * factor;
  const loaded: Loaded[] = [];
  const dateSamples: DateSample[] = [];
  progress?.(2, 3, `Reading ${totalCells} cells`);
  await syncInBatches<Work, string | Excel.Range | null>(context, options.payloadBudgetBytes, work, {
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
    const kind = provenKind(marked, g.name, (samples[i].values as unknown[][])[0]?.[0]);
    if (kind !== null) Object.assign(grid, { ownedByPlanMonitor: true, ownedKind: kind });
    // Hidden sheets are read as any other; the pane names them (loaded with the list of sheets).
    const visibility = sheets.items[i].visibility;
    if (visibility === "Hidden") grid.visibility = "hidden";
    else if (visibility === "VeryHidden") grid.visibility = "veryHidden";
    return grid;
  });
}
