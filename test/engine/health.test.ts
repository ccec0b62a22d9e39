// Plan health per theme: On track / At risk / Off track from the share of a
// theme's actions that are overdue (amber or red) of all its actions, with the
// thresholds from the settings (defaults 10% and 30%, both inclusive).
import { emptyCounts, type RagCounts } from "../../src/engine/counts";
import { HEALTH_FILL, HEALTH_LABEL, healthRule, overdueShare, planHealth } from "../../src/engine/health";
import { defaultSettings, parseSettings } from "../../src/engine/settings";
import { buildSummarySheets, emptyHistory } from "../../src/engine/summary";
import { RAG_FILL } from "../../src/engine/writeback";
import { item, report } from "../summary/fixtures";

/** Counts of `total` actions of which `amber` + `red` are overdue, the rest split between blue, green and grey. */
function counts(total: number, amber: number, red = 0): RagCounts {
  const c = emptyCounts();
  const rest = total - amber - red;
  Object.assign(c, { amber, red, blue: Math.floor(rest / 3), grey: Math.floor(rest / 3), total });
  c.green = rest - c.blue - c.grey;
  return c;
}

const defaults = defaultSettings();

test("the defaults are 10% and 30%", () => {
  expect(defaults.healthAtRiskShare).toBe(0.1);
  expect(defaults.healthOffTrackShare).toBe(0.3);
});

test.each([
  // [total, amber, red, expected]
  [10, 0, 0, "onTrack"],
  [100, 9, 0, "onTrack"], // 9%
  [10, 1, 0, "atRisk"], // exactly 10%
  [10, 0, 1, "atRisk"], // exactly 10%, red
  [100, 10, 0, "atRisk"], // exactly 10%
  [1000, 99, 0, "onTrack"], // 9.9%
  [1000, 100, 0, "atRisk"], // 10.0%
  [100, 29, 0, "atRisk"], // 29%
  [10, 2, 1, "offTrack"], // exactly 30%, amber and red together
  [100, 0, 30, "offTrack"], // exactly 30%
  [1000, 299, 0, "atRisk"], // 29.9%
  [3, 1, 0, "offTrack"], // 33%
  [7, 0, 7, "offTrack"], // all overdue
  [0, 0, 0, "onTrack"], // no actions: nothing overdue
] as const)("%i actions, %i amber and %i red: %s", (total, amber, red, expected) => {
  expect(planHealth(counts(total, amber, red), defaults)).toBe(expected);
});

test("complete and grey actions count in the denominator, not as overdue", () => {
  const c = { ...emptyCounts(), blue: 8, grey: 1, red: 1, total: 10 };
  expect(overdueShare(c)).toBe(0.1);
  expect(planHealth(c, defaults)).toBe("atRisk");
});

test("thresholds come from the settings, and are validated", () => {
  const strict = parseSettings({ healthAtRiskShare: 0.05, healthOffTrackShare: 0.2 });
  expect(planHealth(counts(20, 1), strict)).toBe("atRisk"); // exactly 5%
  expect(planHealth(counts(20, 3, 1), strict)).toBe("offTrack"); // exactly 20%
  expect(planHealth(counts(100, 4), strict)).toBe("onTrack");
  expect(() => parseSettings({ healthAtRiskShare: 0.4, healthOffTrackShare: 0.3 })).toThrow(/healthOffTrackShare/);
  expect(() => parseSettings({ healthAtRiskShare: 1.5 })).toThrow(/healthAtRiskShare/);
  expect(healthRule(defaults)).toContain("On track below 10%, At risk from 10%, Off track from 30%");
});

test("words and colours: green, amber and red fills under the words", () => {
  expect(HEALTH_LABEL).toEqual({ onTrack: "On track", atRisk: "At risk", offTrack: "Off track" });
  expect(HEALTH_FILL).toEqual({ onTrack: RAG_FILL.green, atRisk: RAG_FILL.amber, offTrack: RAG_FILL.red });
});

test("the themes sheet has a Plan health column: a word on its colour per theme and for the total", () => {
  const items = [
    ...Array.from({ length: 9 }, (_, i) => item(5 + i, "green")),
    item(14, "amber"), // Theme A: 1 of 10 overdue → At risk
    item(15, "red", { theme: "Theme B" }),
    item(16, "green", { theme: "Theme B" }), // Theme B: 1 of 2 → Off track
    ...Array.from({ length: 10 }, (_, i) => item(17 + i, "blue", { theme: "Theme C" })), // Theme C: none → On track
  ];
  const [themes] = buildSummarySheets(report("2020-03-01", items), defaults, emptyHistory());
  const header = themes.rows.findIndex((r) => r[0]?.value === "Theme");
  const col = themes.rows[header].findIndex((c) => c?.value === "Health");
  expect(col).toBeGreaterThan(0);
  expect(themes.rows[header - 1][col]?.value).toBe("Plan health");
  const rows = themes.rows.slice(header + 1, header + 5).map((r) => [r[0]?.value, r[col]?.value, r[col]?.style?.fill]);
  expect(rows).toEqual([
    ["Theme A", "At risk", RAG_FILL.amber],
    ["Theme B", "Off track", RAG_FILL.red],
    ["Theme C", "On track", RAG_FILL.green],
    ["Total", "On track", RAG_FILL.green], // 2 of 22 = 9.1%, below 10%
  ]);
  expect(themes.rows[header].length).toBeLessThanOrEqual(themes.columnWidths!.length);
  expect(themes.rows.flat().some((c) => typeof c?.value === "string" && c.value.startsWith("Plan health: the share"))).toBe(true);
});
