import { completionTest, reportedRag } from "../../src/engine/status";
import { DEFAULT_COMPLETE_WORDS } from "../../src/engine/settings";

const isComplete = completionTest(DEFAULT_COMPLETE_WORDS);

describe("completion words (plan-rules §4)", () => {
  test.each([
    "Complete",
    "completed",
    "COMPLETED",
    "Done",
    "Achieved",
    "Fully achieved",
    "Delivered",
    "Closed",
    "Implemented",
    "Blue",
    "Green – completed",
    "Green - completed",
    "Green Completed",
    "Green completed",
    "Green — Completed",
    "  Complete  ",
    "Complete (March 2015)",
  ])("%p is complete", (status) => expect(isComplete(status)).toBe(true));

  test.each([
    "Partial complete",
    "Phase I completed",
    "partially implemented",
    "not yet delivered",
    "not achieved",
    "not started",
    "incomplete",
    "Incomplete",
    "Green",
    "Amber",
    "Red",
    "",
    "In progress",
    "To be completed by June",
    "Nearly complete",
    "Undelivered",
    "Due to complete in May",
    "Awaiting sign-off, then complete",
  ])("%p is not complete", (status) => expect(isComplete(status)).toBe(false));

  test("the completion words are a setting", () => {
    const custom = completionTest(["signed off"]);
    expect(custom("Signed off by board")).toBe(true);
    expect(custom("Complete")).toBe(false);
    expect(completionTest([])("Complete")).toBe(false);
  });

  test("words with regex characters are taken literally", () => {
    expect(completionTest(["100%"])("100%")).toBe(true);
    expect(completionTest(["c.o.m"])("cxoxm")).toBe(false);
  });
});

describe("self-reported RAG", () => {
  test.each([
    ["Green", false, "green"],
    ["Amber", false, "amber"],
    ["RED - escalated", false, "red"],
    ["Green Completed", true, "blue"],
    ["Blue", true, "blue"],
    ["On track", false, null],
    ["Greenwich pilot", false, null],
  ] as const)("%p → %p", (status, complete, expected) => expect(reportedRag(status, complete)).toBe(expected));
});
