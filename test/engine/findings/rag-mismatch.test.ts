import { facts, findingsOf } from "./facts";

test("a status reporting another RAG than the computed one, with how late the item is", () => {
  const [f] = findingsOf(facts({ reported: "green", rag: "red", late: 3, due: "2020-06-12" }));
  expect(f).toMatchObject({ code: "rag-mismatch", severity: "warning", column: "F" });
  expect(f.message).toContain("(Green), but as at 15 Jun 2020 this action is Red: 3 days past its due date of 12 Jun 2020.");
});

test("blue is named as complete", () => {
  const [f] = findingsOf(facts({ status: "Done", reported: "blue", rag: "green" }));
  expect(f.message).toContain("“Done” (Blue (complete))");
});

test("green on an item with no date is not a mismatch", () => {
  expect(findingsOf(facts({ reported: "green", rag: "grey" }))).toEqual([]);
});
