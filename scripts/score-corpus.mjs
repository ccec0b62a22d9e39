#!/usr/bin/env node
// Runs the command line on every corpus workbook at its label's as-at date and
// scores the report with ../shared/tools/score.mjs. Exits 1 when any scores < 1.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const shared = process.env.PLAN_MONITOR_SHARED ?? path.resolve(root, "../shared");
const corpus = path.join(shared, "corpus");
const scorer = path.join(shared, "tools/score.mjs");
const outDir = path.join(root, "test-output/corpus-reports");
const verbose = process.argv.includes("--verbose");
mkdirSync(outDir, { recursive: true });
if (!existsSync(path.join(root, "dist/cli/main.js"))) {
  console.error("score:corpus: building the command line first (npm run build:cli)");
  execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: root, stdio: "inherit" });
}

let worst = 1;
for (const labels of readdirSync(corpus).filter((f) => f.endsWith(".expected.json")).sort()) {
  const name = labels.replace(/\.expected\.json$/, "");
  const workbook = path.join(corpus, `${name}.xlsx`);
  const { asAt } = JSON.parse(readFileSync(path.join(corpus, labels), "utf8"));
  const run = spawnSync(process.execPath, [path.join(root, "bin/plan-monitor.js"), "check", workbook, "--json", "--as-at", asAt], { encoding: "utf8" });
  const reportPath = path.join(outDir, `${name}.json`);
  writeFileSync(reportPath, run.stdout);
  if (run.status !== 0) console.log(`${name}: plan-monitor exited ${run.status}: ${run.stderr.trim()}`);
  const scored = spawnSync(process.execPath, [scorer, path.join(corpus, labels), reportPath, ...(verbose ? [] : ["--quiet"])], { encoding: "utf8" });
  const score = Number(/score: ([\d.]+)/.exec(scored.stdout)?.[1] ?? 0);
  worst = Math.min(worst, score);
  console.log(`${name.padEnd(32)} ${score.toFixed(3)}`);
  if (verbose || score < 1) console.log(scored.stdout.replace(/^/gm, "    "));
}
console.log(`corpus score (lowest): ${worst.toFixed(3)}`);
process.exit(worst >= 1 ? 0 : 1);
