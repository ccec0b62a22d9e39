// History, change, trend and escalation through the .xlsx host, run after run
// on the same workbook as a user would: save, reopen, run again.
import type ExcelJS from "exceljs";
import path from "node:path";
import { allItems, countByTheme } from "../../src/engine/counts";
import type { PlanReport } from "../../src/engine/report";
import { defaultSettings, type Settings } from "../../src/engine/settings";
import { EXCEPTION_SECTIONS, parseHistory } from "../../src/engine/summary";
import { buildSummaries, colourWorkbook, scanWorkbook } from "../../src/engine/workflow";
import type { XlsxHost } from "../../src/xlsx/host";
import { CORPUS } from "../helpers/corpus";
import { allValues, edited, findRow, findRowStarting, hostFor, linkAt, load, ownedSheet, reopen, valueAt } from "./summary-helpers";

const PEER = path.join(CORPUS, "peer-challenge-action-plan.xlsx");
const FIRST = "2016-10-30";
const SECOND = "2016-11-30";

async function run(host: XlsxHost, asAt: string, settings: Settings = defaultSettings()) {
  const report = await scanWorkbook(host, { asAt, settings });
  await colourWorkbook(host, report);
  const result = await buildSummaries(host, report, settings);
  return { report, result };
}

/** Two reports a month apart, the workbook saved and reopened in between. */
async function twoRuns(settings: Settings = defaultSettings()) {
  const host = await hostFor(PEER);
  const first = await run(host, FIRST, settings);
  const later = await reopen(host);
  const second = await run(later, SECOND, settings);
  return { host: later, first: first.report, second: second.report, wb: await load(await later.toBuffer()) };
}

async function historyOf(host: XlsxHost) {
  const reading = parseHistory(await host.readOwnedSheet("history"));
  if (!reading.ok) throw new Error(reading.reason);
  return reading.history;
}

/** "Sheet|row" of every action listed in a section of the exceptions sheet, from its link. */
function listed(wb: ExcelJS.Workbook, prefix: string): string[] {
  const ws = ownedSheet(wb, "exceptions");
  const start = findRowStarting(ws, prefix);
  expect(start).toBeGreaterThan(0);
  const out: string[] = [];
  for (let r = start + 1; r <= ws.rowCount && !ws.getCell(r, 1).isMerged; r++) {
    const m = /^#'((?:[^']|'')+)'![A-Z]+(\d+)$/.exec(linkAt(ws, r, 9) ?? "");
    if (m) out.push(`${m[1].replace(/''/g, "'")}|${m[2]}`);
  }
  return out;
}

const key = (sheet: string, row: number) => `${sheet}|${row}`;
const redKeys = (report: PlanReport) => new Set(allItems(report).filter((e) => e.item.rag === "red").map((e) => key(e.sheet, e.item.row)));

