// Summary sheets: written in place, idempotent, never over a user's sheet, constant
// round trips; plus readOwnedSheet, settings and readGrids' ownership marks.
import { RAG_FILL, type SheetSpec } from "../../src/engine/writeback";
import { defaultSettings } from "../../src/engine/settings";
import { OWNED_TITLES } from "../../src/engine/summary/names";
import { COLOURING_KEY, MARKER_PREFIX, PlanMonitorError, SETTINGS_KEY, markerName } from "../../src/excel";
import type { WorkbookModel } from "../../tools/excel-sim/model";
import { largePlanModel } from "../helpers/largePlan";
import { exportSnapshot, loadCorpus, simHost } from "../helpers/officeHost";

function themesSpec(name = "PM Summary – Themes"): SheetSpec {
  const header = ["Theme", "Blue", "Green", "Amber", "Red", "Grey"].map((v) => ({ value: v, style: { bold: true, fill: "#D9E1F2", border: true } }));
  const rows = [
    [{ value: OWNED_TITLES.themes, style: { bold: true } }],
    header,
    ...["Leadership", "Safeguarding", "Workforce"].map((t, i) => [
      // The second link cell is formatted as text, as the exceptions sheet's are: the formula must still work.
      { value: t, link: `'Improvement Plan'!A${i * 10 + 4}`, style: i === 1 ? { border: true, numberFormat: "@" } : { border: true } },
      ...[3, 2, 1, 0, 1].map((n, j) => ({ value: n + i + j, style: { border: true, horizontal: "center" as const } })),
    ]),
    [{ value: "As at", style: { italic: true } }, { value: 45536, style: { numberFormat: "dd/mm/yyyy" } }],
    [{ value: "1.10" }, { value: "2024-05-01" }, { value: "TRUE" }, { value: "=not a formula" }, { value: null }, { value: "Total", formula: "=SUM(B3:B5)" }],
  ];
  return {
    name,
    kind: "themes",
    rows,
    columnWidths: [28, 10, 10, 10, 10, 10],
    merges: [{ top: 0, left: 0, bottom: 0, right: 5 }],
    charts: [{ kind: "barStacked", title: "Items by theme and RAG", range: { top: 1, left: 0, bottom: 4, right: 5 }, seriesBy: "columns", colours: Object.values(RAG_FILL), anchor: { row: 8, col: 0 } }],
    print: { landscape: true, fitToPagesWide: 1, repeatRows: { first: 1, last: 1 }, footer: "Plan Monitor" },
    freezeRows: 2,
  };
}

function historySpec(rows = 3): SheetSpec {
  return {
    name: "PM History",
    kind: "history",
    rows: [[{ value: OWNED_TITLES.history }], [{ value: "Date" }, { value: "Red" }], ...Array.from({ length: rows }, (_, i) => [{ value: 45500 + i }, { value: i }])],
    hidden: true,
  };
}

/** A model's state apart from ids (which differ between two writes). */
const withoutIds = (model: WorkbookModel) => ({
  snapshot: exportSnapshot(model),
  charts: model.sheets.map((s) => s.charts.map(({ id: _id, ...c }) => c)),
  layout: model.sheets.map((s) => ({ name: s.name, visibility: s.visibility, freeze: s.freeze, page: s.pageLayout })),
  names: model.names,
});

