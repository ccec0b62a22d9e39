// "PM Portfolio": several plans on one sheet for a board paper
// (`plan-monitor summary A.xlsx B.xlsx --out board.xlsx`, and in a workbook
// holding several plan sheets, where each sheet is a plan). A row per plan, then
// a row per plan and theme, with counts by RAG, % complete, plan health and
// slipped actions; the owners across all plans; and every red and amber action
// naming its file, sheet and row. The figures are the single reports' figures:
// the same counts (countByTheme, countByOwner, totalCounts) over the same items.
import { allItems, countByOwner, countByTheme, totalCounts, type CountRow, type RagCounts } from "../counts";
import { HEALTH_FILL, HEALTH_LABEL, healthRule, planHealth } from "../health";
import type { Item, PlanReport } from "../report";
import type { Settings } from "../settings";
import { excerpt, textKey } from "../text";
import type { SheetSpec } from "../writeback";
import { escalationRule, longDate, NUMBER, PERCENT, printSpec, ragCell, ragHeader, ragLegend, RAG_ORDER, shortDate, TEXT } from "./common";
import { redAndAmber } from "./escalation";
import { cell, headerCell, type Row, SheetBuilder } from "./sheet-builder";
import { slippedByTheme, slippedCount, SLIPPED_NOTE } from "./slipped";

export { PORTFOLIO_SHEET_NAME, PORTFOLIO_TITLE } from "./names";
import { PORTFOLIO_SHEET_NAME, PORTFOLIO_TITLE } from "./names";

export interface PortfolioPlan {
  /** How the plan is named on the sheet: its file name, or its sheet's name when plans are sheets. */
  file: string;
  report: PlanReport;
}

/** Where the plans come from: files (`plan-monitor summary`) or the sheets of one workbook (the summary of a workbook with several plan sheets). */
export type PlanSource = "files" | "sheets";

/** Columns (0-based) of the plan and theme tables. */
export const PORTFOLIO_COLUMNS = { plan: 0, theme: 1, firstRag: 2, total: 7, complete: 8, health: 9, slipped: 10 } as const;
export const ALL_THEMES = "All themes";
export const PORTFOLIO_TOTAL = "All plans";
const WIDTH = 11;
const COLUMN_WIDTHS = [30, 40, 9, 9, 11, 9, 9, 16, 18, 24, 9];
const ACTION_LENGTH = 120;

const itemsOf = (report: PlanReport): Item[] => allItems(report).map((e) => e.item);

export function portfolioSheet(plans: readonly PortfolioPlan[], asAt: string, settings: Settings, source: PlanSource = "files"): SheetSpec {
  const b = new SheetBuilder(WIDTH);
  b.title(PORTFOLIO_TITLE);
  b.banner(`As at ${longDate(asAt)} · ${plans.length} plan${plans.length === 1 ? "" : "s"}`, { bold: true, fontSize: 12 });
  b.banner(ragLegend(settings), { italic: true, wrap: true });
  b.blank();

  // Plans, then plans by theme.
  b.section("Plans");
  const header = b.add(tableHeader("Plan", "Themes"));
  for (const p of plans) {
    const items = itemsOf(p.report);
    const themes = countByTheme(items).length;
    b.add(countRow(p.file, `${ALL_THEMES} (${themes})`, totalCounts(items), settings, slippedCount(items)));
  }
  const everyItem = plans.flatMap((p) => itemsOf(p.report));
  b.add(countRow(PORTFOLIO_TOTAL, ALL_THEMES, totalCounts(everyItem), settings, slippedCount(everyItem), true));
  b.blank();

  b.section("Plans by theme");
  b.add(tableHeader("Plan", "Theme"));
  for (const p of plans) {
    const items = itemsOf(p.report);
    const slipped = slippedByTheme(items);
    for (const row of countByTheme(items)) b.add(countRow(p.file, row.label, row, settings, slipped.get(textKey(row.label)) ?? 0));
  }
  b.blank();

  // Owners across plans: the same owner (case and spacing ignored) in two plans is one row.
  b.section("Owners across plans (an action with several owners counts for each of them)");
  b.add(tableHeader("Owner", "Plans"));
  for (const o of ownersAcross(plans)) b.add(countRow(o.label, o.files.join("; "), o, settings, null, false, false));
  b.blank();

  // Exceptions: every red and amber action, most overdue first, naming file, sheet and row.
  const late = plans.flatMap((p) => redAndAmber(p.report).map((placed) => ({ file: p.file, ...placed }))).sort((a, z) => z.item.daysOverdue - a.item.daysOverdue);
  b.section(`Red and amber actions across plans, most overdue first (${late.length})`);
  b.add([source === "files" ? "File" : "Plan", "Action", "RAG", "Days overdue", "Due", "Ref", "Row", "Sheet", "Owner(s)", "Theme"].map((h, c) => headerCell(h, c === 1 ? { horizontal: "left" } : {})));
  if (!late.length) b.add([null, cell("None.", { italic: true })]);
  for (const { file, sheet, item } of late)
    b.add([
      cell(file, TEXT),
      cell(excerpt(item.text, ACTION_LENGTH), TEXT),
      ragCell(item.rag),
      cell(item.daysOverdue, NUMBER),
      cell(item.due ? shortDate(item.due) : excerpt(item.dueText, 40), { ...TEXT, horizontal: "center" }),
      cell(item.ref, { ...TEXT, horizontal: "center" }),
      cell(item.row, NUMBER),
      cell(sheet, TEXT),
      cell(excerpt(item.owners.join("; "), 60) || "(no owner)", TEXT),
      cell(excerpt(item.theme, 80), TEXT),
    ]);

  b.blank();
  b.section("Sources and settings");
  for (const p of plans) {
    const sheets = p.report.sheets.map((s) => `‘${s.name}’ (header row ${s.headerRow}, ${s.items.length} action${s.items.length === 1 ? "" : "s"})`);
    b.note(`${p.file}: ${sheets.join("; ") || "no plan found"}.`, false);
  }
  b.note(`RAG: amber up to ${settings.amberDays} days past the due date, red after that; grey when there is no due date. Escalated when ${escalationRule(settings)}.`, false);
  b.note(healthRule(settings), false);
  b.note(SLIPPED_NOTE, false);
  b.note(
    source === "files"
      ? "Made by Plan Monitor from the files named above, which it did not change. The figures per plan are those plan-monitor check gives for each file."
      : "Made by Plan Monitor from the plan sheets of this workbook, one plan per sheet. The figures per plan are those the summary gives for the sheet on its own. " +
          "This sheet is rebuilt each time the summary is run: changes made to it will be lost.",
  );

  return b.build({
    name: PORTFOLIO_SHEET_NAME,
    kind: "portfolio",
    columnWidths: COLUMN_WIDTHS,
    freezeRows: header + 1,
    print: printSpec(PORTFOLIO_TITLE, asAt, { first: 0, last: 2 }),
  });
}

