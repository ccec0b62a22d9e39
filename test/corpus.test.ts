// Every corpus workbook must score 1.000 against its labels with the shared scorer.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyseWorkbook } from "../src/engine/analyse";
import { PlanReportSchema } from "../src/engine/report";
import { readWorkbookBuffer } from "../src/xlsx/read";
import { corpusEntries, SCORER } from "./helpers/corpus";

const outDir = path.join(os.tmpdir(), `plan-monitor-corpus-${process.pid}`);
mkdirSync(outDir, { recursive: true });

describe.each(corpusEntries())("corpus: $name", ({ name, workbook, labels, asAt }) => {
  let reportPath: string;

  beforeAll(async () => {
    const { grids } = await readWorkbookBuffer(readFileSync(workbook));
    const report = PlanReportSchema.parse(analyseWorkbook(grids, { asAt }));
    reportPath = path.join(outDir, `${name}.json`);
    writeFileSync(reportPath, JSON.stringify(report));
  });

  test("scores 1.000 with ../shared/tools/score.mjs", () => {
    const run = spawnSync(process.execPath, [SCORER, labels, reportPath], { encoding: "utf8" });
    const score = Number(/score: ([\d.]+)/.exec(run.stdout)?.[1]);
    if (score < 1) console.log(run.stdout);
    expect(score).toBe(1);
    expect(run.status).toBe(0);
  });
});
