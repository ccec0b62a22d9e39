import { facts, findingsOf, noDate } from "./facts";

test("a month without a year, in a plan that states no period, asks for the year", () => {
  const [f] = findingsOf(facts({ reading: noDate("month-no-year"), due: null, dueText: "Sept", rag: "grey", reported: null }));
  expect(f).toMatchObject({ code: "month-no-year", severity: "error", column: "D", message: expect.stringMatching(/^“Sept” has no year/) });
});
