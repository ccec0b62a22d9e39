// Removes the command line's compiled output (dist/cli, dist/engine, dist/xlsx)
// before `npm run build:cli`: tsc never deletes a file whose source was moved or
// split, and Node resolves `require("../dates")` to a stale dist/engine/dates.js
// before the new dist/engine/dates/index.js, so an old build would shadow the new one.
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const config = JSON.parse(readFileSync(path.join(ROOT, "tsconfig.cli.json"), "utf8"));
const outDir = path.join(ROOT, config.compilerOptions.outDir);
const rootDir = path.join(ROOT, config.compilerOptions.rootDir);
for (const folder of config.include) rmSync(path.join(outDir, path.relative(rootDir, path.join(ROOT, folder))), { recursive: true, force: true });
