import { cellFinding } from "../../../src/engine/findings";

test("pasted HTML tags in a cell are flagged; plain text is not", () => {
  expect(cellFinding({ value: "<p>Done</p>", text: "<p>Done</p>" }, { column: "C", row: 4 })).toMatchObject({ code: "html-in-text", severity: "warning", column: "C" });
  expect(cellFinding({ value: "Done", text: "Done" }, { column: "C", row: 4 })).toBeNull();
  expect(cellFinding({ value: "a < b and c > d", text: "a < b and c > d" }, { column: "C", row: 4 })).toBeNull();
});
