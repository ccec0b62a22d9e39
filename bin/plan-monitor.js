#!/usr/bin/env node
// Thin launcher: the command is compiled to dist/ by `npm run build`.
"use strict";
let main;
try {
  main = require("../dist/cli/main.js").main;
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND") {
    console.error("plan-monitor: not built yet. Run `npm run build` first.");
    process.exit(3);
  }
  throw e;
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
