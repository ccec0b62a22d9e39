// The terminal view of a plan report: what was found, counts, findings.
import { allItems, countByOwner, countByTheme, totalCounts, type CountRow } from "../engine/counts";
import { RAGS, type ColumnEvidence, type PlanReport, type Rag, type SheetReport, type SkippedSheet } from "../engine/report";
import { excerpt } from "../engine/text";
import { RAG_NAME } from "../engine/vocabulary";

const ANSI: Record<Rag, string> = { blue: "\x1b[34m", green: "\x1b[32m", amber: "\x1b[33m", red: "\x1b[31m", grey: "\x1b[90m" };
const RESET = "\x1b[0m";
const BOLD = "\x1b[1m";

export interface FormatOptions {
  color: boolean;
  file: string;
}

// Characters a terminal may act on instead of showing: C0 controls (ESC, BEL, CR,
// LF, tab…), DEL, C1 controls (U+009B is CSI by itself), line/paragraph separators
// and the bidirectional overrides that make text read differently than it is.
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text from a workbook made safe to print: each control character shown as \xHH or \uHHHH. */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  });
}

/** Every string in a value (a report, say) made terminal-safe; the value itself is not changed. */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === "string") return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map(terminalSafeDeep) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = terminalSafeDeep(v);
    return out as T;
  }
  return value;
}

/** JSON with the characters JSON.stringify leaves raw but a terminal may act on (DEL, C1, U+2028…) as \u escapes. */
export function terminalSafeJson(json: string): string {
  // C0 controls are already escaped inside JSON strings; outside them only JSON's own line breaks remain.
  return json.replace(/[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The report as text for a terminal. Every text from the workbook goes through terminalSafe. */
export function formatReport(unsafeReport: PlanReport, unsafeOpts: FormatOptions): string {
  const report = terminalSafeDeep(unsafeReport);
  const opts = { ...unsafeOpts, file: terminalSafe(unsafeOpts.file) };
  const bold = (s: string) => (opts.color ? `${BOLD}${s}${RESET}` : s);
  const out: string[] = [];
  out.push(bold(`${opts.file} — as at ${report.asAt}`));
  for (const sheet of report.sheets) append(out, ["", ...formatSheet(sheet, opts, bold)]);
  for (const s of report.skipped) out.push("", `Sheet "${s.name}": no plan (${s.reason}).`, ...formatCandidate(s));
  return out.join("\n") + "\n";
}

/** The row that came closest to a header on a sheet left out, with what each column holds. */
function formatCandidate(s: SkippedSheet): string[] {
  const c = s.candidate;
  if (!c) return [];
  return [`  Closest to a header: row ${c.headerRow}`, ...formatEvidence(c.evidence)];
}

/** One line per column: its letter, its role and why. */
function formatEvidence(evidence: readonly ColumnEvidence[]): string[] {
  const sorted = [...evidence].sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column));
  const width = sorted.reduce((w, e) => Math.max(w, e.role.length), 0);
  return sorted.map((e) => `    ${e.column.padEnd(3)} ${e.role.padEnd(width)}  ${e.because}`);
}

/** The settings that accept a candidate header row as it was read. */
export function settingsAccepting(s: SkippedSheet): string | null {
  if (!s.candidate) return null;
  return JSON.stringify({ sheets: { [s.name]: { headerRow: s.candidate.headerRow, columns: s.candidate.columns } } });
}

/** out.push(...lines) without spreading: 200,000 lines as arguments overflow the call stack. */
function append(out: string[], lines: readonly string[]): void {
  for (const line of lines) out.push(line);
}

/** What a hidden plan sheet means for the person reading the report. */
const HIDDEN_SHEET: Record<NonNullable<SheetReport["visibility"]>, string> = {
  hidden: "This sheet is hidden: Excel does not show it until you unhide it (right-click any sheet tab, then Unhide).",
  veryHidden: "This sheet is very hidden: Excel's Unhide list does not show it; it can be made visible only from the Visual Basic editor (Alt+F11, the sheet's Visible property).",
};

function formatSheet(sheet: SheetReport, opts: FormatOptions, bold: (s: string) => string): string[] {
  const out: string[] = [];
  const roles = Object.entries(sheet.columns)
    .sort(([, a], [, b]) => a!.length - b!.length || a!.localeCompare(b!))
    .map(([role, col]) => `${role}=${col}`)
    .join(", ");
  out.push(bold(`Sheet "${sheet.name}"${sheet.visibility ? " (hidden)" : ""}`));
  if (sheet.visibility) out.push(`  ${HIDDEN_SHEET[sheet.visibility]}`);
  out.push(`  Header row ${sheet.headerRow} (confidence ${Math.round(sheet.confidence * 100)}%); columns: ${roles}`);
  if (sheet.evidence.length) out.push("  Why each column has its role:", ...formatEvidence(sheet.evidence));
  if (sheet.repeatedHeaderRows.length) out.push(`  Header repeated on ${sheet.repeatedHeaderRows.length} more row(s)`);
  if (sheet.planPeriod) out.push(`  Plan period ${sheet.planPeriod.start} to ${sheet.planPeriod.end}`);
  if (sheet.updated) out.push(`  Updated ${sheet.updated}`);
  out.push(`  ${sheet.items.length} item(s)`);
  const items = sheet.items;
  append(out, ["", ...table("Theme", countByTheme(items), totalCounts(items), opts)]);
  append(out, ["", ...table("Owner", countByOwner(items), totalCounts(items), opts)]);
  const findings = sheet.findings
    .map((f) => ({ f, ref: "" }))
    .concat(allItems({ asAt: "", sheets: [sheet], skipped: [] }).flatMap(({ item }) => item.findings.map((f) => ({ f, ref: item.ref }))));
  out.push("", bold(`  Findings (${findings.length})`));
  for (const { f, ref } of findings) out.push(`    ${`${f.column}${f.row}`.padEnd(7)} ${f.code.padEnd(20)} ${ref ? `[${ref}] ` : ""}${f.message}`);
  return out;
}

const RAG_HEAD: [Rag, string][] = RAGS.map((rag) => [rag, RAG_NAME[rag]]);

function table(title: string, rows: CountRow[], total: CountRow, opts: FormatOptions): string[] {
  // A loop, not Math.max(...rows): a plan with 200,000 owners would overflow the call stack.
  const labelWidth = Math.min(60, rows.reduce((w, r) => Math.max(w, excerpt(r.label, 60).length), Math.max(title.length, 5)));
  const paint = (rag: Rag, s: string) => (opts.color ? `${ANSI[rag]}${s}${RESET}` : s);
  const head = `  ${title.padEnd(labelWidth)} ${RAG_HEAD.map(([rag, h]) => paint(rag, h.padStart(6))).join("")} ${"Total".padStart(6)} ${"%done".padStart(6)}`;
  const line = (r: CountRow) =>
    `  ${excerpt(r.label, 60).padEnd(labelWidth)} ${RAG_HEAD.map(([rag]) => String(r.counts[rag]).padStart(6)).join("")} ${String(r.counts.total).padStart(6)} ${`${Math.round(r.complete * 100)}%`.padStart(6)}`;
  return [head, ...rows.map(line), line(total)];
}
