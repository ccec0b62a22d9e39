import { columnRoles, isPlanHeader } from "../../src/engine/layout/header";
import { rolesOfHeader } from "../../src/engine/roles";

describe("header names → roles (plan-rules §1)", () => {
  test.each([
    ["Ref", "ref"],
    ["No.", "ref"],
    ["#", "ref"],
    ["Action", "action"],
    ["Actions", "action"],
    ["Recommendation", "action"],
    ["Objectives to create change", "action"],
    ["Recommendation for Improvement (as per CI)", "action"],
    ["Recommendation for Improvement", "action"],
    ["Action required", "subAction"],
    ["What will be done", "subAction"],
    ["Owner", "owner"],
    ["Lead", "owner"],
    ["Lead officer", "owner"],
    ["Lead Officer", "owner"],
    ["Responsible officer", "owner"],
    ["Target Date", "due"],
    ["Timescale", "due"],
    ["Finish", "due"],
    ["Completion date", "due"],
    ["Deadline", "due"],
    ["Start", "start"],
    ["Project Status", "status"],
    ["RAG rating", "status"],
    ["BRAG", "status"],
    ["RAG", "status"],
    ["Status", "status"],
    ["Update on Progress", "progress"],
    ["Progress update", "progress"],
    ["Progress Update", "progress"],
    ["Outputs & Outcomes Achieved", "outcome"],
    ["Outcome", "outcome"],
    ["Success measures", "outcome"],
    ["Expected Outcome", "outcome"],
    ["Source of Recommendation", "source"],
  ])("%p names %p", (name, role) => expect(rolesOfHeader(name)[0]?.role).toBe(role));

  test("a combined column names both roles", () => {
    expect(rolesOfHeader("Sub-Actions & Progress").map((m) => m.role)).toEqual(["subAction", "progress"]);
  });

  test.each(["Area", "", "Improvement Area 1 – Address the risks and challenges of the widely devolved safeguarding arrangements."])(
    "%p names no role",
    (name) => expect(rolesOfHeader(name)).toEqual([]),
  );

  test('"Actions" after an Objectives column are sub-actions', () => {
    const { columns } = columnRoles(["Objectives to create change", "Actions", "Lead", "Timescale"]);
    expect(columns).toMatchObject({ action: 0, subAction: 1, owner: 2, due: 3 });
    expect(columnRoles(["Actions", "Lead", "Timescale"]).columns).toMatchObject({ action: 0, owner: 1, due: 2 });
    expect(columnRoles(["Actions", "Lead", "Timescale"]).columns.subAction).toBeUndefined();
  });

  test("a plan header needs an action column and something to track it by", () => {
    expect(isPlanHeader(columnRoles(["Action", "Owner", "Target date"]).columns)).toBe(true);
    expect(isPlanHeader(columnRoles(["Owner", "Target date", "Status"]).columns)).toBe(false);
    expect(isPlanHeader(columnRoles(["Action", "Outcome", "Source"]).columns)).toBe(false);
  });
});
