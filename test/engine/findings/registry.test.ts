// The findings registry: every code the report can carry has exactly one module, and
// the item checks say what a plan's reader expects on small hand-built items.
import type { DueReading } from "../../../src/engine/dates";
import { cellFinding, CELL_FINDINGS, FINDINGS, itemFindings, ITEM_FINDINGS, ROW_FINDINGS, rowFinding, type ItemFacts } from "../../../src/engine/findings";
import { FINDING_CODES, type Finding, type Role } from "../../../src/engine/report";

const date = (due: string, several = false): DueReading => ({ due, dates: [due], several, kind: "date" });

/** An item with nothing to say about it; each test changes what it is about. */
const facts = (over: Partial<ItemFacts> = {}): ItemFacts => ({
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

const LETTER: Record<string, string> = { action: "B", owner: "C", due: "D", revised: "E", status: "F", progress: "G" };
function findingsOf(item: ItemFacts): Finding[] {
  const out: Finding[] = [];
  itemFindings(item, (role: Role) => ({ column: LETTER[role], row: 7 }), out);
  return out;
}

describe("findings registry", () => {
  test("one module per code the report knows, none twice", () => {
    const codes = FINDINGS.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...FINDING_CODES].sort());
  });

  test("an item with an owner, a date, progress and a status matching its RAG has nothing to say", () => {
    expect(findingsOf(facts())).toEqual([]);
  });

  test("no owner points at the owner column and says whether the plan has one", () => {
    const [f] = findingsOf(facts({ owners: [] }));
    expect(f).toMatchObject({ code: "no-owner", severity: "error", column: "C", row: 7 });
    expect(f.message).toContain("here or on its action row");
    const [g] = findingsOf(facts({ owners: [], columns: { action: 1, due: 3 } }));
    expect(g.message).toContain("the plan has no owner or lead column");
  });

  test("due findings point at the column the date was read from, and a complete item has none", () => {
    const blank: DueReading = { due: null, dates: [], several: false, kind: "blank" };
    const [f] = findingsOf(facts({ reading: blank, due: null, dueText: "", rag: "grey", reported: null, dueRole: "revised" }));
    expect(f).toMatchObject({ code: "no-due", column: "E" });
    expect(findingsOf(facts({ reading: blank, due: null, dueText: "", rag: "blue", reported: null, complete: true }))).toEqual([]);
    const unreadable: DueReading = { ...blank, kind: "unreadable" };
    expect(findingsOf(facts({ reading: unreadable, due: null, dueText: "soonish", rag: "grey", reported: null }))[0]).toMatchObject({
      code: "unreadable-due",
      message: expect.stringContaining("“soonish”"),
    });
    const [s] = findingsOf(facts({ reading: date("2020-10-31", true), due: "2020-10-31", dueText: "Sept / Oct 2020" }));
    expect(s).toMatchObject({ code: "several-dates", severity: "info" });
    expect(s.message).toContain("the latest, 31 Oct 2020, was taken");
  });

  test("a revised date later than the target is a slipped date on the revised column", () => {
    const [f] = findingsOf(facts({ dueRole: "revised", target: "2020-03-31", due: "2020-09-30" }));
    expect(f).toMatchObject({ code: "date-slipped", column: "E", message: expect.stringContaining("from 31 Mar 2020 to 30 Sep 2020") });
    expect(findingsOf(facts({ dueRole: "revised", target: "2020-12-31", due: "2020-09-30" }))).toEqual([]);
  });

  test("a status reporting a RAG other than the computed one is a mismatch, except green on an undated item", () => {
    const [f] = findingsOf(facts({ reported: "green", rag: "red", late: 3, due: "2020-06-12" }));
    expect(f).toMatchObject({ code: "rag-mismatch", column: "F" });
    expect(f.message).toContain("3 days past its due date of 12 Jun 2020");
    expect(findingsOf(facts({ reported: "green", rag: "grey" }))).toEqual([]);
  });

  test("late without a progress note is flagged only where the plan has a progress column", () => {
    const late = facts({ rag: "red", reported: null, progress: "", late: 1 });
    expect(findingsOf(late)[0]).toMatchObject({ code: "overdue-no-progress", column: "G", message: expect.stringMatching(/^1 day overdue/) });
    expect(findingsOf({ ...late, columns: { action: 1, owner: 2, due: 3 } })).toEqual([]);
  });

  test("findings come in the registry's order", () => {
    const codes = findingsOf(facts({ owners: [], reported: "green", rag: "red", progress: "", late: 5 })).map((f) => f.code);
    expect(codes).toEqual(ITEM_FINDINGS.map((d) => d.code).filter((c) => codes.includes(c)));
    expect(codes).toEqual(["no-owner", "rag-mismatch", "overdue-no-progress"]);
  });

  test("a cell shows an error value before any other cell finding; HTML is flagged in text", () => {
    expect(CELL_FINDINGS[0].code).toBe("error-value");
    expect(cellFinding({ value: { error: "#N/A" }, text: "#N/A" }, { column: "C", row: 4 })).toMatchObject({ code: "error-value", message: expect.stringContaining("#N/A") });
    expect(cellFinding({ value: "<p>Done</p>", text: "<p>Done</p>" }, { column: "C", row: 4 })).toMatchObject({ code: "html-in-text", severity: "warning" });
    expect(cellFinding({ value: "Done", text: "Done" }, { column: "C", row: 4 })).toBeNull();
  });

  test("a repeated header row names its row", () => {
    expect(rowFinding(ROW_FINDINGS.repeatedHeader, { column: "A", row: 12 })).toMatchObject({
      code: "repeated-header",
      column: "A",
      row: 12,
      message: expect.stringMatching(/^Row 12 repeats the header row/),
    });
  });
});
