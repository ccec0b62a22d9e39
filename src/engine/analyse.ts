// The engine's entry point: grids in, the plan report out.
// read grid → recognise layout → interpret values → RAG as at → findings.
import { columnIsMonthFirst, findPlanPeriod, findUpdatedDate, parseDueCell, type PlanPeriod } from "./dates";
import * as F from "./findings";
import { cellText, columnIndex, columnLetter, isCellError, type Cell, type Grid } from "./grid";
import { addressOf, recogniseSheet, type LaidOutItem, type LayoutOverride, type SheetLayout } from "./layout/sheet";
import { splitOwners } from "./owners";
import { daysOverdue, ragAsAt } from "./rag";
import type { Finding, Item, PlanReport, Role, SheetReport, SkippedSheet } from "./report";
import { defaultSettings, type Settings, type SheetOverride } from "./settings";
import { completionTest, reportedRag } from "./status";
import { excerpt, hasHtml, normalise, plainText, stripHtml } from "./text";

export interface AnalyseOptions {
  /** ISO date the RAG is computed against. */
  asAt: string;
  settings?: Settings;
}

export function analyseWorkbook(grids: readonly Grid[], options: AnalyseOptions): PlanReport {
  const settings = options.settings ?? defaultSettings();
  const isComplete = completionTest(settings.completeWords);
  const report: PlanReport = { asAt: options.asAt, sheets: [], skipped: [] };
  for (const grid of grids) {
    const result = analyseSheet(grid, options.asAt, settings, isComplete);
    if ("items" in result) report.sheets.push(result);
    else report.skipped.push(result);
  }
  return report;
}

function analyseSheet(grid: Grid, asAt: string, settings: Settings, isComplete: (s: string) => boolean): SheetReport | SkippedSheet {
  if (grid.ownedByPlanMonitor) return { name: grid.name, reason: "this is one of Plan Monitor's own summary sheets" };
  const override = settings.sheets[grid.name];
  if (override?.ignore) return { name: grid.name, reason: "you chose to leave this sheet out" };
  const result = recogniseSheet(grid, layoutOverride(override));
  if (!result.ok) return { name: grid.name, reason: result.reason };
  const { layout } = result;
  const period = findPlanPeriod(layout.preamble);
  const context: ItemContext = {
    asAt,
    amberDays: settings.amberDays,
    isComplete,
    period,
    monthFirst: columnIsMonthFirst(layout.items.map((it) => (it.values.due?.how === "own" ? plainText(it.values.due.cell) : "")).filter(Boolean)),
    date1904: Boolean(grid.date1904),
    columns: layout.header.columns,
  };
  return {
    name: grid.name,
    headerRow: layout.header.row + 1,
    columns: columnLetters(layout.header.columns),
    repeatedHeaderRows: layout.repeatedHeaderRows.map((r) => r + 1),
    confidence: Number(layout.header.confidence.toFixed(2)),
    planPeriod: period,
    updated: findUpdatedDate(layout.preamble),
    items: layout.items.map((it) => assessItem(it, context)),
    findings: sheetFindings(layout),
  };
}

function layoutOverride(o: SheetOverride | undefined): LayoutOverride {
  if (!o) return {};
  const columns = o.columns
    ? Object.fromEntries(Object.entries(o.columns).map(([role, letter]) => [role, columnIndex(letter as string)]))
    : undefined;
  return { headerRow: o.headerRow !== undefined ? o.headerRow - 1 : undefined, columns };
}

const columnLetters = (cols: Partial<Record<Role, number>>): SheetReport["columns"] =>
  Object.fromEntries(Object.entries(cols).map(([role, c]) => [role, columnLetter(c as number)]));

interface ItemContext {
  asAt: string;
  amberDays: number;
  isComplete: (status: string) => boolean;
  period: PlanPeriod | null;
  monthFirst: boolean;
  date1904: boolean;
  columns: Partial<Record<Role, number>>;
}

function assessItem(it: LaidOutItem, ctx: ItemContext): Item {
  const v = it.values;
  const text = (role: Role): string => (v[role] ? plainText(v[role]!.cell) : "");
  const at = (role: Role): F.At => {
    const c = ctx.columns[role] ?? ctx.columns.subAction ?? ctx.columns.action ?? 0;
    return { column: columnLetter(c), row: (v[role]?.row ?? it.row) + 1 };
  };
  const status = normalise(text("status"));
  const complete = status !== "" && ctx.isComplete(status);
  const reading = parseDueCell(withoutHtml(v.due?.cell), { period: ctx.period, monthFirst: ctx.monthFirst, date1904: ctx.date1904 });
  const due = reading.due;
  const rag = ragAsAt({ complete, due }, ctx.asAt, ctx.amberDays);
  const late = complete ? 0 : daysOverdue(due, ctx.asAt);
  const progressParts = [v.progress && v.progress.how !== "inherited" ? text("progress") : "", ...(it.carriedOver.progress ?? [])].filter(Boolean);
  const progress = progressParts.join(" ");
  const owners = splitOwners(text("owner"));

  const findings: Finding[] = [];
  if (owners.length === 0) findings.push(F.noOwner(at("owner"), ctx.columns.owner !== undefined));
  if (!complete) {
    const dueFinding = F.dueFinding(reading, text("due"), at("due"), ctx.columns.due !== undefined);
    if (dueFinding) findings.push(dueFinding);
  }
  const reported = status ? reportedRag(status, complete) : null;
  if (reported && reported !== rag && !(reported === "green" && rag === "grey"))
    findings.push(F.ragMismatch(at("status"), status, reported, rag, ctx.asAt, due, late));
  // Without a progress column no item could have a note: say nothing rather than flag every late item.
  if ((rag === "amber" || rag === "red") && !progress && ctx.columns.progress !== undefined)
    findings.push(F.overdueNoProgress(at("progress"), late));
  for (const role of Object.keys(v) as Role[]) {
    const source = v[role]!;
    if (source.how !== "own") continue;
    const where = { column: columnLetter(source.col), row: source.row + 1 };
    if (isCellError(source.cell.value)) findings.push(F.errorValue(where, source.cell.value.error));
    else if (hasHtml(cellText(source.cell))) findings.push(F.htmlInText(where));
  }

  return {
    row: it.row + 1,
    theme: it.theme,
    ref: it.ref,
    owners,
    due,
    status,
    rag,
    complete,
    text: excerpt(text("subAction") || text("action"), 200),
    progress: excerpt(progress, 300),
    dueText: text("due"),
    daysOverdue: late,
    cells: {
      text: addressOf(v.subAction ?? v.action),
      owner: addressOf(v.owner),
      due: addressOf(v.due),
      status: addressOf(v.status),
    },
    findings,
  };
}

function sheetFindings(layout: SheetLayout): Finding[] {
  const firstCol = Math.min(...layout.header.keys.keys());
  return layout.repeatedHeaderRows.map((r) => F.repeatedHeader({ column: columnLetter(firstCol), row: r + 1 }));
}

/** A text cell with pasted HTML removed, so "<p>September 2016</p>" reads as a date. */
function withoutHtml(cell: Cell | undefined): Cell | undefined {
  if (!cell || typeof cell.value !== "string" || !hasHtml(cell.value)) return cell;
  const text = stripHtml(cell.value);
  return { ...cell, value: text, text };
}
