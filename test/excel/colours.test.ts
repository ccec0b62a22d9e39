// Colouring is reversible and idempotent, never touches cells, and stays within
// Excel on the web's limits with a constant number of round trips.
import type { Grid } from "../../src/engine/grid";
import type { Rag } from "../../src/engine/report";
import { RAG_FILL, type ColourPlan } from "../../src/engine/writeback";
import { COLOURING_KEY, PlanMonitorError } from "../../src/excel";
import { gridsFromWorkbook } from "../../src/xlsx/read";
import type { WorkbookModel } from "../../tools/excel-sim/model";
import { corpusFiles } from "../helpers/corpus";
import { largePlanModel } from "../helpers/largePlan";
import { exportSnapshot, loadCorpus, simHost } from "../helpers/officeHost";

const RAGS: Rag[] = ["blue", "green", "amber", "red", "grey"];

/** Colour the last non-empty cell of every row from row 3 down, cycling RAGs. */
function planFor(grids: Grid[]): ColourPlan {
  return {
    sheets: grids.map((g) => {
      const cells = [];
      for (let r = 2; r < g.rows.length; r++) {
        const row = g.rows[r] ?? [];
        for (let c = row.length - 1; c >= 0; c--) {
          const cell = row[c];
          if (cell && cell.value !== null && cell.value !== "") {
            cells.push({ row: r, col: c, rag: RAGS[r % RAGS.length] });
            break;
          }
        }
      }
      return { name: g.name, cells };
    }),
  };
}

const cfShape = (model: WorkbookModel) =>
  model.sheets.map((s) => ({ sheet: s.name, cfs: s.conditionalFormats.map(({ id: _id, ...rest }) => rest) }));

describe("OfficePlanHost.applyColours / clearColours", () => {
  test.each(corpusFiles())("%s: colour then clear leaves every value and format exactly as before", async (file) => {
    const { workbook, model } = await loadCorpus(file);
    const plan = planFor(gridsFromWorkbook(workbook));
    const before = exportSnapshot(model);
    const { host, backend } = simHost(model);

    expect(plan.sheets.every((s) => s.cells.length > 0)).toBe(true);
    await host.applyColours(plan);
    expect(backend.requestCount).toBe(3); // 3 syncs (ranges are untracked: no release request)
    for (const ps of plan.sheets) {
      const sheet = model.sheetByName(ps.name)!;
      for (const c of ps.cells) expect(sheet.effectiveFill(c.row, c.col)).toBe(RAG_FILL[c.rag]);
    }
    // Colouring is conditional formatting only: the cells themselves are untouched.
    const coloured = exportSnapshot(model) as { sheets: { cells: unknown }[] };
    expect(coloured.sheets.map((s) => s.cells)).toEqual((before as { sheets: { cells: unknown }[] }).sheets.map((s) => s.cells));
    expect(model.settings.has(COLOURING_KEY)).toBe(true);

    backend.resetStats();
    await host.clearColours();
    expect(backend.requestCount).toBe(3);
    expect(exportSnapshot(model)).toEqual(before);
    expect(model.settings.has(COLOURING_KEY)).toBe(false);
    expect(model.sheets.every((s) => s.conditionalFormats.length === 0)).toBe(true);
  });

  test("colouring twice is the same as colouring once", async () => {
    const { workbook, model } = await loadCorpus("cqc-monitoring-form.xlsx");
    const plan = planFor(gridsFromWorkbook(workbook));
    const { host } = simHost(model);
    await host.applyColours(plan);
    const once = cfShape(model);
    const firstIds = model.sheets.flatMap((s) => s.conditionalFormats.map((cf) => cf.id));
    await host.applyColours(plan);
    expect(cfShape(model)).toEqual(once);
    const secondIds = model.sheets.flatMap((s) => s.conditionalFormats.map((cf) => cf.id));
    expect(secondIds.some((id) => firstIds.includes(id))).toBe(false);
    await host.clearColours();
    expect(model.sheets.every((s) => s.conditionalFormats.length === 0)).toBe(true);
  });

  test("the user's own conditional formats stay, below Plan Monitor's, and survive clearing", async () => {
    const { workbook, model } = await loadCorpus("scr-action-plan.xlsx");
    const sheet = model.sheets[0];
    sheet.conditionalFormats.push({
      id: "{user-cf}",
      type: "Custom",
      ranges: [{ top: 0, left: 0, bottom: 60, right: 8 }],
      formula: "=TRUE",
      fill: "#FF0000",
      stopIfTrue: false,
    });
    const before = exportSnapshot(model);
    const plan = planFor(gridsFromWorkbook(workbook));
    const { host } = simHost(model);
    await host.applyColours(plan);
    const c = plan.sheets[0].cells[0];
    expect(sheet.effectiveFill(c.row, c.col)).toBe(RAG_FILL[c.rag]); // ours has the higher priority
    expect(sheet.effectiveFill(0, 0)).toBe("#FF0000"); // the user's rule still applies elsewhere
    expect(sheet.conditionalFormats.at(-1)!.id).toBe("{user-cf}");
    expect(sheet.conditionalFormats.slice(0, -1).every((cf) => cf.stopIfTrue && cf.formula === "=TRUE")).toBe(true);
    await host.clearColours();
    expect(exportSnapshot(model)).toEqual(before);
  });

  test("clearing tolerates colours the user already deleted, and a deleted sheet", async () => {
    const { workbook, model } = await loadCorpus("peer-challenge-action-plan.xlsx");
    const plan = planFor(gridsFromWorkbook(workbook));
    const { host } = simHost(model);
    await host.applyColours(plan);
    model.sheets[0].conditionalFormats.shift();
    model.deleteSheet(model.sheets[1]);
    await host.clearColours();
    expect(model.sheets.every((s) => s.conditionalFormats.length === 0)).toBe(true);
  });

  test("a protected sheet is refused in plain words before anything changes", async () => {
    const { workbook, model } = await loadCorpus("peer-challenge-action-plan.xlsx");
    model.sheetByName("Theme 3")!.protected = true;
    const before = exportSnapshot(model);
    const { host } = simHost(model);
    const error = await host.applyColours(planFor(gridsFromWorkbook(workbook))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanMonitorError);
    expect((error as Error).message).toBe("The sheet 'Theme 3' is protected. Unprotect it (Review > Unprotect Sheet) to let Plan Monitor colour it.");
    expect(exportSnapshot(model)).toEqual(before);
    expect(model.sheets.every((s) => s.conditionalFormats.length === 0)).toBe(true);
  });

  test("Excel in cell-edit mode: a plain message", async () => {
    const { workbook, model } = await loadCorpus("scr-action-plan.xlsx");
    const { host, backend } = simHost(model);
    backend.cellEditMode = true;
    const error = await host.applyColours(planFor(gridsFromWorkbook(workbook))).catch((e: unknown) => e);
    expect((error as Error).message).toBe("Excel is editing a cell. Press Enter or Esc, then try again.");
  });

  test("50,000 rows: the same number of requests as a small plan, none above 5 MB, addresses within 8,192 characters", async () => {
    const model = largePlanModel(50_000);
    const cells = [];
    for (let r = 2; r < 50_002; r++) if ((r - 2) % 25 !== 0) cells.push({ row: r, col: 4, rag: RAGS[Math.floor(r / 3) % RAGS.length] });
    const { host, backend } = simHost(model);
    await host.applyColours({ sheets: [{ name: "Action Plan", cells }] });
    const applyRequests = backend.requestCount;
    const sheet = model.sheets[0];
    for (const c of cells.filter((_, i) => i % 997 === 0)) expect(sheet.effectiveFill(c.row, c.col)).toBe(RAG_FILL[c.rag]);
    expect(applyRequests).toBe(3);
    expect(backend.maxRequestBytes).toBeLessThanOrEqual(5_000_000);
    expect(backend.requests.every((r) => !r.error)).toBe(true);
    const applyMax = backend.maxRequestBytes;

    backend.resetStats();
    await host.applyColours({ sheets: [{ name: "Action Plan", cells }] });
    expect(backend.requestCount).toBe(3);
    backend.resetStats();
    await host.clearColours();
    expect(backend.requestCount).toBe(3);
    expect(sheet.conditionalFormats).toEqual([]);
    console.log(`applyColours 50,000 rows: ${applyRequests} requests, largest request ${applyMax} bytes`);
  });
});

