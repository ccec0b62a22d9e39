// The command line on a 50,000-row workbook against the cost of reading it:
//   cli    = `node bin/plan-monitor.js check FILE --json > /dev/null`
//   read   = `node bench/lib/bare-read.cjs FILE` (exceljs `wb.xlsx.readFile`, nothing else)
//   reader = `node bench/lib/reader-read.cjs FILE` (Plan Monitor's reader alone: file → grids)
// All are spawned processes (start-up included), best of 3, run alternately.
//
// With --big (npm run bench -- --big), also `check FILE --json` on a
// 200,000-row workbook and `check FILE --json --out OUT` on 50,000 and 200,000
// rows: wall time and peak resident memory (bench/lib/peak-run.cjs), one run
// each, and the ratio of the two --out times (4 when the cost grows linearly). They take minutes
// (the workbook alone takes 3 to 20 minutes to generate the first time), so
// without --big they print n/a saying how to run them.
// Plan Monitor's reader loads merged areas in linear time (src/xlsx/read.ts);
// plain exceljs does not, so on a plan with many merges the command line is
// faster than the bare read. cli − reader is the cost of analysing and printing.
import { spawnSync } from "node:child_process";
import { closeSync, openSync, rmSync } from "node:fs";
import path from "node:path";
import { compiled } from "../lib/compiled.mjs";
import { fixed, requireBuilt, ROOT, round, spawnMs } from "../lib/measure.mjs";

const ROWS = 50000;
const TRIALS = 3;
const TARGET_RATIO = 1.3;
const BIG_ROWS = 200000;
/** Issue 11: check + --out on 200,000 rows within 3 GB (goal 2 GB). */
const BIG_PEAK_MB = 3072;
/** Linear growth: 4 times the rows should take about 4 times as long (the ratio's target leaves room for noise). */
const LINEAR_RATIO = { atMost: 5, note: "issue 11: time that grows linearly (4 = exactly linear)" };
const BIG = [
  `check wall ms (${BIG_ROWS} rows)`,
  `check peak MB (${BIG_ROWS} rows)`,
  `check --out wall ms (${ROWS} rows)`,
  `check --out peak MB (${ROWS} rows)`,
  `check --out wall ms (${BIG_ROWS} rows)`,
  `check --out peak MB (${BIG_ROWS} rows)`,
  `check --out time ratio (${BIG_ROWS}/${ROWS} rows)`,
];

/** Wall time and peak memory of one run of the command line (stdout to /dev/null). */
function peakRun(args) {
  const devNull = openSync("/dev/null", "w");
  try {
    const t = performance.now();
    const run = spawnSync(process.execPath, [path.join(ROOT, "bench/lib/peak-run.cjs"), ...args], { cwd: ROOT, stdio: ["ignore", devNull, "pipe"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - t;
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`check exited ${run.status}: ${(run.stderr ?? "").trim().split("\n")[0]}`);
    const kb = Number(/peak-rss-kb (\d+)\s*$/.exec(run.stderr ?? "")?.[1]);
    return { ms, mb: kb / 1024 };
  } finally {
    closeSync(devNull);
  }
}

async function bigFigures() {
  if (!process.argv.includes("--big")) return BIG.map((name) => ({ name, na: "minutes long: run npm run bench -- --big" }));
  const small = await largePlanFile(ROWS);
  const file = await largePlanFile(BIG_ROWS);
  const out = path.join(path.dirname(file), `out-${BIG_ROWS}.xlsx`);
  const copyOf = (input) => {
    rmSync(out, { force: true });
    try {
      return peakRun(["check", input, "--json", "--as-at", "2020-06-15", "--out", out]);
    } finally {
      rmSync(out, { force: true });
    }
  };
  const check = peakRun(["check", file, "--json", "--as-at", "2020-06-15"]);
  const smallCopy = copyOf(small);
  const copy = copyOf(file);
  return [
    { name: BIG[0], value: round(check.ms) },
    { name: BIG[1], value: round(check.mb) },
    { name: BIG[2], value: round(smallCopy.ms) },
    { name: BIG[3], value: round(smallCopy.mb) },
    { name: BIG[4], value: round(copy.ms) },
    { name: BIG[5], value: round(copy.mb), target: { atMost: BIG_PEAK_MB, note: "issue 11: within 3 GB, goal 2 GB" } },
    { name: BIG[6], value: fixed(copy.ms / smallCopy.ms, 2), target: LINEAR_RATIO },
  ];
}

/** The generated plan of `rows` rows (realisticPlan, test/helpers/largePlan.ts) as an .xlsx file, made once. */
function largePlanFile(rows) {
  const { planFile, realisticPlan } = compiled("test/helpers/largePlan.js");
  return planFile(realisticPlan(rows));
}

export default {
  id: "cli",
  figures: [`cli wall ms (${ROWS} rows)`, `exceljs read ms (${ROWS} rows)`, `cli/read ratio (${ROWS} rows)`, `plan monitor reader ms (${ROWS} rows)`, ...BIG],
  async run() {
    requireBuilt("dist/cli/main.js");
    const file = await largePlanFile(ROWS);
    const cliArgs = [path.join(ROOT, "bin/plan-monitor.js"), "check", file, "--json", "--as-at", "2020-06-15"];
    const readArgs = [path.join(ROOT, "bench/lib/bare-read.cjs"), file];
    const readerArgs = [path.join(ROOT, "bench/lib/reader-read.cjs"), file];
    // One untimed run warms the file cache (and fails early if the command line does).
    spawnMs(process.execPath, cliArgs);
    let cli = Infinity;
    let read = Infinity;
    let reader = Infinity;
    for (let i = 0; i < TRIALS; i++) {
      cli = Math.min(cli, spawnMs(process.execPath, cliArgs));
      read = Math.min(read, spawnMs(process.execPath, readArgs));
      reader = Math.min(reader, spawnMs(process.execPath, readerArgs));
    }
    return [
      { name: `cli wall ms (${ROWS} rows)`, value: round(cli) },
      { name: `exceljs read ms (${ROWS} rows)`, value: round(read) },
      { name: `cli/read ratio (${ROWS} rows)`, value: fixed(cli / read, 2), target: { atMost: TARGET_RATIO } },
      { name: `plan monitor reader ms (${ROWS} rows)`, value: round(reader) },
      ...(await bigFigures()),
    ];
  },
};
