// Every Office operation is bounded by a timeout (Excel on the web can leave a
// context.sync() unanswered for ever, with no error: office-js issue #6678), says
// so in plain words with a distinct error kind, and is safe to run again: after a
// request that was applied but never answered, or never applied, running the
// operation again gives exactly what one clean run gives.
import { defaultSettings } from "../../src/engine/settings";
import { buildSummarySheets, historyFromSheet } from "../../src/engine/summary";
import { scanWorkbook } from "../../src/engine/workflow";
import type { ColourPlan, SheetSpec } from "../../src/engine/writeback";
import { COLOURING_KEY, ExcelTimeoutError, isTimeout, PlanMonitorError, type OfficePlanHost } from "../../src/excel";
import type { WorkbookModel } from "../../tools/excel-sim/model";
import { exportSnapshot, loadCorpus, simHost } from "../helpers/officeHost";

const FILE = "scr-action-plan.xlsx";
const AS_AT = "2024-03-31";

async function setUp(budget?: number) {
  const { model } = await loadCorpus(FILE);
  const { host, backend } = simHost(model, { host: { timeoutMs: 50, ...(budget ? { payloadBudgetBytes: budget } : {}) } });
  return { model, host, backend };
}

/** The model's state apart from ids (new on every write). */
const state = (model: WorkbookModel) => ({
  snapshot: exportSnapshot(model),
  charts: model.sheets.map((s) => s.charts.map(({ id: _id, ...c }) => c)),
  layout: model.sheets.map((s) => ({ name: s.name, visibility: s.visibility, freeze: s.freeze, page: s.pageLayout })),
  cfs: model.sheets.map((s) => s.conditionalFormats.map(({ id: _id, ...cf }) => cf)),
  names: model.names,
  settings: [...model.settings.keys()].sort(),
});

async function timesOut(p: Promise<unknown>): Promise<ExcelTimeoutError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ExcelTimeoutError);
  expect(e).toBeInstanceOf(PlanMonitorError);
  expect(isTimeout(e)).toBe(true);
  return e as ExcelTimeoutError;
}

async function planAndSpecs(host: OfficePlanHost): Promise<{ plan: ColourPlan; specs: SheetSpec[] }> {
  const report = await scanWorkbook(host, { asAt: AS_AT, settings: defaultSettings() });
  const plan: ColourPlan = { sheets: report.sheets.map((s) => ({ name: s.name, cells: s.items.map((it) => ({ row: it.row - 1, col: 8, rag: it.rag })) })) };
  return { plan, specs: buildSummarySheets(report, defaultSettings(), historyFromSheet(null, AS_AT).history) };
}

test("each operation gives up after the timeout with a plain message naming what it was doing and how to finish", async () => {
  const { host, backend } = await setUp();
  const { plan, specs } = await planAndSpecs(host);
  const cases: [string, () => Promise<unknown>, string][] = [
    ["read", () => host.readGrids(), "Excel did not answer within 50 milliseconds while reading the workbook. Nothing was changed: try again."],
    ["read", () => host.readOwnedSheet("history"), "Excel did not answer within 50 milliseconds while reading the workbook. Nothing was changed: try again."],
    ["colour", () => host.applyColours(plan), "Excel did not answer within 50 milliseconds while colouring the plan. Nothing may have changed, or only part: press Colour RAG again, which redoes it from the start."],
    ["clear", () => host.clearColours(), "Excel did not answer within 50 milliseconds while removing Plan Monitor's colours. Nothing may have changed, or only part: press Clear colours again, which finishes the job."],
    ["update", () => host.writeSheets(specs), "Excel did not answer within 50 milliseconds while writing the summary sheets. Nothing may have changed, or only part: press Build summary sheets again, which rewrites them from the start."],
    ["read", () => host.loadSettings(), "Excel did not answer within 50 milliseconds while reading the workbook. Nothing was changed: try again."],
    ["save", () => host.saveSettings(defaultSettings()), "Excel did not answer within 50 milliseconds while saving Plan Monitor's settings. They may not have been saved: save them again."],
    ["select", () => host.selectCell("SCR Action Plan", "A1"), "Excel did not answer within 50 milliseconds while selecting cells. Nothing was changed: try again."],
    ["select", () => host.selectedCell(), "Excel did not answer within 50 milliseconds while selecting cells. Nothing was changed: try again."],
  ];
  for (const [action, op, message] of cases) {
    backend.hang = { times: Infinity };
    const e = await timesOut(op());
    expect([e.action, e.message, e.code, e.retry]).toEqual([action, message, "Timeout", true]);
    backend.hang = null;
    await op(); // once Excel answers again, the same operation works
  }
});

test("the default timeout is 60 seconds, in the words the user reads", () => {
  expect(new ExcelTimeoutError("colour", 60_000).message).toBe(
    "Excel did not answer within 60 seconds while colouring the plan. Nothing may have changed, or only part: press Colour RAG again, which redoes it from the start.",
  );
});

describe("run again after a request that was applied, or not, and never answered", () => {
  test("colouring: the same rules as one clean colouring, and clearing removes them all", async () => {
    const clean = await setUp();
    const { plan } = await planAndSpecs(clean.host);
    const before = state(clean.model);
    clean.backend.resetStats();
    await clean.host.applyColours(plan);
    const syncs = clean.backend.requestCount;
    const expected = state(clean.model);
    // Colouring over an earlier colouring too: hang each request of the second colouring.
    for (const earlier of [false, true])
      for (let skip = 0; skip < syncs; skip++)
        for (const applied of [false, true]) {
          const { host, backend, model } = await setUp();
          if (earlier) await host.applyColours(plan);
          backend.hang = { skip, applied };
          await timesOut(host.applyColours(plan));
          await host.applyColours(plan);
          expect(state(model)).toEqual(expected);
          await host.clearColours();
          expect(state(model)).toEqual(before);
        }
  });

  test("clearing: finishes the job", async () => {
    for (let skip = 0; skip < 3; skip++)
      for (const applied of [false, true]) {
        const { host, backend, model } = await setUp();
        const before = state(model);
        const { plan } = await planAndSpecs(host);
        await host.applyColours(plan);
        backend.hang = { skip, applied };
        await timesOut(host.clearColours());
        await host.clearColours();
        expect(state(model)).toEqual(before);
        expect(model.settings.has(COLOURING_KEY)).toBe(false);
      }
  });

  test("summary sheets, written over several requests: the same sheets as one clean write, nothing of the user's touched", async () => {
    const BUDGET = 40_000; // small, so the write spreads over several requests and can stop between them
    const clean = await setUp(BUDGET);
    const { specs } = await planAndSpecs(clean.host);
    clean.backend.resetStats();
    await clean.host.writeSheets(specs);
    const requests = clean.backend.requestCount;
    expect(requests).toBeGreaterThan(3);
    const expected = state(clean.model);
    for (const earlier of [false, true])
      for (let skip = 0; skip < requests; skip++)
        for (const applied of [false, true]) {
          const { host, backend, model } = await setUp(BUDGET);
          if (earlier) await host.writeSheets(specs);
          backend.hang = { skip, applied };
          await timesOut(host.writeSheets(specs));
          const result = await host.writeSheets(specs);
          expect(result.notices).toEqual([]);
          expect(state(model)).toEqual(expected);
        }
  });
});
