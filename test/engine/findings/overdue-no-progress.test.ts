import { facts, findingsOf } from "./facts";

test("late without a progress note is flagged on the progress column", () => {
  const [f] = findingsOf(facts({ rag: "red", reported: null, progress: "", late: 1 }));
  expect(f).toMatchObject({ code: "overdue-no-progress", severity: "warning", column: "G", message: expect.stringMatching(/^1 day overdue/) });
  expect(findingsOf(facts({ rag: "amber", reported: null, progress: "", late: 4 }))[0].message).toMatch(/^4 days overdue/);
});

test("not where the plan has no progress column, nor when a note is there", () => {
  expect(findingsOf(facts({ rag: "red", reported: null, progress: "", late: 1, columns: { action: 1, owner: 2, due: 3 } }))).toEqual([]);
  expect(findingsOf(facts({ rag: "red", reported: null, late: 1 }))).toEqual([]);
});
