import { cellFinding } from "../../../src/engine/findings";

test("an error value names the error and the cell it is in", () => {
  expect(cellFinding({ value: { error: "#N/A" }, text: "#N/A" }, { column: "C", row: 4 })).toMatchObject({
    code: "error-value",
    severity: "error",
    column: "C",
    row: 4,
    message: expect.stringContaining("the error #N/A"),
  });
});

test("an error value is reported as that, even when its text looks like HTML", () => {
  expect(cellFinding({ value: { error: "#REF!" }, text: "<p>" }, { column: "C", row: 4 })?.code).toBe("error-value");
});
