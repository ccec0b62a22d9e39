// capabilities().undo and undo groups: colour, clear and summary each run as one
// undo group (Excel.run's mergeUndoGroup, ExcelApi 1.20) where Excel supports it,
// and not where it does not. The in-memory Excel has no undo and the pinned client
// ignores mergeUndoGroup: these tests show what Plan Monitor asks of Excel, not
// that real Excel's Undo then takes the operation back (only real Excel can).
import { defaultSettings } from "../../src/engine/settings";
import { buildSummarySheets, historyFromSheet } from "../../src/engine/summary";
import { scanWorkbook } from "../../src/engine/workflow";
import type { ColourPlan } from "../../src/engine/writeback";
import { OfficePlanHost } from "../../src/excel";
import { ExcelSimBackend } from "../../tools/excel-sim/backend";
import { loadCorpus } from "../helpers/officeHost";
import { officeRuntime } from "../helpers/office";

/** A host on the in-memory Excel whose Excel.run calls are recorded (with the options each was given). */
async function recordingHost(excelApiVersion: string, refuseGroups = false) {
  const { model } = await loadCorpus("scr-action-plan.xlsx");
  const backend = new ExcelSimBackend(model, { excelApiVersion });
  const runtime = officeRuntime(model, { backend });
  const runs: (Excel.RunOptions | null)[] = [];
  const realRun = runtime.Excel.run.bind(runtime.Excel) as (...args: unknown[]) => Promise<unknown>;
  const excel = Object.create(runtime.Excel, {
    run: {
      value: (...args: unknown[]) => {
        const options = args.length > 1 ? (args[0] as Excel.RunOptions) : null;
        runs.push(options);
        if (refuseGroups && options?.mergeUndoGroup) return Promise.reject(Object.assign(new Error("This operation cannot be undone."), { code: "UndoNotSupported" }));
        return realRun(...args);
      },
    },
  }) as typeof Excel;
  const host = new OfficePlanHost({ excel, isSetSupported: (n, v) => backend.isSetSupported(n, v) });
  return { host, runs, model };
}

async function operations(host: OfficePlanHost) {
  const report = await scanWorkbook(host, { asAt: "2024-03-31", settings: defaultSettings() });
  const plan: ColourPlan = { sheets: report.sheets.map((s) => ({ name: s.name, cells: s.items.map((it) => ({ row: it.row - 1, col: 8, rag: it.rag })) })) };
  const specs = buildSummarySheets(report, defaultSettings(), historyFromSheet(null, "2024-03-31").history);
  return { plan, specs };
}

test("Excel with ExcelApi 1.20: undo promised; colour, clear and summary each one undo group, reads not grouped", async () => {
  const { host, runs, model } = await recordingHost("1.20");
  expect(host.capabilities()).toEqual({ undo: true });
  const { plan, specs } = await operations(host);
  runs.length = 0;
  await host.applyColours(plan);
  await host.clearColours();
  await host.writeSheets(specs);
  expect(runs).toEqual([{ mergeUndoGroup: true }, { mergeUndoGroup: true }, { mergeUndoGroup: true }]);
  runs.length = 0;
  await host.readGrids();
  await host.readOwnedSheet("history");
  expect(runs).toEqual([null, null]);
  // In an undo group the marker gets no comment (NamedItem.comment cannot be undone on the web).
  expect(model.names.filter((n) => n.name.startsWith("PlanMonitor_")).map((n) => n.comment)).toEqual(["", "", "", ""]);
});

test("older Excel: no undo promised, nothing grouped", async () => {
  const { host, runs, model } = await recordingHost("1.13");
  expect(host.capabilities()).toEqual({ undo: false });
  const { plan, specs } = await operations(host);
  await host.applyColours(plan);
  await host.writeSheets(specs);
  expect(runs.every((r) => r === null)).toBe(true);
  expect(model.names.filter((n) => n.name.startsWith("PlanMonitor_")).every((n) => n.comment.length > 0)).toBe(true);
});

test("Excel refusing to group (UndoNotSupported): the operation runs again ungrouped, and undo is no longer promised", async () => {
  const { host, runs, model } = await recordingHost("1.20", true);
  const { plan } = await operations(host);
  runs.length = 0;
  await host.applyColours(plan);
  expect(runs).toEqual([{ mergeUndoGroup: true }, null]);
  expect(model.sheetByName("SCR Action Plan")!.conditionalFormats.length).toBeGreaterThan(0);
  expect(host.capabilities()).toEqual({ undo: false });
  runs.length = 0;
  await host.clearColours();
  expect(runs).toEqual([null]);
});
