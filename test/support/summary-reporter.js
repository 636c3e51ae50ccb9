// A Jest reporter that leaves each project's counts in tmp/test-results/, so `npm test` can print one
// closing line for the whole workspace after Nx has run every project.
const fs = require('node:fs');
const path = require('node:path');

const RESULTS = path.resolve(__dirname, '../../tmp/test-results');

class SummaryReporter {
  constructor(globalConfig, _options, context) {
    this.name = (context && context.config && context.config.displayName && context.config.displayName.name) || 'jest';
    this.rootDir = globalConfig.rootDir;
  }

  onRunComplete(_contexts, results) {
    fs.mkdirSync(RESULTS, { recursive: true });
    const name = path.relative(path.resolve(__dirname, '../..'), this.rootDir).replace(/[\\/]/g, '-') || 'root';
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(path.join(RESULTS, `${name}.json`), JSON.stringify(summary));
  }
}

module.exports = SummaryReporter;
