// Timing helpers shared by the bench modules.
import { spawnSync } from "node:child_process";
import { existsSync, openSync, closeSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Wall time of a spawned command with stdout sent to /dev/null (as `cmd > /dev/null`),
 * in milliseconds. Throws with the command's stderr when it fails.
 */
export function spawnMs(command, args) {
  const devNull = openSync("/dev/null", "w");
  try {
    const t = performance.now();
    const run = spawnSync(command, args, { cwd: ROOT, stdio: ["ignore", devNull, "pipe"], encoding: "utf8" });
    const ms = performance.now() - t;
    if (run.error) throw run.error;
    if (run.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} exited ${run.status}: ${(run.stderr ?? "").trim().split("\n")[0]}`);
    return ms;
  } finally {
    closeSync(devNull);
  }
}

/** The compiled command line, or a reason it cannot be used. */
export function requireBuilt(file) {
  const full = path.join(ROOT, file);
  if (!existsSync(full)) throw new Error(`${file} is not built: run npm run build:cli`);
  return full;
}

export const round = (n) => Math.round(n);
export const fixed = (n, digits) => Number(n.toFixed(digits));