describe("OfficePlanHost.writeSheets", () => {
  test("writes new sheets with values, styles, merges, links, widths, a chart, page layout and freeze panes", async () => {
    const { model } = await loadCorpus("cqc-monitoring-form.xlsx");
    const { host, backend } = simHost(model);
    const result = await host.writeSheets([themesSpec(), historySpec()]);
    expect(result).toEqual({ written: [{ kind: "themes", name: "PM Summary – Themes" }, { kind: "history", name: "PM History" }], notices: [] });
    expect(backend.requestCount).toBe(2); // 2 syncs

    const s = model.sheetByName("PM Summary – Themes")!;
    expect(s.textAt(0, 0)).toBe(OWNED_TITLES.themes);
    expect(s.getCell(1, 1)).toMatchObject({ value: "Blue", fill: "#D9E1F2", font: { bold: true } });
    // Links are =HYPERLINK formulas (the same as the .xlsx host writes), underlined, never per-cell hyperlink objects;
    // a link cell formatted as text gets General, or Excel would keep the formula as text.
    expect(s.getCell(2, 0)).toMatchObject({ formula: `=HYPERLINK("#'Improvement Plan'!A4","Leadership")`, font: { underline: "Single" } });
    expect(s.getCell(3, 0)).toMatchObject({ formula: `=HYPERLINK("#'Improvement Plan'!A14","Safeguarding")` });
    expect(s.getCell(3, 0)?.numberFormat).toBeUndefined();
    expect([...s.cells.values()].some((c) => c.hyperlink)).toBe(false);
    expect(s.getCell(2, 1)).toMatchObject({ value: 3, horizontal: "Center" });
    expect(s.getCell(2, 1)?.borders).toEqual({ top: { style: "Continuous", weight: "Thin" }, bottom: { style: "Continuous", weight: "Thin" }, left: { style: "Continuous", weight: "Thin" }, right: { style: "Continuous", weight: "Thin" } });
    expect(s.textAt(5, 1)).toBe("01/09/2024");
    // Strings stay strings (Excel would turn "1.10", "TRUE" or "=…" into a number, a boolean or a formula).
    expect([0, 1, 2, 3].map((c) => s.getCell(6, c)?.value)).toEqual(["1.10", "2024-05-01", "TRUE", "=not a formula"]);
    expect(s.getCell(6, 5)?.formula).toBe("=SUM(B3:B5)");
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 5 }]);
    expect(s.columnWidths.get(0)).toBeCloseTo((28 * 7 + 5) * 0.75);
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0]).toMatchObject({ chartType: "BarStacked", title: "Items by theme and RAG", seriesBy: "Columns", anchor: "A9", source: { top: 1, left: 0, bottom: 4, right: 5 } });
    expect(s.charts[0].seriesColours).toEqual(Object.values(RAG_FILL));
    expect(s.pageLayout).toMatchObject({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, printTitleRows: { first: 1, last: 1 } });
    expect(s.pageLayout.headerFooter.centerFooter).toBe("Plan Monitor");
    expect(s.freeze).toEqual({ rows: 2, columns: 0 });
    expect(model.sheetByName("PM History")!.visibility).toBe("Hidden");
    expect(model.nameByName(markerName("themes"))?.formula).toBe("='PM Summary – Themes'!$A$1");
    expect(model.nameByName(markerName("history"))?.formula).toBe("='PM History'!$A$1");
  });

  test("writing twice is the same as writing once: rewritten in place, not deleted", async () => {
    const { model } = await loadCorpus("scr-action-plan.xlsx");
    const { host } = simHost(model);
    await host.writeSheets([themesSpec(), historySpec()]);
    const ids = model.sheets.map((s) => s.id);
    const once = withoutIds(model);
    await host.writeSheets([themesSpec(), historySpec()]);
    expect(model.sheets.map((s) => s.id)).toEqual(ids);
    expect(withoutIds(model)).toEqual(once);
    // A shorter rewrite leaves nothing of the longer one behind.
    await host.writeSheets([historySpec(1)]);
    expect(model.sheetByName("PM History")!.usedArea(false)).toEqual({ top: 0, left: 0, bottom: 2, right: 1 });
  });

  test("a user's sheet with the same name is never overwritten: the summary gets another name and a notice", async () => {
    const { model } = await loadCorpus("scr-action-plan.xlsx");
    const mine = model.addSheet("PM Summary – Themes");
    mine.setValue(0, 0, "My own notes");
    const userSheet = () => (exportSnapshot(model, ["PM Summary – Themes"]) as { sheets: unknown[] }).sheets;
    const before = userSheet();
    expect(before).toHaveLength(1);
    const { host } = simHost(model);
    const result = await host.writeSheets([themesSpec()]);
    expect(result.written).toEqual([{ kind: "themes", name: "PM Summary – Themes (2)" }]);
    expect(result.notices).toEqual([
      'A sheet of yours is already called “PM Summary – Themes”, so Plan Monitor named its new sheet “PM Summary – Themes (2)” instead. Your sheet was not changed.',
    ]);
    expect(userSheet()).toEqual(before);
    // Next time the marker finds "(2)" again; the user's sheet is still left alone.
    const again = await host.writeSheets([themesSpec()]);
    expect(again).toEqual({ written: [{ kind: "themes", name: "PM Summary – Themes (2)" }], notices: [] });
    expect(userSheet()).toEqual(before);
  });

  test("a summary sheet the user renamed is rewritten in place under the user's name", async () => {
    const { model } = await loadCorpus("scr-action-plan.xlsx");
    const { host } = simHost(model);
    await host.writeSheets([themesSpec()]);
    model.renameSheet(model.sheetByName("PM Summary – Themes")!, "Board summary");
    const result = await host.writeSheets([themesSpec()]);
    expect(result.written).toEqual([{ kind: "themes", name: "Board summary" }]);
    expect(model.sheets.map((s) => s.name)).toEqual(["SCR Action Plan", "Board summary"]);
  });

  test("a protected summary sheet is refused in plain words, nothing written", async () => {
    const { model } = await loadCorpus("scr-action-plan.xlsx");
    const { host } = simHost(model);
    await host.writeSheets([themesSpec()]);
    model.sheetByName("PM Summary – Themes")!.protected = true;
    const before = exportSnapshot(model);
    const error = await host.writeSheets([historySpec(), themesSpec()]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanMonitorError);
    expect((error as Error).message).toBe("The sheet 'PM Summary – Themes' is protected. Unprotect it (Review > Unprotect Sheet) to let Plan Monitor update it.");
    expect(exportSnapshot(model)).toEqual(before);
    expect(model.sheetByName("PM History")).toBeUndefined();
  });

  test("readGrids marks Plan Monitor's sheets; readOwnedSheet returns their values or null", async () => {
    const { model } = await loadCorpus("moray-sds-action-plan.xlsx");
    const { host } = simHost(model);
    expect(await host.readOwnedSheet("history")).toBeNull();
    await host.writeSheets([historySpec(2)]);
    const grids = await host.readGrids();
    expect(grids.map((g) => [g.name, g.ownedByPlanMonitor ?? false])).toEqual([
      ["Action Plan", false],
      ["PM History", true],
    ]);
    expect(await host.readOwnedSheet("history")).toEqual([
      [OWNED_TITLES.history, null],
      ["Date", "Red"],
      [45500, 0],
      [45501, 1],
    ]);
  });

  test("50,000-row plan: writing the summary takes the same requests as for a small plan", async () => {
    const model = largePlanModel(50_000);
    const { host, backend } = simHost(model);
    await host.writeSheets([themesSpec(), historySpec()]);
    expect(backend.requestCount).toBe(2);
    backend.resetStats();
    await host.writeSheets([themesSpec(), historySpec()]);
    expect(backend.requestCount).toBe(2);
    expect(backend.maxRequestBytes).toBeLessThanOrEqual(5_000_000);
  });
});

