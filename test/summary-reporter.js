// Writes the run's totals to test-output/summary.json; .ci/run prints them as
// its last line ("N passed, N failed"), the line CI reads.
const fs = require("node:fs");
const path = require("node:path");

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const out = path.resolve(__dirname, "../test-output");
    fs.mkdirSync(out, { recursive: true });
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests,
      suites: results.numTotalTestSuites,
    };
    fs.writeFileSync(path.join(out, "summary.json"), JSON.stringify(summary) + "\n");
  }
}
module.exports = SummaryReporter;
