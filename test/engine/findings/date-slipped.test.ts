import { facts, findingsOf } from "./facts";

test("a revised date later than the target is a slipped date on the revised column", () => {
  const [f] = findingsOf(facts({ dueRole: "revised", target: "2020-03-31", due: "2020-09-30" }));
  expect(f).toMatchObject({ code: "date-slipped", severity: "warning", column: "E", message: expect.stringContaining("from 31 Mar 2020 to 30 Sep 2020") });
});

test("a revised date brought forward, or no revised date, is no slip", () => {
  expect(findingsOf(facts({ dueRole: "revised", target: "2020-12-31", due: "2020-09-30" }))).toEqual([]);
  expect(findingsOf(facts({ target: "2020-03-31" }))).toEqual([]);
});
