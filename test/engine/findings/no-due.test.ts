import { facts, findingsOf, noDate } from "./facts";

const undated = { reading: noDate("blank"), due: null, dueText: "", rag: "grey", reported: null } as const;

test("an empty due cell points at the column the date is read from, and says whether the plan has one", () => {
  const [f] = findingsOf(facts({ ...undated, dueRole: "revised" }));
  expect(f).toMatchObject({ code: "no-due", severity: "error", column: "E", message: expect.stringContaining("the target date is empty") });
  expect(findingsOf(facts({ ...undated, columns: { action: 1, owner: 2 } }))[0].message).toContain("the plan has no target date column");
});

test("a due cell saying something that is not a date quotes it", () => {
  const [f] = findingsOf(facts({ ...undated, reading: noDate("no-date"), dueText: "ongoing" }));
  expect(f).toMatchObject({ code: "no-due", message: expect.stringMatching(/^No due date: “ongoing” is not a date/) });
});

test("a complete item needs no due date", () => {
  expect(findingsOf(facts({ ...undated, rag: "blue", complete: true }))).toEqual([]);
});
