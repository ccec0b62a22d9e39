// Small hand-built items for the finding tests: one with nothing to say, changed per test.
import type { DueReading } from "../../../src/engine/dates";
import { itemFindings, type ItemFacts } from "../../../src/engine/findings";
import type { Finding, Role } from "../../../src/engine/report";

export const date = (due: string, several = false): DueReading => ({ due, dates: [due], several, kind: "date" });
export const noDate = (kind: DueReading["kind"]): DueReading => ({ due: null, dates: [], several: false, kind });

/** An item with an owner, a date, progress and a status matching its RAG; `over` changes what the test is about. */
export const facts = (over: Partial<ItemFacts> = {}): ItemFacts => ({
  owners: ["Jo Bloggs"],
  complete: false,
  dueRole: "due",
  reading: date("2020-09-30"),
  dueText: "Sept 2020",
  due: "2020-09-30",
  target: null,
  status: "On track",
  reported: "green",
  rag: "green",
  late: 0,
  progress: "Started",
  asAt: "2020-06-15",
  columns: { action: 1, owner: 2, due: 3, status: 4, progress: 5 },
  ...over,
});

/** Each role's column letter in the tests' plans. */
export const LETTER: Record<string, string> = { action: "B", owner: "C", due: "D", revised: "E", status: "F", progress: "G" };

/** The findings the registry gives an item on row 7. */
export function findingsOf(item: ItemFacts): Finding[] {
  const out: Finding[] = [];
  itemFindings(item, (role: Role) => ({ column: LETTER[role], row: 7 }), out);
  return out;
}
