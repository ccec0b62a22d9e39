// The engine's entry point: grids in, the plan report out.
// read grid → recognise layout → interpret values → RAG as at → findings.
import { columnIsMonthFirst, findPlanPeriod, findUpdatedDate, parseDueCell, type DueReading, type PlanPeriod } from "./dates";
import * as F from "./findings";
import { cellText, columnIndex, columnLetter, isCellError, type Cell, type Grid } from "./grid";
import { addressOf, recogniseSheet, type LaidOutItem, type LayoutOverride, type SheetLayout } from "./layout/sheet";
import { lostMarkerReason } from "./owned";
import { splitOwners } from "./owners";
import { daysOverdue, ragAsAt } from "./rag";
import type { ColumnEvidence as LayoutEvidence } from "./layout/columns";
import type { ColumnEvidence, Finding, Item, PlanReport, Rag, Role, SheetReport, SkippedSheet } from "./report";
import { defaultSettings, type Settings, type SheetOverride } from "./settings";
import { completionTest, reportedRag } from "./status";
import { excerpt, hasHtml, normalise, stripHtml } from "./text";

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
  const lostMarker = lostMarkerReason(grid); // an old summary whose marker was lost is never read as a plan
  if (lostMarker) return { name: grid.name, reason: lostMarker };
  const override = settings.sheets[grid.name];
  if (override?.ignore) return { name: grid.name, reason: "you chose to leave this sheet out" };
  // Items are assessed as the sheet is read (ItemSink), dates in UK order; a due
  // column whose dates only make sense month-first is known only at the end, and
  // then the few items with a numeric date like 08-31-2024 are read again.
  let context: ItemContext | undefined;
  const items: Item[] = [];
  const ownDueTexts: string[] = [];
  const numericDue: [number, LaidOutItem][] = [];
  const result = recogniseSheet(grid, layoutOverride(override), {
    start: (header, preamble) => {
      context = itemContext(header.columns, findPlanPeriod(preamble), asAt, settings, isComplete, Boolean(grid.date1904));
    },
    item: (it) => {
      const due = dueSource(it.values);
      if (due?.how === "own") ownDueTexts.push(due.text);
      if (due && mayReadMonthFirst(due.cell)) numericDue.push([items.length, it]);
      items.push(assessItem(it, context!));
    },
  });
  if (!result.ok) {
    const c = result.candidate;
    const candidate = c && c.evidence.length ? { headerRow: c.row + 1, columns: columnLetters(c.columns), evidence: evidenceOf(c.evidence) } : undefined;
    return candidate ? { name: grid.name, reason: result.reason, candidate } : { name: grid.name, reason: result.reason };
  }
  const { layout } = result;
  if (columnIsMonthFirst(ownDueTexts)) {
    const monthFirst: ItemContext = { ...context!, monthFirst: true, dueTexts: new Map() };
    for (const [i, it] of numericDue) items[i] = assessItem(it, monthFirst);
  }
  return {
    name: grid.name,
    headerRow: layout.header.row + 1,
    columns: columnLetters(layout.header.columns),
    repeatedHeaderRows: layout.repeatedHeaderRows.map((r) => r + 1),
    confidence: Number(layout.header.confidence.toFixed(2)),
    evidence: evidenceOf(layout.header.evidence),
    planPeriod: context!.period,
    updated: findUpdatedDate(layout.preamble),
    items,
    findings: sheetFindings(layout),
  };
}

function itemContext(
  columns: Partial<Record<Role, number>>,
  period: PlanPeriod | null,
  asAt: string,
  settings: Settings,
  isComplete: (s: string) => boolean,
  date1904: boolean,
): ItemContext {
  return {
    asAt,
    amberDays: settings.amberDays,
    isComplete,
    period,
    monthFirst: false,
    date1904,
    columns,
    roles: (Object.keys(columns) as Role[]).sort((a, b) => columns[a]! - columns[b]!), // findings in column order
    owners: new Map(),
    dueTexts: new Map(),
    statuses: new Map(),
    lateness: new Map(),
  };
}

// A date read differently month-first is digits, a mark, digits ("08-31-2024", "3rd/4/2020"):
// a due text without one reads the same either way.
const NUMERIC_PAIR = /\d(?:st|nd|rd|th)?[/.\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]\d/i;
const mayReadMonthFirst = (cell: Cell): boolean =>
  (typeof cell.value === "string" && NUMERIC_PAIR.test(cell.value)) || (typeof cell.text === "string" && NUMERIC_PAIR.test(cell.text));

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
  /** The roles of the header's columns, in the order they were found. */
  roles: Role[];
  // Plans repeat the same owners, due texts and statuses on many rows: each is
  // read once per sheet (a big plan is read several times faster).
  /** Owner cell text → owners (copied for each item: items never share an array). */
  owners: Map<string, readonly string[]>;
  /** Due cell text → its reading. */
  dueTexts: Map<string, DueReading>;
  /** Status → is it complete, and the RAG it reports. */
  statuses: Map<string, { complete: boolean; reported: Rag | null }>;
  /** Due date of an item not complete → its RAG and days overdue as at the report date. */
  lateness: Map<string, { rag: Rag; late: number }>;
}

const MAX_REMEMBERED = 10_000;

function remember<T>(cache: Map<string, T>, key: string, read: (key: string) => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = read(key);
    if (cache.size < MAX_REMEMBERED) cache.set(key, value);
  }
  return value;
}

const ownersOf = (text: string, ctx: ItemContext): string[] => remember(ctx.owners, text, splitOwners).slice();

