import { facts, findingsOf, noDate } from "./facts";

test("a due text that cannot be read is quoted, with how to write it", () => {
  const [f] = findingsOf(facts({ reading: noDate("unreadable"), due: null, dueText: "soonish", rag: "grey", reported: null }));
  expect(f).toMatchObject({ code: "unreadable-due", severity: "error", column: "D", message: expect.stringContaining("“soonish”") });
  expect(f.message).toContain("March 2026");
});

test("not for a complete item", () => {
  expect(findingsOf(facts({ reading: noDate("unreadable"), due: null, dueText: "soonish", rag: "blue", reported: null, complete: true }))).toEqual([]);
});