describe("history across runs", () => {
  test("two runs on different dates give two snapshots, a change column and a trend of two rows", async () => {
    const { host, first, second, wb } = await twoRuns();
    const history = await historyOf(host);
    expect(history.snapshots.map((s) => s.asAt)).toEqual([FIRST, SECOND]);

    const ws = ownedSheet(wb, "themes");
    expect(findRowStarting(ws, "Trend across reports")).toBeGreaterThan(0);
    const trendHeader = findRow(ws, "As at", "Blue", "Green");
    expect([valueAt(ws, trendHeader + 1, 1), valueAt(ws, trendHeader + 2, 1), valueAt(ws, trendHeader + 3, 1)]).toEqual(["30 Oct 2016", "30 Nov 2016", null]);

    const header = findRow(ws, "Theme", "Blue");
    expect(valueAt(ws, header - 1, 9)).toBe("Change since 30 Oct 2016");
    const before = new Map(countByTheme(allItems(first).map((e) => e.item)).map((r) => [r.label, r.counts]));
    const now = countByTheme(allItems(second).map((e) => e.item));
    now.forEach((row, i) => {
      const was = before.get(row.label)!;
      const changes = [9, 10, 11, 12, 13].map((c) => valueAt(ws, header + 1 + i, c));
      expect(changes).toEqual((["blue", "green", "amber", "red", "grey"] as const).map((rag) => row.counts[rag] - was[rag]));
    });
    // Something did change between the two dates (actions went from amber to red).
    expect(now.some((row) => row.counts.red !== before.get(row.label)!.red)).toBe(true);
  });

  test("re-running on the same as-at date replaces that snapshot, and summary twice = once", async () => {
    const host = await hostFor(PEER);
    await run(host, FIRST);
    await run(host, SECOND);
    const once = allValues(await load(await host.toBuffer()));
    const again = await reopen(host);
    await run(again, SECOND);
    expect((await historyOf(again)).snapshots.map((s) => s.asAt)).toEqual([FIRST, SECOND]);
    expect(allValues(await load(await again.toBuffer()))).toEqual(once);
  });

  test.each<[string, Partial<Settings>, (first: PlanReport, second: PlanReport) => Set<string>]>([
    ["red in the last 2 reports", { escalateRedSnapshots: 2, escalateDaysOverdue: 3650 }, (a, b) => new Set([...redKeys(b)].filter((k) => redKeys(a).has(k)))],
    ["red in the last report", { escalateRedSnapshots: 1, escalateDaysOverdue: 3650 }, (_a, b) => redKeys(b)],
    ["red in the last 3 reports (only 2 recorded)", { escalateRedSnapshots: 3, escalateDaysOverdue: 3650 }, () => new Set()],
    ["more than 120 days overdue", { escalateRedSnapshots: 24, escalateDaysOverdue: 120 }, (_a, b) => new Set(allItems(b).filter((e) => e.item.daysOverdue > 120).map((e) => key(e.sheet, e.item.row)))],
  ])("escalation follows the settings: %s", async (name, change, expected) => {
    const settings = { ...defaultSettings(), ...change };
    const { first, second, wb } = await twoRuns(settings);
    const want = expected(first, second);
    if (!name.includes("only 2 recorded")) expect(want.size).toBeGreaterThan(0);
    const got = listed(wb, EXCEPTION_SECTIONS.escalations);
    expect(new Set(got)).toEqual(want);
    expect(got).toHaveLength(want.size);
    // Most overdue first.
    const late = new Map(allItems(second).map((e) => [key(e.sheet, e.item.row), e.item.daysOverdue]));
    const days = got.map((k) => late.get(k)!);
    expect(days).toEqual([...days].sort((x, y) => y - x));
  });

  test("the two escalation settings really select different actions on this plan", async () => {
    const { wb: strict } = await twoRuns({ ...defaultSettings(), escalateRedSnapshots: 2, escalateDaysOverdue: 3650 });
    const { wb: loose } = await twoRuns({ ...defaultSettings(), escalateRedSnapshots: 1, escalateDaysOverdue: 3650 });
    expect(listed(loose, EXCEPTION_SECTIONS.escalations).length).toBeGreaterThan(listed(strict, EXCEPTION_SECTIONS.escalations).length);
  });

  test("an action marked complete between two reports is listed as completed since the last report", async () => {
    const host = await hostFor(PEER);
    const { report } = await run(host, FIRST);
    const sheet = report.sheets[1];
    const item = sheet.items[2];
    const later = await edited(host, (wb) => (wb.getWorksheet(sheet.name)!.getCell(`${sheet.columns.status}${item.row}`).value = "Complete"));
    await run(later, SECOND);
    const wb = await load(await later.toBuffer());
    expect(listed(wb, EXCEPTION_SECTIONS.completed)).toEqual([key(sheet.name, item.row)]);
  });

  test("a damaged history sheet is replaced by a fresh one, and the user is told", async () => {
    const host = await hostFor(PEER);
    await run(host, FIRST);
    const later = await edited(host, (wb) => {
      const ws = ownedSheet(wb, "history");
      ws.getCell(findRow(ws, "As at", "Theme", "Blue") + 1, 3).value = "lots";
    });
    const { result } = await run(later, SECOND);
    expect(result.notices.join(" ")).toMatch(/could not be read.*new history was started/);
    expect((await historyOf(later)).snapshots.map((s) => s.asAt)).toEqual([SECOND]);
  });
});

describe("Plan Monitor's own sheets", () => {
  test("a user's sheet called “PM Summary – Themes” is never touched; ours gets another name and the user is told", async () => {
    const host = await edited(await hostFor(PEER), (wb) => {
      const mine = wb.addWorksheet("PM Summary – Themes");
      mine.getCell("A1").value = "My own notes";
      mine.getCell("B3").value = 42;
    });
    const before = allValues(await load(await host.toBuffer()))["PM Summary – Themes"];

    const { result } = await run(host, FIRST);
    expect(result.written.find((w) => w.kind === "themes")?.name).toBe("PM Summary – Themes (2)");
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]).toMatch(/“PM Summary – Themes”.*“PM Summary – Themes \(2\)”/);

    const again = await reopen(host);
    const grids = await again.readGrids();
    expect(grids.find((g) => g.name === "PM Summary – Themes")?.ownedByPlanMonitor).toBeUndefined();
    expect(grids.find((g) => g.name === "PM Summary – Themes (2)")?.ownedByPlanMonitor).toBe(true);
    const second = await run(again, SECOND);
    expect(second.result.notices).toEqual([]);
    const wb = await load(await again.toBuffer());
    expect(allValues(wb)["PM Summary – Themes"]).toEqual(before);
    expect(wb.worksheets.map((w) => w.name).filter((n) => n.startsWith("PM Summary – Themes"))).toEqual(["PM Summary – Themes", "PM Summary – Themes (2)"]);
  });

  test("re-running rewrites our sheets in place: same names, same positions, nothing left over", async () => {
    const host = await hostFor(PEER);
    await run(host, FIRST);
    const order = (await load(await host.toBuffer())).worksheets.map((w) => w.name);
    const again = await edited(host, (wb) => {
      ownedSheet(wb, "themes").getCell("Z200").value = "left by a user";
      wb.addWorksheet("Notes");
    });
    await run(again, FIRST);
    const wb = await load(await again.toBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([...order, "Notes"]);
    expect(valueAt(ownedSheet(wb, "themes"), 200, 26)).toBeNull();
  });
});
