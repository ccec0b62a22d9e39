// What every summary sheet shares: the title and as-at stamp, the RAG legend
// (words, so a black-and-white print still reads), the provenance footnote
// (which sheets and header rows, which settings) and the print setup.
import type { PlanReport, Rag } from "../report";
import { healthRule } from "../health";
import type { Settings } from "../settings";
import { longDate, RAG_NAME, shortDate } from "../vocabulary";
import { RAG_FILL, type PrintSpec, type SheetCell, type SheetCellStyle } from "../writeback";
import { cell, headerCell, type SheetBuilder } from "./sheet-builder";

export const RAG_ORDER: readonly Rag[] = ["blue", "green", "amber", "red", "grey"];
export { longDate, RAG_NAME, shortDate } from "../vocabulary";

export const ragHeader = (rag: Rag): SheetCell => headerCell(RAG_NAME[rag], { fill: RAG_FILL[rag] });

/** The RAG word on its colour: readable in colour and in black and white. */
export const ragCell = (rag: Rag): SheetCell => cell(RAG_NAME[rag], { bold: true, fill: RAG_FILL[rag], border: true, horizontal: "center" });

export function ragLegend(settings: Settings): string {
  const d = settings.amberDays;
  const amber = d === 0 ? "" : ` · Amber = overdue by up to ${d} day${d === 1 ? "" : "s"}`;
  return `Blue = complete · Green = not yet due${amber} · Red = overdue by more than ${d} day${d === 1 ? "" : "s"} · Grey = no due date, cannot be assessed`;
}

/** Title band, the as-at stamp and the legend: the first three rows of every summary sheet. */
export function stamp(b: SheetBuilder, title: string, report: PlanReport, settings: Settings): void {
  b.title(title);
  b.banner(`As at ${longDate(report.asAt)}`, { bold: true, fontSize: 12 });
  b.banner(ragLegend(settings), { italic: true, wrap: true });
}

export function escalationRule(settings: Settings): string {
  const n = settings.escalateRedSnapshots;
  const red = n === 1 ? "red" : `red in each of the last ${n} reports`;
  return `${red}, or more than ${settings.escalateDaysOverdue} days overdue`;
}

const quoted = (name: string): string => `‘${name}’`;

function sourceLines(report: PlanReport): string[] {
  if (!report.sheets.length) return ["No plan was found in this workbook."];
  return report.sheets.map((s) => {
    const repeated = s.repeatedHeaderRows.length
      ? `; ${s.repeatedHeaderRows.length} repeated header row${s.repeatedHeaderRows.length === 1 ? "" : "s"} skipped`
      : "";
    return `Sheet ${quoted(s.name)}: header row ${s.headerRow}${repeated}; ${s.items.length} action${s.items.length === 1 ? "" : "s"}.`;
  });
}

function settingLines(settings: Settings): string[] {
  const lines = [
    `RAG: amber up to ${settings.amberDays} days past the due date, red after that; grey when there is no due date.`,
    `Complete when the status says: ${settings.completeWords.join(", ")}.`,
    `Escalated when ${escalationRule(settings)}.`,
    healthRule(settings),
  ];
  for (const [name, o] of Object.entries(settings.sheets)) {
    const parts = [
      o.ignore ? "left out" : "",
      o.headerRow ? `header row set to ${o.headerRow}` : "",
      o.columns ? `columns set: ${Object.entries(o.columns).map(([role, col]) => `${role} ${col}`).join(", ")}` : "",
    ].filter(Boolean);
    if (parts.length) lines.push(`Correction for ${quoted(name)}: ${parts.join("; ")}.`);
  }
  return lines;
}

/** The footnote every summary sheet ends with: where the figures come from and the settings used. */
export function provenance(b: SheetBuilder, report: PlanReport, settings: Settings, extra: string[] = []): void {
  b.blank();
  b.section("Sources and settings");
  for (const line of [...sourceLines(report), ...settingLines(settings), ...extra]) b.note(line, false);
  b.note("Made by Plan Monitor. This sheet is rebuilt each time the summary is run: changes made to it will be lost.");
}

const footerText = (s: string): string => s.replace(/&/g, "&&");

/**
 * Landscape, one page wide, the given rows repeated on every page, and one
 * footer line (hosts put it in the centre) with Excel's codes &P (page) and &N (pages).
 */
export function printSpec(title: string, asAt: string, repeat: { first: number; last: number }): PrintSpec {
  return { landscape: true, fitToPagesWide: 1, repeatRows: repeat, footer: `${footerText(title)} – as at ${shortDate(asAt)} – page &P of &N` };
}

export const NUMBER: SheetCellStyle = { border: true, horizontal: "center" };
export const PERCENT: SheetCellStyle = { border: true, horizontal: "center", numberFormat: "0%" };
/** A signed change: +2, −1, 0. */
export const CHANGE: SheetCellStyle = { border: true, horizontal: "center", numberFormat: "+0;-0;0" };
export const TEXT: SheetCellStyle = { border: true, wrap: true, numberFormat: "@" };
