// The engine alone: analyseWorkbook on grids built beforehand (no file reading),
// for generated plans (realisticPlan, test/helpers/largePlan.ts) of 1,000, 10,000 and 100,000 rows. Best of 3 trials after
// a warm-up; a trial repeats the analysis until it has run for 250 ms, so the
// small plan is not measured by one timer tick.
import { createRequire } from "node:module";
import { compiled } from "../lib/compiled.mjs";
import { requireBuilt, round } from "../lib/measure.mjs";

const SIZES = [1000, 10000, 100000];
const AS_AT = "2020-06-15";
const TARGET_ROWS_PER_S = 200_000;
const MIN_TRIAL_MS = 250;

export default {
  id: "engine",
  figures: SIZES.map((n) => `engine rows/s (${n} rows)`),
  async run() {
    const require = createRequire(import.meta.url);
    const { analyseWorkbook } = require(requireBuilt("dist/engine/analyse.js"));
    const { realisticPlan } = compiled("test/helpers/largePlan.js");
    // Warm up the JIT on a plan of its own, so the first size is not measured cold.
    const warm = realisticPlan(2000, { seed: 99 });
    for (let i = 0; i < 15; i++) analyseWorkbook([warm], { asAt: AS_AT });

    const results = [];
    for (const rows of SIZES) {
      const grid = realisticPlan(rows, { seed: 1 });
      const check = analyseWorkbook([grid], { asAt: AS_AT });
      if (check.sheets.length !== 1 || check.sheets[0].items.length < rows * 0.5)
        throw new Error(`the generated ${rows}-row plan was not read as a plan`);
      let best = 0;
      for (let trial = 0; trial < 3; trial++) {
        let runs = 0;
        const start = performance.now();
        let elapsed = 0;
        do {
          analyseWorkbook([grid], { asAt: AS_AT });
          runs++;
          elapsed = performance.now() - start;
        } while (elapsed < MIN_TRIAL_MS);
        best = Math.max(best, (rows * runs) / (elapsed / 1000));
      }
      results.push({ name: `engine rows/s (${rows} rows)`, value: round(best), target: { atLeast: TARGET_ROWS_PER_S } });
    }
    return results;
  },
};