describe("OfficePlanHost settings", () => {
  test("saved settings load back; invalid saved settings give the defaults and a plain warning", async () => {
    const { model } = await loadCorpus("scr-action-plan.xlsx");
    const { host } = simHost(model);
    expect(await host.loadSettings()).toEqual({ settings: defaultSettings() });
    const mine = { ...defaultSettings(), amberDays: 14, completeWords: ["done", "closed"] };
    await host.saveSettings(mine);
    expect(model.settings.get(SETTINGS_KEY)).toEqual(mine);
    expect(await host.loadSettings()).toEqual({ settings: mine });

    model.settings.set(SETTINGS_KEY, { amberDays: -3 });
    const loaded = await host.loadSettings();
    expect(loaded.settings).toEqual(defaultSettings());
    expect(loaded.warning).toMatch(/^Plan Monitor could not use the settings saved in this workbook \(.*amberDays.*\), so it is using the standard settings\./);

    model.settings.set(SETTINGS_KEY, "{not json");
    expect((await host.loadSettings()).warning).toMatch(/not readable/);
    await expect(host.saveSettings({ ...mine, amberDays: -1 })).rejects.toThrow(/cannot be saved \(amberDays\)/);
    expect(model.settings.has(COLOURING_KEY)).toBe(false);
    expect([...model.names].every((n) => !n.name.startsWith(MARKER_PREFIX))).toBe(true);
  });
});
