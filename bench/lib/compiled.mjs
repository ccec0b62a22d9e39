// The TypeScript the benchmarks run (src/engine, src/excel, tools/excel-sim,
// src/xlsx and the tests' helpers, among them the one large-plan generator
// test/helpers/largePlan.ts), compiled with tsconfig.bench.json into dist-bench/
// (ignored by git), again whenever a hash of its sources or of the tsconfigs changes.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT } from "./measure.mjs";

const OUT = path.join(ROOT, "dist-bench");
const TSCONFIG = path.join(ROOT, "tsconfig.bench.json");
const SOURCE_DIRS = ["src/engine", "src/excel", "tools/excel-sim", "src/xlsx", "test/helpers"];
const SOURCE_FILES = ["tsconfig.bench.json", "tsconfig.json"];
const STAMP = path.join(OUT, ".bench-sources");
const require = createRequire(import.meta.url);

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

let built = false;
/** Compile into dist-bench/ unless that build is current. */
function ensureBuilt() {
  if (built) return;
  if (!existsSync(TSCONFIG)) throw new Error("tsconfig.bench.json is missing");
  const tsc = require.resolve("typescript/bin/tsc");
  const hash = sourcesHash(tsc);
  const entry = path.join(OUT, "src/excel/host.js");
  if (!(existsSync(entry) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash)) {
    const run = spawnSync(process.execPath, [tsc, "-p", TSCONFIG], { cwd: ROOT, encoding: "utf8" });
    if (run.error) throw run.error;
    if (run.status !== 0) {
      const first = `${run.stdout}\n${run.stderr}`.split("\n").find((l) => l.trim()) ?? `exit ${run.status}`;
      throw new Error(`tsc -p tsconfig.bench.json failed: ${first.trim()}`);
    }
    writeFileSync(STAMP, hash);
  }
  built = true;
}

/** A compiled module, by its path under the project with a .js ending ("test/helpers/largePlan.js"). */
export function compiled(rel) {
  ensureBuilt();
  return require(path.join(OUT, rel));
}
