// The engine against Plan Monitor's own .xlsx read of the same 50,000-row file,
// in one process and one run, so the ratio does not depend on the machine:
//   reader = readWorkbookBuffer(bytes)       (src/xlsx/read.ts: file → grids)
//   engine = analyseWorkbook(grids)          (recognise, assess: grids → report)
// Best of 3 each, run alternately after a warm-up. Recognising a plan by its
// words and its cells must stay a small part of the cost of reading the file.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { compiled } from "../lib/compiled.mjs";
import { fixed, requireBuilt, round } from "../lib/measure.mjs";

const ROWS = 50000;
const TRIALS = 3;
const TARGET_RATIO = 0.25;
const AS_AT = "2020-06-15";

/** The generated plan of `rows` rows (realisticPlan, test/helpers/largePlan.ts) as an .xlsx file, made once. */
function largePlanFile(rows) {
  const { planFile, realisticPlan } = compiled("test/helpers/largePlan.js");
  return planFile(realisticPlan(rows));
}

export default {
  id: "reader",
  figures: [`reader ms in one process (${ROWS} rows)`, `engine ms on the same grids (${ROWS} rows)`, `engine/reader ratio (${ROWS} rows)`],
  async run() {
    const require = createRequire(import.meta.url);
    const { readWorkbookBuffer } = require(requireBuilt("dist/xlsx/read.js"));
    const { analyseWorkbook } = require(requireBuilt("dist/engine/analyse.js"));
    const bytes = readFileSync(await largePlanFile(ROWS));
    let { grids } = await readWorkbookBuffer(bytes);
    const check = analyseWorkbook(grids, { asAt: AS_AT });
    if (check.sheets.length !== 1 || check.sheets[0].items.length < ROWS * 0.5) throw new Error(`the ${ROWS}-row workbook was not read as a plan`);
    let reader = Infinity;
    let engine = Infinity;
    for (let i = 0; i < TRIALS; i++) {
      let t = performance.now();
      ({ grids } = await readWorkbookBuffer(bytes));
      reader = Math.min(reader, performance.now() - t);
      t = performance.now();
      analyseWorkbook(grids, { asAt: AS_AT });
      engine = Math.min(engine, performance.now() - t);
    }
    return [
      { name: `reader ms in one process (${ROWS} rows)`, value: round(reader) },
      { name: `engine ms on the same grids (${ROWS} rows)`, value: round(engine) },
      { name: `engine/reader ratio (${ROWS} rows)`, value: fixed(engine / reader, 2), target: { atMost: TARGET_RATIO } },
    ];
  },
};
