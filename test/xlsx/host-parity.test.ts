// One sheet-writing interface: the .xlsx host writes exactly the values of the
// specs the engine builds, the same ones any other host is handed.
import path from "node:path";
import { defaultSettings } from "../../src/engine/settings";
import { buildSummaries, scanWorkbook } from "../../src/engine/workflow";
import type { SheetSpec } from "../../src/engine/writeback";
import { CORPUS } from "../helpers/corpus";
import { SpecKeepingHost } from "../helpers/specKeepingHost";
import { hostFor, load, ownedSheet, valueAt } from "./summary-helpers";

test("the .xlsx host writes the very values a spec-keeping host receives", async () => {
  const settings = defaultSettings();
  const xlsx = await hostFor(path.join(CORPUS, "moray-sds-action-plan.xlsx"));
  const report = await scanWorkbook(xlsx, { asAt: "2019-12-15", settings });
  const memory = new SpecKeepingHost();
  await buildSummaries(memory, report, settings);
  await buildSummaries(xlsx, report, settings);
  const wb = await load(await xlsx.toBuffer());
  for (const [kind, spec] of memory.sheets) {
    const ws = ownedSheet(wb, kind);
    // An empty text is written as an empty cell, as Excel stores a cell given "".
    const expected = (spec as SheetSpec).rows.map((row) => Array.from(row, (c) => (c?.value === "" ? null : (c?.value ?? null))));
    const written = expected.map((row, r) => row.map((_, c) => valueAt(ws, r + 1, c + 1)));
    expect(written).toEqual(expected);
  }
});
