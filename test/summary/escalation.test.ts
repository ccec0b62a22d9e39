// Escalation (red in the last N reports, or more than M days overdue) and
// "completed since the last report", from the snapshots.
import { defaultSettings, type Settings } from "../../src/engine/settings";
import { completedSince, emptyHistory, escalations, previousSnapshot, recordSnapshot, type History } from "../../src/engine/summary";
import type { PlanReport } from "../../src/engine/report";
import { item, report } from "./fixtures";

const settings = (n: number, m = 3650): Settings => ({ ...defaultSettings(), escalateRedSnapshots: n, escalateDaysOverdue: m });
const historyOf = (...reports: PlanReport[]): History => reports.reduce(recordSnapshot, emptyHistory());
const rows = (list: { item: { row: number } }[]) => list.map((e) => e.item.row);

const jan = report("2020-01-01", [item(2, "red"), item(3, "amber"), item(4, "red"), item(5, "green")]);
const feb = report("2020-02-01", [item(2, "red"), item(3, "red"), item(4, "green"), item(5, "green")]);
const mar = report("2020-03-01", [item(2, "red", { daysOverdue: 95 }), item(3, "red", { daysOverdue: 40 }), item(4, "red", { daysOverdue: 35 }), item(5, "blue")]);

describe("escalations", () => {
  const history = historyOf(jan, feb, mar);

  test.each([
    [1, [2, 3, 4]],
    [2, [2, 3]],
    [3, [2]],
    [4, []],
  ])("red in the last %i reports → rows %j", (n, expected) => {
    expect(rows(escalations(mar, history, settings(n)))).toEqual(expected);
  });

  test("more than M days overdue escalates whatever the history", () => {
    expect(rows(escalations(mar, emptyHistory(), settings(24, 90)))).toEqual([2]);
    expect(rows(escalations(mar, emptyHistory(), settings(24, 36)))).toEqual([2, 3]);
    const both = escalations(mar, history, settings(3, 90));
    expect(both).toMatchObject([{ redRun: true, longOverdue: true }]);
  });

  test("only reports before this one count (a back-dated run ignores later snapshots)", () => {
    expect(rows(escalations(feb, history, settings(2)))).toEqual([2]);
  });

  test("actions are recognised when rows were inserted above them", () => {
    const shifted = report("2020-03-01", [item(12, "red", { ref: "2", text: "Action on row 2" }), item(13, "red", { ref: "3", text: "Action on row 3" })]);
    expect(rows(escalations(shifted, history, settings(2)))).toEqual([12, 13]);
  });

  test("an action whose text was edited in place is still recognised by its row and ref", () => {
    const edited = report("2020-03-01", [item(2, "red", { text: "Action on row 2, reworded" })]);
    expect(rows(escalations(edited, history, settings(3)))).toEqual([2]);
  });

  test("most overdue first", () => {
    const r = report("2020-03-01", [item(2, "red", { daysOverdue: 40 }), item(3, "red", { daysOverdue: 200 }), item(4, "amber", { daysOverdue: 10 })]);
    expect(rows(escalations(r, emptyHistory(), settings(24, 5)))).toEqual([3, 2, 4]);
  });
});

describe("completed since the last report", () => {
  test("blue now and not blue in the previous snapshot", () => {
    const history = historyOf(jan, feb, mar);
    expect(rows(completedSince(mar, previousSnapshot(history, mar.asAt)))).toEqual([5]);
  });

  test("nothing on the first report, and not for actions that were already complete", () => {
    expect(completedSince(mar, null)).toEqual([]);
    const april = report("2020-04-01", mar.sheets[0].items);
    expect(rows(completedSince(april, previousSnapshot(historyOf(jan, feb, mar, april), april.asAt)))).toEqual([]);
  });
});
