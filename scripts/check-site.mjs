#!/usr/bin/env node
// After `npm run build`: with ADDIN_ORIGIN set, validates dist/site/manifest.xml offline
// (schemas, the project's checks, every URL under ADDIN_ORIGIN, every URL a file in
// dist/site) and says what to copy where. Without it, says how to make that folder.
// The online validator is not run here (it posts the file to Microsoft); run
//   node scripts/validate-manifest.mjs dist/site/manifest.xml --origin "$ADDIN_ORIGIN" --site dist/site
// for it.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { checkOrigin } = require("./site-manifest.cjs");

if (!process.env.ADDIN_ORIGIN) {
  console.log("Built dist/taskpane with the development manifest (https://localhost:3000).");
  console.log("For a folder to host: ADDIN_ORIGIN=https://your.host/plan-monitor npm run build  → dist/site");
  process.exit(0);
}
const origin = checkOrigin(process.env.ADDIN_ORIGIN);
const site = join(root, "dist/site");
const r = spawnSync(process.execPath, [join(root, "scripts/validate-manifest.mjs"), join(site, "manifest.xml"), "--origin", origin, "--site", site], {
  stdio: "inherit",
  env: { ...process.env, PLAN_MONITOR_SKIP_ONLINE: "1" },
});
if (r.status !== 0) {
  console.log("dist/site/manifest.xml is not valid: fix manifest.xml (see above) and build again.");
  process.exit(1);
}
console.log(`Copy everything in dist/site/ to ${origin}/ on a static https host, then deploy dist/site/manifest.xml (see the README, "Deploy for your organisation").`);
