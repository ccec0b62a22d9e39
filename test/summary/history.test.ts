// The history kept in "PM History": snapshots keyed by as-at date, written as
// cell values and parsed back; a damaged sheet starts a fresh history.
import { defaultSettings } from "../../src/engine/settings";
import {
  buildSummarySheets,
  emptyHistory,
  historyFromSheet,
  historySheet,
  parseHistory,
  recordSnapshot,
  snapshotOf,
  type History,
} from "../../src/engine/summary";
import type { SheetCellValue, SheetSpec } from "../../src/engine/writeback";
import { item, report } from "./fixtures";

const valuesOf = (spec: SheetSpec): SheetCellValue[][] => spec.rows.map((row) => Array.from(row, (c) => c?.value ?? null));
const historySpec = (h: History, asAt = "2020-04-01"): SheetSpec => historySheet(h, asAt);

const march = report("2020-03-01", [item(2, "red", { daysOverdue: 30 }), item(3, "blue", { theme: "Theme B" }), item(4, "grey", { ref: "1.10" })]);
const april = report("2020-04-01", [item(2, "red", { daysOverdue: 61 }), item(3, "blue", { theme: "Theme B" }), item(4, "green", { ref: "1.10" })]);

describe("snapshots", () => {
  test("a snapshot holds counts per theme in plan order and every item's RAG", () => {
    const s = snapshotOf(march);
    expect(s.themes).toEqual([
      { theme: "Theme A", blue: 0, green: 0, amber: 0, red: 1, grey: 1, total: 2 },
      { theme: "Theme B", blue: 1, green: 0, amber: 0, red: 0, grey: 0, total: 1 },
    ]);
    expect(s.items.map((i) => [i.row, i.ref, i.rag])).toEqual([[2, "2", "red"], [3, "3", "blue"], [4, "1.10", "grey"]]);
  });

  test("recording on a new date adds a snapshot, in date order; on the same date it replaces it", () => {
    const h1 = recordSnapshot(recordSnapshot(emptyHistory(), april), march);
    expect(h1.snapshots.map((s) => s.asAt)).toEqual(["2020-03-01", "2020-04-01"]);
    const rerun = report("2020-04-01", [item(2, "blue")]);
    const h2 = recordSnapshot(h1, rerun);
    expect(h2.snapshots.map((s) => s.asAt)).toEqual(["2020-03-01", "2020-04-01"]);
    expect(h2.snapshots[1].items.map((i) => i.rag)).toEqual(["blue"]);
  });

  test("item rows are kept for the latest 24 snapshots only; counts for all", () => {
    let h = emptyHistory();
    for (let m = 1; m <= 30; m++) h = recordSnapshot(h, report(`2020-${String(((m - 1) % 12) + 1).padStart(2, "0")}-${String(Math.ceil(m / 12)).padStart(2, "0")}`, [item(2, "red")]));
    expect(h.snapshots).toHaveLength(30);
    expect(h.snapshots.filter((s) => s.items.length).length).toBe(24);
    expect(h.snapshots.slice(-24).every((s) => s.items.length === 1)).toBe(true);
  });
});

describe("the history sheet", () => {
  const history = recordSnapshot(recordSnapshot(emptyHistory(), march), april);

  test("is the history buildSummarySheets writes, with this report recorded", () => {
    const specs = buildSummarySheets(april, defaultSettings(), recordSnapshot(emptyHistory(), march));
    expect(parseHistory(valuesOf(specs.find((s) => s.kind === "history")!))).toEqual({ ok: true, history });
  });

  test("round-trips through cell values", () => {
    const spec = historySpec(history, "2020-04-01");
    expect(parseHistory(valuesOf(spec))).toEqual({ ok: true, history });
  });

  test("text a spreadsheet might turn into numbers or dates is stored as text", () => {
    const spec = historySpec(history, "2020-04-01");
    const refCell = spec.rows.flat().find((c) => c?.value === "1.10");
    expect(refCell?.style?.numberFormat).toBe("@");
    const dateCell = spec.rows.flat().find((c) => c?.value === "2020-03-01");
    expect(dateCell?.style?.numberFormat).toBe("@");
  });

  test("as-at dates that a spreadsheet turned into date serials still parse", () => {
    const values = valuesOf(historySpec(history, "2020-04-01")).map((row) => row.map((v) => (v === "2020-03-01" ? 43891 : v)));
    const parsed = parseHistory(values);
    expect(parsed.ok && parsed.history).toEqual(history);
  });

  test("no sheet yet is an empty history, not a problem", () => {
    expect(historyFromSheet(null, "2020-04-01")).toEqual({ history: emptyHistory(), notice: null });
  });

  test.each<[string, (v: SheetCellValue[][]) => SheetCellValue[][]]>([
    ["a count that is not a number", (v) => v.map((row) => (row[0] === "2020-03-01" && row[2] === 0 ? ["2020-03-01", row[1], "many", ...row.slice(3)] : row))],
    ["a total that does not add up", (v) => v.map((row) => (row[0] === "2020-03-01" && typeof row[7] === "number" ? [...row.slice(0, 7), 99] : row))],
    ["a date that is not a date", (v) => v.map((row) => (row[0] === "2020-04-01" ? ["April", ...row.slice(1)] : row))],
    ["an unknown RAG", (v) => v.map((row) => (row[5] === "Red" ? [...row.slice(0, 5), "Purple"] : row))],
    ["the headers gone", (v) => v.filter((row) => row[0] !== "As at")],
    ["a sheet of something else", () => [["Hello"], [1, 2, 3]]],
  ])("a damaged sheet (%s) starts a fresh history and says so", (_name, damage) => {
    const values = damage(valuesOf(historySpec(history, "2020-04-01")));
    expect(parseHistory(values).ok).toBe(false);
    const { history: fresh, notice } = historyFromSheet(values, "2020-05-01");
    expect(fresh).toEqual(emptyHistory());
    expect(notice).toMatch(/could not be read .*new history was started as at 1 May 2020/);
  });
});