function tableHeader(first: string, second: string): Row {
  return [
    headerCell(first, { horizontal: "left" }),
    headerCell(second, { horizontal: "left" }),
    ...RAG_ORDER.map(ragHeader),
    headerCell("Total"),
    headerCell("% complete"),
    headerCell("Health"),
    headerCell("Slipped"),
  ];
}

/** A plan's (or a plan and theme's) row; owners have neither health nor slipped (`slipped` null). */
function countRow(first: string, second: string, row: { counts: RagCounts; complete: number }, settings: Settings, slipped: number | null, bold = false, withHealth = true): Row {
  const b = bold ? { bold: true } : {};
  const h = planHealth(row.counts, settings);
  return [
    cell(first, { ...TEXT, ...b }),
    cell(second, { ...TEXT, ...b }),
    ...RAG_ORDER.map((rag) => cell(row.counts[rag], { ...NUMBER, ...b })),
    cell(row.counts.total, { ...NUMBER, ...b }),
    cell(row.complete, { ...PERCENT, ...b }),
    withHealth ? cell(HEALTH_LABEL[h], { ...b, fill: HEALTH_FILL[h], border: true, horizontal: "center" }) : null,
    slipped === null ? null : cell(slipped, { ...NUMBER, ...b }),
  ];
}

/** Owners across plans: counts summed per owner (compared as themes are), with the files they appear in. */
export function ownersAcross(plans: readonly PortfolioPlan[]): (CountRow & { files: string[] })[] {
  const byKey = new Map<string, CountRow & { files: string[] }>();
  for (const p of plans) {
    for (const row of countByOwner(itemsOf(p.report))) {
      const key = textKey(row.label);
      let o = byKey.get(key);
      if (!o) byKey.set(key, (o = { label: row.label, counts: { blue: 0, green: 0, amber: 0, red: 0, grey: 0, total: 0 }, complete: 0, files: [] }));
      for (const rag of RAG_ORDER) o.counts[rag] += row.counts[rag];
      o.counts.total += row.counts.total;
      if (!o.files.includes(p.file)) o.files.push(p.file);
    }
  }
  return [...byKey.values()].map((o) => ({ ...o, complete: o.counts.total ? o.counts.blue / o.counts.total : 0 }));
}

/** File names for the sheet: the base name, or the path as given where two plans share a base name. */
export function planNames(files: readonly string[], basename: (f: string) => string): string[] {
  const bases = files.map(basename);
  return files.map((f, i) => (bases.filter((b) => b === bases[i]).length > 1 ? f : bases[i]));
}