function dueReadingOf(cell: Cell | undefined, ctx: ItemContext): DueReading {
  const plain = withoutHtml(cell);
  if (plain && typeof plain.value === "string" && plain.value !== "") return remember(ctx.dueTexts, plain.value, () => parseDueCell(plain, ctx));
  return parseDueCell(plain, ctx);
}

const statusOf = (status: string, ctx: ItemContext): { complete: boolean; reported: Rag | null } =>
  remember(ctx.statuses, status, () => {
    const complete = status !== "" && ctx.isComplete(status);
    return { complete, reported: status ? reportedRag(status, complete) : null };
  });

function ragOf(complete: boolean, due: string | null, ctx: ItemContext): { rag: Rag; late: number } {
  if (complete || !due) return { rag: ragAsAt({ complete, due }, ctx.asAt, ctx.amberDays), late: 0 };
  return remember(ctx.lateness, due, () => ({ rag: ragAsAt({ complete, due }, ctx.asAt, ctx.amberDays), late: daysOverdue(due, ctx.asAt) }));
}

/** Where a finding about a role of an item points: the role's column, on the row its value came from. */
function at(it: LaidOutItem, ctx: ItemContext, role: Role): F.At {
  const c = ctx.columns[role] ?? ctx.columns.subAction ?? ctx.columns.action ?? 0;
  return { column: columnLetter(c), row: (it.values[role]?.row ?? it.row) + 1 };
}

function assessItem(it: LaidOutItem, ctx: ItemContext): Item {
  const v = it.values;
  const text = (role: Role): string => v[role]?.text ?? "";
  const status = normalise(text("status"));
  const { complete, reported } = statusOf(status, ctx);
  // A revised or new date, where one is given, is the due date (plan rules §1, "Revised dates").
  const dueFrom = dueSource(v);
  const dueRole: Role = dueFrom === v.revised && v.revised ? "revised" : "due";
  const reading = dueReadingOf(dueFrom?.cell, ctx);
  const due = reading.due;
  const { rag, late } = ragOf(complete, due, ctx);
  const ownProgress = v.progress && v.progress.how !== "inherited" ? text("progress") : "";
  const carried = it.carriedOver.progress;
  const progress = carried ? [ownProgress, ...carried].filter(Boolean).join(" ") : ownProgress;
  // An error value (#N/A from a lookup) names nobody: "#N/A" is not owners "#N" and "A".
  const owners = v.owner && isCellError(v.owner.cell.value) ? [] : ownersOf(text("owner"), ctx);

  const findings: Finding[] = [];
  if (owners.length === 0) findings.push(F.noOwner(at(it, ctx, "owner"), ctx.columns.owner !== undefined));
  if (!complete) {
    const dueFinding = F.dueFinding(reading, text(dueRole), at(it, ctx, dueRole), ctx.columns.due !== undefined || ctx.columns.revised !== undefined);
    if (dueFinding) findings.push(dueFinding);
  }
  if (dueRole === "revised" && due) {
    const target = dueReadingOf(v.due?.cell, ctx).due;
    if (target && target < due) findings.push(F.dateSlipped(at(it, ctx, "revised"), target, due));
  }
  if (reported && reported !== rag && !(reported === "green" && rag === "grey"))
    findings.push(F.ragMismatch(at(it, ctx, "status"), status, reported, rag, ctx.asAt, due, late));
  // Without a progress column no item could have a note: say nothing rather than flag every late item.
  if ((rag === "amber" || rag === "red") && !progress && ctx.columns.progress !== undefined)
    findings.push(F.overdueNoProgress(at(it, ctx, "progress"), late));
  for (const role of ctx.roles) {
    const source = v[role];
    if (!source || source.how !== "own") continue;
    const value = source.cell.value;
    if (isCellError(value)) findings.push(F.errorValue(placeOf(source), value.error));
    else if (hasHtml(cellText(source.cell))) findings.push(F.htmlInText(placeOf(source)));
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
    dueText: text(dueRole),
    daysOverdue: late,
    cells: {
      text: addressOf(v.subAction ?? v.action),
      owner: addressOf(v.owner),
      due: addressOf(dueFrom),
      status: addressOf(v.status),
    },
    findings,
  };
}

const evidenceOf = (list: readonly LayoutEvidence[]): ColumnEvidence[] =>
  list.map((e) => ({ column: columnLetter(e.column), role: e.role, header: e.header, because: e.because, confidence: Number(e.confidence.toFixed(2)) }));

/** The cell the due date comes from: the revised date where one is written, else the target date. */
function dueSource(v: LaidOutItem["values"]): LaidOutItem["values"]["due"] {
  const revised = v.revised;
  return revised && cellText(revised.cell).trim() !== "" ? revised : v.due;
}

const placeOf = (source: { row: number; col: number }): F.At => ({ column: columnLetter(source.col), row: source.row + 1 });

function sheetFindings(layout: SheetLayout): Finding[] {
  let firstCol = Infinity;
  for (const c of layout.header.keys.keys()) firstCol = Math.min(firstCol, c); // no spread: a header may span 16,384 columns
  return layout.repeatedHeaderRows.map((r) => F.repeatedHeader({ column: columnLetter(firstCol), row: r + 1 }));
}

/** A text cell with pasted HTML removed, so "<p>September 2016</p>" reads as a date. */
function withoutHtml(cell: Cell | undefined): Cell | undefined {
  if (!cell || typeof cell.value !== "string" || !hasHtml(cell.value)) return cell;
  const text = stripHtml(cell.value);
  return { ...cell, value: text, text };
}
