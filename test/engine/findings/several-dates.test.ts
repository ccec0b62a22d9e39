import { date, facts, findingsOf } from "./facts";

test("several dates in one cell: the latest is named as the one taken", () => {
  const [f] = findingsOf(facts({ reading: date("2020-10-31", true), due: "2020-10-31", dueText: "Sept / Oct 2020" }));
  expect(f).toMatchObject({ code: "several-dates", severity: "info", column: "D" });
  expect(f.message).toContain("“Sept / Oct 2020”");
  expect(f.message).toContain("the latest, 31 Oct 2020, was taken");
});

test("one date, or a complete item, says nothing", () => {
  expect(findingsOf(facts())).toEqual([]);
  expect(findingsOf(facts({ reading: date("2020-10-31", true), complete: true, rag: "blue", reported: "blue" }))).toEqual([]);
});
