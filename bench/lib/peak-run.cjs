// The built command line (dist/cli/main.js) run with these arguments, as
// bin/plan-monitor.js runs it, then its peak resident memory on stderr's last
// line ("peak-rss-kb N", from process.resourceUsage: the whole process, exceljs
// and all). bench/modules/cli.mjs spawns it for the 200,000-row figures.
"use strict";
const path = require("node:path");
const { main } = require(path.resolve(__dirname, "../../dist/cli/main.js"));

process.on("exit", () => process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
