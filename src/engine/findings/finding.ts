// What every finding module is: a code, a severity, a check and a message.
// The registry (./index.ts) lists them; analyse.ts runs the checks.
import type { DueReading } from "../dates";
import type { Cell } from "../grid";
import type { Finding, FindingCode, Rag, Role } from "../report";

export type Severity = Finding["severity"];

/** Where a finding points: a column letter and a 1-based row. */
export interface At {
  column: string;
  row: number;
}

/** What the engine knows about an item once it has read it: what item checks look at. */
export interface ItemFacts {
  owners: readonly string[];
  complete: boolean;
  /** The role the due date was read from: the revised date where one is written. */
  dueRole: Role;
  reading: DueReading;
  /** The raw text of the due cell the date was read from. */
  dueText: string;
  due: string | null;
  /** The target date where a revised date was taken instead (null otherwise). */
  target: string | null;
  status: string;
  /** The RAG the status reports, if any. */
  reported: Rag | null;
  rag: Rag;
  late: number;
  progress: string;
  asAt: string;
  columns: Partial<Record<Role, number>>;
}

/** What every kind of finding has: its code, how much it matters and the heading the task pane groups it under. */
export interface FindingKind {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** A short heading for findings of this kind ("No owner"), shown with their count. */
  readonly heading: string;
}

/** A finding about an item as a whole, pointing at one of its roles' cells. */
export interface ItemFinding extends FindingKind {
  /** The role whose cell the finding points at. */
  role(item: ItemFacts): Role;
  check(item: ItemFacts): boolean;
  message(item: ItemFacts): string;
}

/** A finding about one cell of an item (its own cells, not inherited ones). */
export interface CellFinding extends FindingKind {
  check(cell: Cell): boolean;
  message(cell: Cell): string;
}

/** A finding about a row of the sheet rather than an item. */
export interface RowFinding extends FindingKind {
  message(at: At): string;
}

export const findingAt = (def: FindingKind, at: At, message: string): Finding => ({
  code: def.code,
  column: at.column,
  row: at.row,
  severity: def.severity,
  message,
});
