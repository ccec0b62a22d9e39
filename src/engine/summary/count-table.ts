// The table both summaries share: label × Blue/Green/Amber/Red/Grey/Total/% complete,
// a totals line and, for themes, the change in each RAG since the last report.
// Figures are plain numbers (no formulas) so every host writes the same values.
import type { CountRow, RagCounts } from "../counts";
import { HEALTH_FILL, HEALTH_LABEL, planHealth, type HealthThresholds } from "../health";
import { RAG_FILL, type ChartSpec, type SheetCell } from "../writeback";
import { textKey } from "../text";
import { CHANGE, NUMBER, PERCENT, RAG_ORDER, ragHeader, shortDate, TEXT } from "./common";
import { cell, headerCell, type Row, type SheetBuilder } from "./sheet-builder";

/** Column layout (0-based). */
export const COUNT_COLUMNS = { label: 0, firstRag: 1, total: 6, complete: 7, firstChange: 8 } as const;
export const COUNT_TABLE_WIDTH = 8;
export const CHANGE_WIDTH = 5;

export interface ChangeBasis {
  /** As-at date of the report compared with; null when there is none yet. */
  since: string | null;
  /** Counts per label key (textKey) in that report. */
  byKey: ReadonlyMap<string, RagCounts>;
  total: RagCounts | null;
}

/** Slipped actions (due date moved later) per label key (textKey), and in all. */
export interface SlippedBasis {
  byKey: ReadonlyMap<string, number>;
  total: number;
}

export interface CountTable {
  headerRow: number;
  firstRow: number;
  /** Last label row (before the totals line). */
  lastRow: number;
  totalRow: number;
}

/**
 * The table; with `health`, a Plan health column after the others (after the
 * change columns when there are some): On track / At risk / Off track on its colour;
 * with `slipped`, a Slipped column (actions whose due date moved later) after that.
 */
export function countTable(
  b: SheetBuilder,
  asAt: string,
  labelHeader: string,
  rows: readonly CountRow[],
  total: CountRow,
  change?: ChangeBasis,
  health?: HealthThresholds,
  slipped?: SlippedBasis,
): CountTable {
  groupHeader(b, asAt, change, health);
  const headerRow = b.add([
    headerCell(labelHeader, { horizontal: "left" }),
    ...RAG_ORDER.map(ragHeader),
    headerCell("Total"),
    headerCell("% complete"),
    ...(change ? RAG_ORDER.map(ragHeader) : []),
    ...(health ? [headerCell("Health")] : []),
    ...(slipped ? [headerCell("Slipped")] : []),
  ]);
  const firstRow = b.next;
  const withHealth = (cells: Row, row: CountRow, slips: number, bold = false): Row => [
    ...cells,
    ...(health ? [healthCell(row, health, bold)] : []),
    ...(slipped ? [cell(slips, { ...NUMBER, ...(bold ? { bold: true } : {}) })] : []),
  ];
  for (const row of rows)
    b.add(withHealth(countRow(row, TEXT, change && changeOf(row.counts, change.byKey.get(textKey(row.label)), change)), row, slipped?.byKey.get(textKey(row.label)) ?? 0));
  const lastRow = b.next - 1;
  const totalRow = b.add(withHealth(countRow(total, { ...TEXT, bold: true }, change && changeOf(total.counts, change.total ?? undefined, change), true), total, slipped?.total ?? 0, true));
  return { headerRow, firstRow, lastRow, totalRow };
}

/** The health word on its colour; bold on the totals line. */
function healthCell(row: CountRow, t: HealthThresholds, bold: boolean): SheetCell {
  const h = planHealth(row.counts, t);
  return cell(HEALTH_LABEL[h], { ...(bold ? { bold: true } : {}), fill: HEALTH_FILL[h], border: true, horizontal: "center" });
}

/** Column of the health cells (0-based) in a table with or without change columns. */
export const healthColumn = (withChange: boolean): number => COUNT_COLUMNS.firstChange + (withChange ? CHANGE_WIDTH : 0);

function groupHeader(b: SheetBuilder, asAt: string, change: ChangeBasis | undefined, health: HealthThresholds | undefined): void {
  const { firstRag, complete, firstChange } = COUNT_COLUMNS;
  const row: Row = [null, headerCell(`Actions by RAG as at ${shortDate(asAt)}`)];
  if (change) {
    row[firstChange] = headerCell(change.since ? `Change since ${shortDate(change.since)}` : "Change (no earlier report)");
  }
  if (health) row[healthColumn(Boolean(change))] = headerCell("Plan health");
  const r = b.add(row);
  b.merge(r, firstRag, r, complete);
  if (change) b.merge(r, firstChange, r, firstChange + CHANGE_WIDTH - 1);
}

/** Changes per RAG, or nulls when there is nothing to compare with. */
function changeOf(now: RagCounts, before: RagCounts | undefined, basis: ChangeBasis): (number | null)[] {
  if (!basis.since) return RAG_ORDER.map(() => null);
  return RAG_ORDER.map((rag) => now[rag] - (before?.[rag] ?? 0));
}

function countRow(row: CountRow, labelStyle: typeof TEXT, changes: (number | null)[] | undefined, bold = false): Row {
  const b = bold ? { bold: true } : {};
  return [
    cell(row.label, labelStyle),
    ...RAG_ORDER.map((rag) => cell(row.counts[rag], { ...NUMBER, ...b })),
    cell(row.counts.total, { ...NUMBER, ...b }),
    cell(row.complete, { ...PERCENT, ...b }),
    ...(changes ?? []).map((v) => cell(v, { ...CHANGE, ...b })),
  ];
}

/** A stacked bar of a count table's RAG columns, one bar per row (themes or owners). */
export function ragBarChart(title: string, table: CountTable, anchorRow: number): ChartSpec {
  return {
    kind: "barStacked",
    title,
    range: { top: table.headerRow, left: COUNT_COLUMNS.label, bottom: table.lastRow, right: COUNT_COLUMNS.firstRag + RAG_ORDER.length - 1 },
    seriesBy: "columns",
    colours: RAG_ORDER.map((rag) => RAG_FILL[rag]),
    anchor: { row: anchorRow, col: 0 },
  };
}
