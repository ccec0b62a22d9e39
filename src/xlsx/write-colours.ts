// RAG colouring in an .xlsx file, reversibly: as conditional formats (one rule
// per RAG per sheet), never by changing a cell's value or its own fill. Each
// rule's formula carries a marker, so clearing removes exactly Plan Monitor's
// rules and colouring twice is the same as colouring once.
import type ExcelJS from "exceljs";
import { columnLetter } from "../engine/grid";
import type { Rag } from "../engine/report";
import { RAG_FILL, colourFormula, isPlanMonitorRule, type ColourCell, type ColourPlan } from "../engine/writeback";

/** The marker and the formula are the engine's (one rule for both hosts); re-exported for callers of this module. */
export { COLOUR_MARKER, colourFormula } from "../engine/writeback";

type CfEntry = ExcelJS.ConditionalFormattingOptions;
type CfRule = ExcelJS.ConditionalFormattingRule & { priority?: number };

/** Plan Monitor's rule (engine/writeback.ts, isPlanMonitorRule); exceljs does not read stop-if-true, so that part is not checked here. */
function isOurs(rule: CfRule): boolean {
  const fill = (rule as { style?: { fill?: { bgColor?: { argb?: string } } } }).style?.fill?.bgColor?.argb;
  const formulas = rule.type === "expression" ? (rule.formulae ?? []).map((f: unknown) => String(f)) : [];
  return isPlanMonitorRule({ custom: rule.type === "expression", formulas, fill });
}

const entriesOf = (ws: ExcelJS.Worksheet): CfEntry[] => (ws as unknown as { conditionalFormattings: CfEntry[] }).conditionalFormattings ?? [];

/** Remove Plan Monitor's rules from a sheet; the user's rules get back the priorities they had before ours went on top. */
export function clearSheetColours(ws: ExcelJS.Worksheet): void {
  const entries = entriesOf(ws);
  const ours = entries.flatMap((e) => e.rules as CfRule[]).filter(isOurs).length;
  if (!ours) return;
  const kept = entries
    .map((e) => ({ ...e, rules: (e.rules as CfRule[]).filter((r) => !isOurs(r)) }))
    .filter((e) => e.rules.length > 0);
  const theirs = kept.flatMap((e) => e.rules as CfRule[]);
  if (theirs.every((r) => (r.priority ?? Infinity) > ours)) for (const r of theirs) if (r.priority) r.priority -= ours;
  ws.removeConditionalFormatting(() => false);
  for (const e of kept) ws.addConditionalFormatting(e);
}

export function clearColours(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) clearSheetColours(ws);
}

/** Replace Plan Monitor's colouring with the plan's; ours take priority over the user's own rules while applied. */
export function applyColours(wb: ExcelJS.Workbook, plan: ColourPlan): void {
  clearColours(wb);
  for (const sheet of plan.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws || !sheet.cells.length) continue;
    const byRag = groupByRag(sheet.cells);
    for (const r of entriesOf(ws).flatMap((e) => e.rules as CfRule[])) if (r.priority) r.priority += byRag.size;
    let priority = 1;
    for (const [rag, cells] of byRag) {
      ws.addConditionalFormatting({
        ref: compactRanges(cells).join(" "),
        rules: [{ type: "expression", formulae: [colourFormula(rag)], priority: priority++, style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${RAG_FILL[rag].slice(1)}` } } } } as CfRule],
      });
    }
  }
}

function groupByRag(cells: readonly ColourCell[]): Map<Rag, ColourCell[]> {
  const groups = new Map<Rag, ColourCell[]>();
  for (const c of cells) {
    const group = groups.get(c.rag);
    if (group) group.push(c);
    else groups.set(c.rag, [c]);
  }
  return groups;
}

/** Cells as A1 ranges, consecutive rows of a column joined: ["E5:E9", "E12"]. */
export function compactRanges(cells: readonly { row: number; col: number }[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const rows = byCol.get(col);
    if (rows) rows.push(row);
    else byCol.set(col, [row]);
  }
  const ranges: string[] = [];
  for (const [col, rows] of [...byCol].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let start = sorted[0];
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i] === sorted[i - 1] + 1) continue;
      const end = sorted[i - 1];
      const letter = columnLetter(col);
      ranges.push(start === end ? `${letter}${start + 1}` : `${letter}${start + 1}:${letter}${end + 1}`);
      start = sorted[i];
    }
  }
  return ranges;
}
