// Writes the run's totals to test-output/summary.json; .ci/run prints them as
// its last line ("N passed, N failed"), the line CI reads.
//
// Tests that need a program the machine lacks (test/helpers/requires.ts) are
// registered as one test.todo named "NOT RUN: ..." per block: they count as
// "notRun" here (never as passed), and each gets one line at the end of the run.
const fs = require("node:fs");
const path = require("node:path");

const NOT_RUN = "NOT RUN:";

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig?.rootDir ?? process.cwd();
  }

  onRunComplete(_contexts, results) {
    const notRun = [];
    for (const file of results.testResults) {
      for (const t of file.testResults ?? []) {
        if (t.status === "todo" && t.title.startsWith(NOT_RUN)) {
          notRun.push({ file: path.relative(this.rootDir, file.testFilePath), title: t.title });
        }
      }
    }
    const out = path.resolve(__dirname, "../test-output");
    fs.mkdirSync(out, { recursive: true });
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests,
      notRun: notRun.length,
      todo: results.numTodoTests - notRun.length,
      suites: results.numTotalTestSuites,
      notRunTests: notRun,
    };
    fs.writeFileSync(path.join(out, "summary.json"), JSON.stringify(summary) + "\n");
    for (const n of notRun) process.stderr.write(`${n.file}: ${n.title.replace(NOT_RUN, "NOT RUN -")}\n`);
  }
}
module.exports = SummaryReporter;
