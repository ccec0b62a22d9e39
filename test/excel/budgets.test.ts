// Round trips and payload per operation, as the README states them: scan, colour
// and summary on the largest corpus workbook and on a generated 50,000-row plan.
// Requests are counted (Excel.run's own are included), not context.sync() calls.
import { defaultSettings } from "../../src/engine/settings";
import { buildSummarySheets, historyFromSheet } from "../../src/engine/summary";
import { buildSummaries, colourWorkbook, scanWorkbook } from "../../src/engine/workflow";
import type { ExcelSimBackend } from "../../tools/excel-sim/backend";
import type { WorkbookModel } from "../../tools/excel-sim/model";
import { largePlanModel } from "../helpers/largePlan";
import { loadCorpus, simHost } from "../helpers/officeHost";

const LIMIT = 5_000_000; // Excel on the web, per request and per response
const BUDGET = 4_000_000; // the host's default payload budget

interface Cost {
  requests: number;
  largestRequest: number;
  largestResponse: number;
  bytes: number;
}

async function cost(backend: ExcelSimBackend, run: () => Promise<unknown>): Promise<Cost> {
  backend.resetStats();
  await run();
  expect(backend.requests.every((r) => !r.error)).toBe(true);
  return {
    requests: backend.requestCount,
    largestRequest: backend.maxRequestBytes,
    largestResponse: backend.maxResponseBytes,
    bytes: backend.requests.reduce((n, r) => n + r.requestBytes + r.responseBytes, 0),
  };
}

/** Scan, colour, summary (twice: the second run reads the history back), each measured on its own. */
async function measure(model: WorkbookModel, asAt: string): Promise<Record<string, Cost>> {
  const { host, backend } = simHost(model);
  const settings = defaultSettings();
  let report!: Awaited<ReturnType<typeof scanWorkbook>>;
  const out: Record<string, Cost> = {};
  out.scan = await cost(backend, async () => (report = await scanWorkbook(host, { asAt, settings })));
  out.colour = await cost(backend, () => colourWorkbook(host, report));
  out.summary = await cost(backend, () => buildSummaries(host, report, settings));
  // A scan once a history exists: its due dates come from the grids read anyway (no extra request).
  out.scanAgain = await cost(backend, () => scanWorkbook(host, { asAt, settings }));
  // A second run, in its two parts: reading the history back, then writing the sheets.
  let stored: Awaited<ReturnType<typeof host.readOwnedSheet>> = null;
  out.history = await cost(backend, async () => (stored = await host.readOwnedSheet("history")));
  const specs = buildSummarySheets(report, settings, historyFromSheet(stored, asAt).history);
  out.writeSheets = await cost(backend, () => host.writeSheets(specs));
  out.clear = await cost(backend, () => host.clearColours());
  const table = Object.entries(out).map(([op, c]) => `${op.padEnd(12)} ${String(c.requests).padStart(3)} requests, largest request ${c.largestRequest}, largest response ${c.largestResponse}, ${c.bytes} bytes in all`);
  console.log(table.join("\n"));
  return out;
}

test("largest corpus workbook: scan 3 (3 once a history exists too), colour 3, summary 3 (5 once a history exists), clear 3", async () => {
  const { model } = await loadCorpus("cqc-monitoring-form.xlsx");
  const c = await measure(model, "2024-03-31");
  expect(c.scan.requests).toBe(3);
  expect(c.scanAgain.requests).toBe(3); // the history is among the grids: no request of its own
  expect(c.colour.requests).toBe(3);
  expect(c.summary.requests).toBe(1 + 2); // no history yet: one look for it, then the write
  expect(c.history.requests).toBe(3);
  expect(c.writeSheets.requests).toBe(2);
  expect(c.clear.requests).toBe(3);
  for (const x of Object.values(c)) expect(Math.max(x.largestRequest, x.largestResponse)).toBeLessThanOrEqual(BUDGET);
}, 60_000);

test("50,000-row plan: scan 4, colour 3, clear 3; the summary's requests grow with its bytes only", async () => {
  const c = await measure(largePlanModel(50_000), "2025-06-01");
  expect(c.scan.requests).toBe(4);
  expect(c.colour.requests).toBe(3);
  expect(c.clear.requests).toBe(3);
  // The summary of 50,000 actions is itself tens of MB (every overdue action is
  // listed, with a link, and recorded in the history): no way round more requests,
  // but never more than one per ~4 MB beyond a fixed few, and none above 5 MB.
  for (const op of ["summary", "writeSheets", "history"]) expect(c[op].requests).toBeLessThanOrEqual(4 + Math.ceil(c[op].bytes / BUDGET));
  for (const x of Object.values(c)) expect(Math.max(x.largestRequest, x.largestResponse)).toBeLessThanOrEqual(LIMIT);
  for (const op of ["scan", "colour", "clear"]) expect(Math.max(c[op].largestRequest, c[op].largestResponse)).toBeLessThanOrEqual(BUDGET);
}, 300_000);
