import { findHeaderRow, isPlanHeader } from "../../src/engine/layout/header";
import { rolesOfHeader } from "../../src/engine/lexicon";
import { grid } from "../helpers/grid";

describe("header words → roles (plan-rules §1)", () => {
  test.each([
    ["Ref", "ref"],
    ["No.", "ref"],
    ["#", "ref"],
    ["Action", "action"],
    ["Actions", "action"],
    ["ACTIONS:", "action"],
    ["Recommendation", "action"],
    ["Objectives to create change", "action"],
    ["Recommendation for Improvement (as per CI)", "action"],
    ["Agenda Item", "action"],
    ["What", "action"],
    ["Owner", "owner"],
    ["Lead", "owner"],
    ["Lead officer", "owner"],
    ["Responsible officer", "owner"],
    ["Responsibility", "owner"],
    ["Who", "owner"],
    ["By whom", "owner"],
    ["Councillor", "owner"],
    ["Point Person", "owner"],
    ["Leaders", "owner"],
    ["Target Date", "due"],
    ["Timescale", "due"],
    ["Timescales", "due"],
    ["Timeline", "due"],
    ["Deadline", "due"],
    ["When", "due"],
    ["by when?", "due"],
    ["Due Date", "due"],
    ["Completion date", "due"],
    ["NEW DATE", "revised"],
    ["Revised target date", "revised"],
    ["Start", "start"],
    ["Project Status", "status"],
    ["RAG rating", "status"],
    ["BRAG", "status"],
    ["Status", "status"],
    ["Update on Progress", "progress"],
    ["Progress update", "progress"],
    ["Comments", "progress"],
    ["Outputs & Outcomes Achieved", "outcome"],
    ["Success measures", "outcome"],
    ["Source of Recommendation", "source"],
  ])("%p names %p", (name, role) => expect(rolesOfHeader(name)[0]?.role).toBe(role));

  test("a combined column names both roles", () => {
    expect(rolesOfHeader("Sub-Actions & Progress").map((m) => m.role)).toEqual(["subAction", "progress"]);
  });

  test("step words name steps, not a second action", () => {
    for (const w of ["Deliverable", "Steps", "Milestones", "Key tasks"]) expect(rolesOfHeader(w)[0]).toMatchObject({ role: "subAction" });
  });

  test.each(["Area", "", "Improvement Area 1 – Address the risks and challenges of the widely devolved safeguarding arrangements.", "Banana"])(
    "%p names no role",
    (name) => expect(rolesOfHeader(name)).toEqual([]),
  );

  test("a plan is an action column and one owner, due, status or progress column", () => {
    expect(isPlanHeader({ action: 0, owner: 1 })).toBe(true);
    expect(isPlanHeader({ action: 0, due: 1 })).toBe(true);
    expect(isPlanHeader({ subAction: 0, progress: 1 })).toBe(true);
    expect(isPlanHeader({ owner: 0, due: 1, status: 2 })).toBe(false);
    expect(isPlanHeader({ action: 0, outcome: 1, source: 2 })).toBe(false);
  });
});

describe("roles of a header row, with its cells", () => {
  const rows = (n: number, f: (i: number) => (string | number | null)[]) => Array.from({ length: n }, (_, i) => f(i));

  test('"Actions" after an Objectives column are sub-actions', () => {
    const g = grid("s", [["Objectives to create change", "Actions", "Lead", "Timescale"], ...rows(6, (i) => [`Objective ${i} for the service`, `Do the thing number ${i} well`, "Jane Smith", "March 2020"])]);
    expect(findHeaderRow(g).header?.columns).toMatchObject({ action: 0, subAction: 1, owner: 2, due: 3 });
  });

  test("one action column is the action, with no sub-action", () => {
    const g = grid("s", [["Actions", "Lead", "Timescale"], ...rows(6, (i) => [`Do the thing number ${i} well`, "Jane Smith", "March 2020"])]);
    const { header } = findHeaderRow(g);
    expect(header?.columns).toMatchObject({ action: 0, owner: 1, due: 2 });
    expect(header?.columns.subAction).toBeUndefined();
  });
});
