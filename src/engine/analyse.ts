// The engine's entry point: grids in, the plan report out.
// read grid → recognise layout → interpret values → RAG as at → findings.
import { columnIsMonthFirst, findPlanPeriod, findUpdatedDate, parseDueCell, type DueReading, type PlanPeriod } from "./dates";
import * as F from "./findings";
import { columnIndex, columnLetter } from "./a1";
import { cellText, isCellError, type Cell, type Grid } from "./grid";
import { mayBeMonthFirst } from "./layout/date-order";
import type { HeaderGuess } from "./layout/header";
import { addressOf } from "./layout/rows";
import { noItemsReason, recogniseSheet, type LaidOutItem, type LayoutOverride, type SheetLayout } from "./layout/sheet";
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
  const found = recogniseSheet(grid, layoutOverride(override));
  if (!found.ok) return skipped(grid, found.reason, found.candidate);
  const { layout } = found;
  const context = itemContext(layout.header.columns, findPlanPeriod(layout.preamble), asAt, settings, isComplete, Boolean(grid.date1904));
  const items = assessItems(layout, context, mayBeMonthFirst(grid, layout.header));
  if (items.length === 0) return skipped(grid, noItemsReason(layout.header), layout.header);
  return {
    name: grid.name,
    headerRow: layout.header.row + 1,
    columns: columnLetters(layout.header.columns),
    repeatedHeaderRows: layout.repeatedHeaderRows.map((r) => r + 1),
    confidence: Number(layout.header.confidence.toFixed(2)),
    evidence: evidenceOf(layout.header.evidence),
    planPeriod: context.period,
    updated: findUpdatedDate(layout.preamble),
    items,
    findings: sheetFindings(layout),
    ...(grid.visibility ? { visibility: grid.visibility } : {}),
  };
}

function skipped(grid: Grid, reason: string, c: HeaderGuess | null): SkippedSheet {
  const candidate = c && c.evidence.length ? { headerRow: c.row + 1, columns: columnLetters(c.columns), evidence: evidenceOf(c.evidence) } : undefined;
  return candidate ? { name: grid.name, reason, candidate } : { name: grid.name, reason };
}

/**
 * Each item assessed once, as it is laid out, dates day-first (UK order). Where
 * the due column may be month-first (mayBeMonthFirst), that is known only once
 * every item's own due text is seen: the few items whose date reads differently
 * either way (08-31-2024) wait until then.
 */
function assessItems(layout: SheetLayout, context: ItemContext, monthFirstPossible: boolean): Item[] {
  const items: Item[] = [];
  if (!monthFirstPossible) {
    for (const it of layout.items) items.push(assessItem(it, context));
    return items;
  }
  const ownDueTexts: string[] = [];
  const waiting: [number, LaidOutItem][] = [];
  for (const it of layout.items) {
    const due = dueSource(it.values);
    if (due?.how === "own") ownDueTexts.push(due.text);
    if (due && mayReadMonthFirst(due.cell)) {
      waiting.push([items.length, it]);
      items.push(WAITING);
    } else items.push(assessItem(it, context));
  }
  const order = columnIsMonthFirst(ownDueTexts) ? { ...context, monthFirst: true, dueTexts: new Map() } : context;
  for (const [i, it] of waiting) items[i] = assessItem(it, order);
  return items;
}

/** Holds an item's place until it is assessed. */
const WAITING = Object.freeze({}) as Item;

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
  // An error value (#N/A from a lookup) names nobody: "#N/A" is not owners "#N" and "A"; nor does TRUE/FALSE (in any language).
  const owners = v.owner && (isCellError(v.owner.cell.value) || typeof v.owner.cell.value === "boolean") ? [] : ownersOf(text("owner"), ctx);

  const dueText = text(dueRole);
  const target = dueRole === "revised" && due ? dueReadingOf(v.due?.cell, ctx).due : null;
  const facts: F.ItemFacts = { owners, complete, dueRole, reading, dueText, due, target, status, reported, rag, late, progress, asAt: ctx.asAt, columns: ctx.columns };
  const findings: Finding[] = [];
  F.itemFindings(facts, (role) => at(it, ctx, role), findings);
  for (const role of ctx.roles) {
    const source = v[role];
    if (!source || source.how !== "own") continue;
    if (F.cellHasFinding(source.cell)) findings.push(F.cellFinding(source.cell, placeOf(source))!);
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
    dueText,
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
  return layout.repeatedHeaderRows.map((r) => F.rowFinding(F.ROW_FINDINGS.repeatedHeader, { column: columnLetter(firstCol), row: r + 1 }));
}

/** A text cell with pasted HTML removed, so "<p>September 2016</p>" reads as a date. */
function withoutHtml(cell: Cell | undefined): Cell | undefined {
  if (!cell || typeof cell.value !== "string" || !hasHtml(cell.value)) return cell;
  const text = stripHtml(cell.value);
  return { ...cell, value: text, text };
}
