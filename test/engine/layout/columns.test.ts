// Column roles from the header's words and the cells under it.
import { assignRoles, roleNoun, type HeaderCell } from "../../../src/engine/layout/columns";
import { addToProfile, classifyCell, emptyProfile, type ColumnProfile } from "../../../src/engine/layout/evidence";

const header = (...texts: string[]): HeaderCell[] => texts.map((text) => ({ text, shared: false }));

/** Profiles of columns holding these texts, one array per column. */
function profiles(...columns: string[][]): ColumnProfile[] {
  return columns.map((texts) => {
    const p = emptyProfile();
    texts.forEach((text, row) => {
      if (!text) return;
      const { cls, words } = classifyCell({ value: text, text });
      addToProfile(p, cls, words, row + 1);
    });
    return p;
  });
}

const ACTIONS = ["Review the safeguarding policy with partners", "Train all staff in the new procedure", "Audit case files every quarter"];
const NAMES = ["Jo Bloggs", "Sam Smith", "Ali Khan"];
const DATES = ["March 2020", "June 2020", "Sept 2020"];
const STATUSES = ["Complete", "On track", "Not started"];
const noSteps = () => 0;

describe("assignRoles", () => {
  test("header words name the roles where the cells agree, with the reason shown", () => {
    const a = assignRoles(header("Action", "Lead officer", "Deadline", "RAG"), profiles(ACTIONS, NAMES, DATES, STATUSES), noSteps);
    expect(a.columns).toEqual({ action: 0, owner: 1, due: 2, status: 3 });
    const owner = a.evidence.find((e) => e.role === "owner")!;
    expect(owner).toMatchObject({ column: 1, header: "Lead officer" });
    expect(owner.because).toContain("Lead officer");
    expect(a.score).toBeGreaterThan(0);
  });

  test("a column no word names takes its role from what it holds", () => {
    const a = assignRoles(header("Action", "Who", "Column C"), profiles(ACTIONS, NAMES, DATES), noSteps);
    expect(a.columns.action).toBe(0);
    expect(a.columns.due).toBe(2);
  });

  test("each role goes to one column only", () => {
    const a = assignRoles(header("Action", "Owner", "Owner"), profiles(ACTIONS, NAMES, NAMES), noSteps);
    const owners = Object.entries(a.columns).filter(([role]) => role === "owner");
    expect(owners).toHaveLength(1);
    expect(new Set(Object.values(a.columns)).size).toBe(Object.values(a.columns).length);
  });

  test("every role has a plain noun for the reasons", () => {
    expect(roleNoun("due")).toBe("a due date");
    expect(roleNoun("subAction")).toBe("the steps of each action");
  });
});
