import { facts, findingsOf } from "./facts";

test("no owner points at the owner column and says whether the plan has one", () => {
  const [f] = findingsOf(facts({ owners: [] }));
  expect(f).toMatchObject({ code: "no-owner", severity: "error", column: "C", row: 7 });
  expect(f.message).toContain("here or on its action row");
  const [g] = findingsOf(facts({ owners: [], columns: { action: 1, due: 3 } }));
  expect(g.message).toContain("the plan has no owner or lead column");
});
