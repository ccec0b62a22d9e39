// The command line on a 50,000-row workbook against the cost of reading it:
//   cli    = `node bin/plan-monitor.js check FILE --json > /dev/null`
//   read   = `node bench/lib/bare-read.cjs FILE` (exceljs `wb.xlsx.readFile`, nothing else)
//   reader = `node bench/lib/reader-read.cjs FILE` (Plan Monitor's reader alone: file → grids)
// All are spawned processes (start-up included), best of 3, run alternately.
// Plan Monitor's reader loads merged areas in linear time (src/xlsx/read.ts);
// plain exceljs does not, so on a plan with many merges the command line is
// faster than the bare read. cli − reader is the cost of analysing and printing.
import path from "node:path";
import { compiled } from "../lib/compiled.mjs";
import { fixed, requireBuilt, ROOT, round, spawnMs } from "../lib/measure.mjs";

const ROWS = 50000;
const TRIALS = 3;
const TARGET_RATIO = 1.3;

/** The generated plan of `rows` rows (realisticPlan, test/helpers/largePlan.ts) as an .xlsx file, made once. */
function largePlanFile(rows) {
  const { planFile, realisticPlan } = compiled("test/helpers/largePlan.js");
  return planFile(realisticPlan(rows));
}

export default {
  id: "cli",
  figures: [`cli wall ms (${ROWS} rows)`, `exceljs read ms (${ROWS} rows)`, `cli/read ratio (${ROWS} rows)`, `plan monitor reader ms (${ROWS} rows)`],
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
    ];
  },
};
