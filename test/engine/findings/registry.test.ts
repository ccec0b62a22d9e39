// The findings registry: every code the report can carry has exactly one module,
// and an item's findings come in the registry's order.
import { CELL_FINDINGS, cellHasFinding, FINDING_HEADINGS, FINDINGS, ITEM_FINDINGS } from "../../../src/engine/findings";
import type { Cell } from "../../../src/engine/grid";
import { FINDING_CODES } from "../../../src/engine/report";
import { facts, findingsOf } from "./facts";

describe("findings registry", () => {
  test("one module per code the report knows, none twice", () => {
    const codes = FINDINGS.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...FINDING_CODES].sort());
  });

  test("every finding words its own heading for the task pane, each one different", () => {
    const headings = FINDINGS.map((f) => f.heading);
    for (const h of headings) expect(h).toMatch(/^[A-Z][a-z].{3,40}$/);
    expect(new Set(headings).size).toBe(headings.length);
    expect(Object.keys(FINDING_HEADINGS).sort()).toEqual([...FINDING_CODES].sort());
  });

  test("an item with an owner, a date, progress and a status matching its RAG has nothing to say", () => {
    expect(findingsOf(facts())).toEqual([]);
  });

  test("findings come in the registry's order", () => {
    const codes = findingsOf(facts({ owners: [], reported: "green", rag: "red", progress: "", late: 5 })).map((f) => f.code);
    expect(codes).toEqual(ITEM_FINDINGS.map((d) => d.code).filter((c) => codes.includes(c)));
    expect(codes).toEqual(["no-owner", "rag-mismatch", "overdue-no-progress"]);
  });

  test("a cell's error value is checked before anything else about it", () => {
    expect(CELL_FINDINGS[0].code).toBe("error-value");
  });

  test("cellHasFinding runs exactly the cell checks the registry lists", () => {
    // A new cell finding goes in CELL_FINDINGS and in cellHasFinding, and gets a cell here.
    expect(CELL_FINDINGS.map((d) => d.code)).toEqual(["error-value", "html-in-text"]);
    const cells: Cell[] = [
      { value: { error: "#N/A" }, text: "#N/A" },
      { value: "<p>Done</p>", text: "<p>Done</p>" },
      { value: "Done", text: "Done" },
      { value: 43921, text: "31/03/2020", format: "dd/mm/yyyy" },
      { value: null, text: "" },
    ];
    for (const cell of cells) expect(cellHasFinding(cell)).toBe(CELL_FINDINGS.some((d) => d.check(cell)));
  });
});