describe("colouring when Excel has given the rules new ids (e.g. after reopening the workbook)", () => {
  test("clear still removes Plan Monitor's rules, re-colouring does not stack them, the user's rules stay", async () => {
    const { workbook, model } = await loadCorpus("scr-action-plan.xlsx");
    const sheet = model.sheets[0];
    // A user's rule that looks nearly like ours (no stop-if-true, another colour).
    sheet.conditionalFormats.push({ id: "{user}", type: "Custom", ranges: [{ top: 3, left: 0, bottom: 3, right: 0 }], formula: "=TRUE", fill: "#FFFF00", stopIfTrue: false });
    const plan = planFor(gridsFromWorkbook(workbook));
    const { host } = simHost(model);
    await host.applyColours(plan);
    const count = sheet.conditionalFormats.length;
    sheet.conditionalFormats.forEach((cf, i) => cf.id !== "{user}" && (cf.id = `{reopened-${i}}`));
    await host.applyColours(plan);
    expect(sheet.conditionalFormats.length).toBe(count);
    sheet.conditionalFormats.forEach((cf, i) => cf.id !== "{user}" && (cf.id = `{reopened-again-${i}}`));
    await host.clearColours();
    expect(sheet.conditionalFormats.map((cf) => cf.id)).toEqual(["{user}"]);
  });
});

describe("colouring done by the .xlsx host (command line)", () => {
  test("the add-in recognises it: re-colouring replaces it, clearing removes it", async () => {
    const { COLOUR_MARKER } = await import("../../src/engine/writeback");
    const { colouredByCli } = await import("../xlsx/summary-helpers");
    const { XLSX_COLOUR_MARKER } = await import("../../src/excel/host");
    const { workbookModelFromExcelJs } = await import("../../tools/excel-sim/xlsx");
    expect(XLSX_COLOUR_MARKER).toBe(COLOUR_MARKER);
    const { workbook: plain } = await loadCorpus("scr-action-plan.xlsx");
    // The workbook as the command line copies it with no colouring (exceljs's own save aside).
    const original = exportSnapshot(workbookModelFromExcelJs(await colouredByCli(plain, { sheets: [] })));
    const plan = planFor(gridsFromWorkbook(plain));
    const workbook = await colouredByCli(plain, plan);
    const model = workbookModelFromExcelJs(workbook);
    const cliRules = model.sheets[0].conditionalFormats.length;
    expect(cliRules).toBeGreaterThan(0);
    const { host } = simHost(model);
    await host.applyColours(plan);
    expect(model.sheets[0].conditionalFormats.every((cf) => cf.formula === "=TRUE")).toBe(true);
    await host.clearColours();
    expect(model.sheets[0].conditionalFormats).toEqual([]);
    const again = workbookModelFromExcelJs(await colouredByCli(plain, plan));
    await simHost(again).host.clearColours();
    expect(exportSnapshot(again)).toEqual(original);
  });
});
