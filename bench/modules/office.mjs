// The Office.js host's round trips and payloads, measured through the simulator:
// OfficePlanHost (src/excel/host.ts) driving the REAL Office.js Excel client
// (node_modules/@microsoft/office-js/dist/excel-web-16.00.js, run in a jsdom
// window), whose requests are answered in-process by ExcelSimBackend
// (tools/excel-sim/backend.ts), which counts them at the wire and measures their bytes.
// The host is set up exactly as the tests' simHost (test/helpers/officeHost.ts).
//
//   office syncs scan (N rows)             requests for scanWorkbook(host, {asAt, settings})
//   office syncs colour (N rows)           requests for colourWorkbook(host, report)
//   office syncs summary (N rows)          requests for buildSummaries(host, report, settings)
//   office largest request bytes (N rows)  the biggest single request of the three operations
//   office largest response bytes (N rows) the biggest single response of the three
//
// Requests are counted, not context.sync() calls (Excel.run adds one when it ends
// if it has tracked objects to release). Targets: ≤ 4 requests per operation and
// ≤ 5,000,000 bytes per request and response (Excel on the web refuses more).
//
// Two workbooks, each scanned, coloured and summarised in turn on a fresh model:
// the largest corpus workbook (cqc-monitoring-form.xlsx, found as the tests find the
// corpus: test/helpers/corpus.ts, honouring PLAN_MONITOR_SHARED;
// labelled with the rows of its used range) and a generated 50,000-row plan
// (largePlanModel from test/helpers/largePlan.ts, compiled, not copied). The
// as-at dates are those of test/excel/budgets.test.ts, so the figures match its table.
//
// The TypeScript it measures is compiled by bench/lib/compiled.mjs into dist-bench/.
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { compiled } from "../lib/compiled.mjs";
import { ROOT } from "../lib/measure.mjs";

const CORPUS_NAME = "cqc-monitoring-form.xlsx";
/** Rows in the used range of CORPUS_NAME, for the figure names `--list` prints; run() labels with the count it finds. */
const CORPUS_ROWS = 226;
const CORPUS_AS_AT = "2024-03-31";
const LARGE_ROWS = 50000;
const LARGE_AS_AT = "2025-06-01";

const TARGET_SYNCS = 4;
const PAYLOAD_LIMIT = 5_000_000; // Excel on the web, per request and per response
const CLIENT_SCRIPT = path.join(ROOT, "node_modules/@microsoft/office-js/dist/excel-web-16.00.js");

const OPS = ["scan", "colour", "summary"];
const figuresFor = (n) => [
  ...OPS.map((op) => `office syncs ${op} (${n} rows)`),
  `office largest request bytes (${n} rows)`,
  `office largest response bytes (${n} rows)`,
];

/** A jsdom window with the real Office.js Excel client installed (once) and bound to a backend. */
function makeWindow(require) {
  const { JSDOM } = require("jsdom");
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", { runScripts: "outside-only", url: "https://localhost/" });
  return dom.window;
}

/** Scan, colour and summary on a fresh host over `model`, each measured on its own. */
async function measure(mods, win, clientScript, model, asAt) {
  const { ExcelSimBackend } = mods.backend;
  const backend = new ExcelSimBackend(model);
  const runtime = mods.runtime.installOfficeRuntime(win, clientScript, backend);
  const host = new mods.host.OfficePlanHost({ excel: runtime.Excel, isSetSupported: (n, v) => backend.isSetSupported(n, v) });
  const settings = mods.settings.defaultSettings();
  let report;
  const steps = {
    scan: async () => (report = await mods.workflow.scanWorkbook(host, { asAt, settings })),
    colour: () => mods.workflow.colourWorkbook(host, report),
    summary: () => mods.workflow.buildSummaries(host, report, settings),
  };
  const out = {};
  for (const op of OPS) {
    backend.resetStats();
    await steps[op]();
    const failed = backend.requests.find((r) => r.error);
    if (failed) throw new Error(`${op}: a request failed with ${failed.error}`);
    out[op] = {
      requests: backend.requestCount,
      largestRequest: backend.maxRequestBytes,
      largestResponse: backend.maxResponseBytes,
      requestBytes: backend.requests.reduce((n, r) => n + r.requestBytes, 0),
      responseBytes: backend.requests.reduce((n, r) => n + r.responseBytes, 0),
    };
  }
  return out;
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

function figures(n, cost, budget) {
  const results = OPS.map((op) => {
    const c = cost[op];
    const target = { atMost: TARGET_SYNCS };
    if (c.requests > TARGET_SYNCS) {
      // Why: each exchange is capped (5 MB on Excel on the web; the host packs at most its budget into one).
      const floor = Math.max(Math.ceil(c.requestBytes / budget), Math.ceil(c.responseBytes / budget));
      target.note =
        `${op} sends ${mb(c.requestBytes)} and receives ${mb(c.responseBytes)} in all; at most ${mb(budget)} per request or response ` +
        `(the host's payload budget; Excel on the web refuses above ${mb(PAYLOAD_LIMIT)}) means at least ${floor} requests for the data alone`;
    }
    return { name: `office syncs ${op} (${n} rows)`, value: c.requests, target };
  });
  const maxOf = (k) => Math.max(...OPS.map((op) => cost[op][k]));
  results.push({ name: `office largest request bytes (${n} rows)`, value: maxOf("largestRequest"), target: { atMost: PAYLOAD_LIMIT } });
  results.push({ name: `office largest response bytes (${n} rows)`, value: maxOf("largestResponse"), target: { atMost: PAYLOAD_LIMIT } });
  return results;
}

export default {
  id: "office",
  figures: [...figuresFor(CORPUS_ROWS), ...figuresFor(LARGE_ROWS)],
  async run() {
    const require = createRequire(import.meta.url);
    if (!existsSync(CLIENT_SCRIPT)) throw new Error("node_modules/@microsoft/office-js is not installed: run npm ci");
    const CORPUS_FILE = compiled("test/helpers/corpus.js").corpusFile(CORPUS_NAME);
    if (!existsSync(CORPUS_FILE) || !statSync(CORPUS_FILE).isFile()) throw new Error(`the corpus workbook ${CORPUS_FILE} is missing`);
    const mods = {
      backend: compiled("tools/excel-sim/backend.js"),
      runtime: compiled("tools/excel-sim/officeRuntime.js"),
      xlsx: compiled("tools/excel-sim/xlsx.js"),
      host: compiled("src/excel/host.js"),
      workflow: compiled("src/engine/workflow.js"),
      settings: compiled("src/engine/settings.js"),
      generator: compiled("test/helpers/largePlan.js"),
    };
    const clientScript = readFileSync(CLIENT_SCRIPT, "utf8");
    const win = makeWindow(require);
    // The host's default payload budget (OfficeHostOptions.payloadBudgetBytes), for the notes on targets not met.
    const budget = 4_000_000;

    const corpus = await mods.xlsx.workbookModelFromXlsx(readFileSync(CORPUS_FILE));
    const corpusRows = corpus.sheets.reduce((n, s) => {
      const a = s.usedArea(false);
      return n + (a ? a.bottom - a.top + 1 : 0);
    }, 0);
    const results = figures(corpusRows, await measure(mods, win, clientScript, corpus, CORPUS_AS_AT), budget);

    const large = mods.generator.largePlanModel(LARGE_ROWS);
    results.push(...figures(LARGE_ROWS, await measure(mods, win, clientScript, large, LARGE_AS_AT), budget));
    win.close();
    return results;
  },
};
