import { ROW_FINDINGS, rowFinding } from "../../../src/engine/findings";

test("a repeated header row names its row", () => {
  expect(rowFinding(ROW_FINDINGS.repeatedHeader, { column: "A", row: 12 })).toMatchObject({
    code: "repeated-header",
    severity: "info",
    column: "A",
    row: 12,
    message: expect.stringMatching(/^Row 12 repeats the header row/),
  });
});
