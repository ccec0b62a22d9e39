// Marker trust in the Office host, as in the .xlsx host (test/robustness/marker-trust.test.ts):
// a PlanMonitor_<kind> name pointing at a user's sheet never gets that sheet skipped
// as Plan Monitor's, emptied or rewritten; the summaries go to sheets of their own
// and the markers then point at those.
import { markerName } from "../../src/engine/owned";
import { defaultSettings } from "../../src/engine/settings";
import { OWNED_TITLES, SUMMARY_KINDS } from "../../src/engine/summary/names";
import { buildSummaries, colourWorkbook, scanWorkbook } from "../../src/engine/workflow";
import { WorkbookModel } from "../../tools/excel-sim/model";
import { exportSnapshot, simHost } from "../helpers/officeHost";

const HEADER = ["Ref", "Action", "Lead", "Due", "Status"];
const ACTIONS: (string | number)[][] = [
  ["1.1", "Agree the new referral form", "JF", 43800, "Complete"],
  ["1.2", "Train every team on the form", "SK", 43900, "Delayed"],
  ["1.3", "Audit a sample of referrals", "NT", 44200, "On track"],
];

/** A user's plan with Plan Monitor's marker names pointing at it (at `cell`). */
function hostileModel(kinds: readonly string[], cell = "$A$1"): WorkbookModel {
  const model = new WorkbookModel();
  const plan = model.addSheet("Plan");
  HEADER.forEach((h, c) => plan.setValue(0, c, h));
  ACTIONS.forEach((row, r) => row.forEach((v, c) => plan.setValue(r + 1, c, v, c === 3 ? "dd/mm/yyyy" : undefined)));
  for (const kind of kinds) model.names.push({ name: markerName(kind), formula: `='Plan'!${cell}`, visible: true, comment: "" });
  return model;
}

const planCells = (model: WorkbookModel) => (exportSnapshot(model, ["Plan"]) as { sheets: { cells: unknown }[] }).sheets[0].cells;

test.each([[["themes"]], [["exceptions"]], [[...SUMMARY_KINDS]]])("markers %j on the user's plan do not hide or overwrite it", async (kinds) => {
  const model = hostileModel(kinds);
  const before = planCells(model);
  const { host } = simHost(model);
  const settings = defaultSettings();

  const grids = await host.readGrids();
  expect(grids.map((g) => [g.name, g.ownedByPlanMonitor ?? false])).toEqual([["Plan", false]]);
  expect(await host.readOwnedSheet(kinds[0])).toBeNull();
  const report = await scanWorkbook(host, { asAt: "2020-06-15", settings });
  expect(report.sheets.map((s) => [s.name, s.items.length])).toEqual([["Plan", 3]]);

  const result = await buildSummaries(host, report, settings);
  expect(result.notices).toEqual([]);
  expect(planCells(model)).toEqual(before);
  expect(model.sheets.map((s) => s.name)).toEqual(["Plan", "PM Summary – Themes", "PM Summary – Owners", "PM Exceptions", "PM History"]);
  // Every marker now points at Plan Monitor's own sheet, none at the plan.
  expect(model.names.filter((n) => n.formula.includes("Plan'!"))).toEqual([]);
  for (const kind of SUMMARY_KINDS) expect(model.sheetByName(model.nameByName(markerName(kind))!.formula.replace(/^='(.*)'!\$A\$1$/, "$1"))?.textAt(0, 0)).toBe(OWNED_TITLES[kind]);

  // A second run reuses the summaries in place and still reads the plan.
  const again = await scanWorkbook(host, { asAt: "2020-06-15", settings });
  expect(again.sheets.map((s) => s.name)).toEqual(["Plan"]);
  await buildSummaries(host, again, settings);
  expect(model.sheets.map((s) => s.name)).toEqual(["Plan", "PM Summary – Themes", "PM Summary – Owners", "PM Exceptions", "PM History"]);
  expect(planCells(model)).toEqual(before);
});

test("a marker that does not point at A1 is not trusted, even on a sheet with Plan Monitor's title", async () => {
  const model = hostileModel([]);
  const copy = model.addSheet("Copy");
  copy.setValue(1, 1, OWNED_TITLES.themes);
  copy.setValue(0, 0, OWNED_TITLES.themes);
  model.names.push({ name: markerName("themes"), formula: "='Copy'!$B$2", visible: true, comment: "" });
  const { host } = simHost(model);
  expect((await host.readGrids()).map((g) => [g.name, g.ownedByPlanMonitor ?? false])).toEqual([
    ["Plan", false],
    ["Copy", false],
  ]);
  expect(await host.readOwnedSheet("themes")).toBeNull();
});

test("a marker of one kind on a sheet with another kind's title is not trusted", async () => {
  const model = hostileModel([]);
  const sheet = model.addSheet("Notes");
  sheet.setValue(0, 0, OWNED_TITLES.history);
  model.names.push({ name: markerName("themes"), formula: "='Notes'!$A$1", visible: true, comment: "" });
  const { host } = simHost(model);
  expect((await host.readGrids()).find((g) => g.name === "Notes")?.ownedByPlanMonitor).toBeUndefined();
  const result = await host.writeSheets([{ name: "PM Summary – Themes", kind: "themes", rows: [[{ value: OWNED_TITLES.themes }]] }]);
  expect(result.written).toEqual([{ kind: "themes", name: "PM Summary – Themes" }]);
  expect(model.sheetByName("Notes")!.textAt(0, 0)).toBe(OWNED_TITLES.history);
  expect(model.nameByName(markerName("themes"))?.formula).toBe("='PM Summary – Themes'!$A$1");
});

test("with its markers lost, an old summary is not read as a plan, nor cleared, rewritten or coloured", async () => {
  const model = hostileModel([]);
  const { host } = simHost(model);
  const settings = defaultSettings();
  const asAt = "2020-06-15";
  const first = await scanWorkbook(host, { asAt, settings });
  await buildSummaries(host, first, settings);
  const summaries = ["PM Summary – Themes", "PM Summary – Owners", "PM Exceptions", "PM History"];
  expect(model.sheets.map((s) => s.name)).toEqual(["Plan", ...summaries]);
  // The markers are lost (names deleted, or the sheets copied to another workbook).
  model.names = model.names.filter((n) => !n.name.startsWith("PlanMonitor_"));
  const before = exportSnapshot(model);

  const grids = await host.readGrids();
  expect(grids.filter((g) => g.ownedByPlanMonitor)).toEqual([]);
  const again = await scanWorkbook(host, { asAt, settings });
  expect(again.sheets.map((s) => [s.name, s.items.length])).toEqual(first.sheets.map((s) => [s.name, s.items.length]));
  expect(again.skipped).toEqual(summaries.map((name) => ({ name, reason: `looks like one of Plan Monitor's summary sheets (${name}) whose marker was lost; it is not read as a plan` })));

  await colourWorkbook(host, again);
  const result = await buildSummaries(host, again, settings);
  expect(result.written.map((w) => w.name)).toEqual(summaries.map((n) => `${n} (2)`));
  expect(result.notices.join(" ")).toContain("PM Summary – Themes (2)");
  // The old summaries exactly as they were (values and formats): never cleared, rewritten or coloured.
  const oldSheets = (snapshot: unknown) => (snapshot as { sheets: { name: string }[] }).sheets.filter((s) => summaries.includes(s.name));
  expect(oldSheets(before)).toHaveLength(summaries.length);
  expect(oldSheets(exportSnapshot(model))).toEqual(oldSheets(before));
});
