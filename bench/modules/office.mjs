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
// (largePlanModel from test/helpers/officeHost.ts, compiled, not copied). The
// as-at dates are those of test/excel/budgets.test.ts, so the figures match its table.
//
// The TypeScript (src/engine, src/excel, tools/excel-sim, src/xlsx and the test helper) is
// compiled by this module with tsconfig.bench.json into dist-bench/, again
// whenever a hash of its sources (and of the tsconfigs) changes.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
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

const OUT = path.join(ROOT, "dist-bench");
const TSCONFIG = path.join(ROOT, "tsconfig.bench.json");
const SOURCE_DIRS = ["src/engine", "src/excel", "tools/excel-sim", "src/xlsx"];
const SOURCE_FILES = ["test/helpers/officeHost.ts", "test/helpers/office.ts", "test/helpers/corpus.ts", "tsconfig.bench.json", "tsconfig.json"];
const STAMP = path.join(OUT, ".bench-sources");

const OPS = ["scan", "colour", "summary"];
const figuresFor = (n) => [
  ...OPS.map((op) => `office syncs ${op} (${n} rows)`),
  `office largest request bytes (${n} rows)`,
  `office largest response bytes (${n} rows)`,
];

function tsFiles(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** A hash of everything the dist-bench build is made from. */
function sourcesHash(tsc) {
  const files = [...SOURCE_DIRS.flatMap((d) => tsFiles(path.join(ROOT, d))), ...SOURCE_FILES.map((f) => path.join(ROOT, f))].sort();
  const h = createHash("sha256").update(readFileSync(path.join(path.dirname(tsc), "../package.json")));
  for (const f of files) h.update(path.relative(ROOT, f)).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex");
}

/** Compile the host, the simulator and the generator into dist-bench/ unless that build is current. */
function ensureBuilt(require) {
  if (!existsSync(TSCONFIG)) throw new Error("tsconfig.bench.json is missing");
  const tsc = require.resolve("typescript/bin/tsc");
  const hash = sourcesHash(tsc);
  const entry = path.join(OUT, "src/excel/host.js");
  if (existsSync(entry) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash) return;
  const run = spawnSync(process.execPath, [tsc, "-p", TSCONFIG], { cwd: ROOT, encoding: "utf8" });
  if (run.error) throw run.error;
  if (run.status !== 0) {
    const first = `${run.stdout}\n${run.stderr}`.split("\n").find((l) => l.trim()) ?? `exit ${run.status}`;
    throw new Error(`tsc -p tsconfig.bench.json failed: ${first.trim()}`);
  }
  writeFileSync(STAMP, hash);
}

const load = (require, rel) => require(path.join(OUT, rel));

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
    ensureBuilt(require);
    const CORPUS_FILE = load(require, "test/helpers/corpus.js").corpusFile(CORPUS_NAME);
    if (!existsSync(CORPUS_FILE) || !statSync(CORPUS_FILE).isFile()) throw new Error(`the corpus workbook ${CORPUS_FILE} is missing`);
    const mods = {
      backend: load(require, "tools/excel-sim/backend.js"),
      runtime: load(require, "tools/excel-sim/officeRuntime.js"),
      xlsx: load(require, "tools/excel-sim/xlsx.js"),
      host: load(require, "src/excel/host.js"),
      workflow: load(require, "src/engine/workflow.js"),
      settings: load(require, "src/engine/settings.js"),
      generator: load(require, "test/helpers/officeHost.js"),
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
