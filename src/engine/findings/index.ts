// The findings registry: what a commissioning officer should look at, in plain words.
// One module per finding; adding one is its module, a line here and its test.
import type { Cell } from "../grid";
import type { Finding, FindingCode, Role } from "../report";
import { dateSlipped } from "./date-slipped";
import { errorValue } from "./error-value";
import { type At, type CellFinding, findingAt, type ItemFacts, type ItemFinding, type RowFinding } from "./finding";
import { htmlInText } from "./html-in-text";
import { monthNoYear } from "./month-no-year";
import { noDue } from "./no-due";
import { noOwner } from "./no-owner";
import { overdueNoProgress } from "./overdue-no-progress";
import { ragMismatch } from "./rag-mismatch";
import { repeatedHeader } from "./repeated-header";
import { severalDates } from "./several-dates";
import { unreadableDue } from "./unreadable-due";

export type { At, CellFinding, FindingKind, ItemFacts, ItemFinding, RowFinding, Severity } from "./finding";

/** Checks on an item, in the order its findings are listed. */
export const ITEM_FINDINGS: readonly ItemFinding[] = [noOwner, noDue, unreadableDue, monthNoYear, severalDates, dateSlipped, ragMismatch, overdueNoProgress];
/** Checks on each of an item's own cells, in column order; the first that holds is the cell's finding. */
export const CELL_FINDINGS: readonly CellFinding[] = [errorValue, htmlInText];
/** Findings about a row of the sheet. */
export const ROW_FINDINGS = { repeatedHeader } as const satisfies Record<string, RowFinding>;

/** Every finding the engine can report. */
export const FINDINGS: readonly (ItemFinding | CellFinding | RowFinding)[] = [...ITEM_FINDINGS, ...CELL_FINDINGS, ...Object.values(ROW_FINDINGS)];

/** The task pane's heading for each code, from the finding's own module (the registry's test checks every code has one). */
export const FINDING_HEADINGS = Object.fromEntries(FINDINGS.map((f) => [f.code, f.heading])) as Readonly<Record<FindingCode, string>>;

/** The findings of one item. `at(role)` is where a finding about a role's cell points. */
export function itemFindings(item: ItemFacts, at: (role: Role) => At, into: Finding[]): void {
  // Indexed loops: these run on every item and every cell of a big plan.
  for (let i = 0; i < ITEM_FINDINGS.length; i++) {
    const def = ITEM_FINDINGS[i];
    if (def.check(item)) into.push(findingAt(def, at(def.role(item)), def.message(item)));
  }
}

/**
 * Has this cell something to say? Checked on every cell of a big plan, so nothing
 * is built for the many that have not, and the checks are called by name: a loop
 * over CELL_FINDINGS costs a few per cent of the engine's speed. Keep the two in
 * step (the registry's test fails when they are not).
 */
export const cellHasFinding = (cell: Cell): boolean => errorValue.check(cell) || htmlInText.check(cell);

/** The finding about one cell, if any. */
export function cellFinding(cell: Cell, at: At): Finding | null {
  for (const def of CELL_FINDINGS) if (def.check(cell)) return findingAt(def, at, def.message(cell));
  return null;
}

export const rowFinding = (def: RowFinding, at: At): Finding => findingAt(def, at, def.message(at));
