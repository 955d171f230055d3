const TestRunner = require('jest-runner').default;
const { activeMutant, state } = require('./run-state');

/**
 * jest's test runner, which in a mutant's run stops loading test files once a test has failed: the
 * mutant is killed, and each further file would only be loaded (with every module it imports) to have
 * its tests skipped by `test-environment.js`. Files run one at a time, in the order `test-sequencer.js`
 * gives, as Stryker runs jest in band. The dry run, and a mutant that survives, run every file.
 */
class MutationTestRunner extends TestRunner {
  async runTests(tests, watcher, options) {
    if (activeMutant() === undefined || !options.serial) return super.runTests(tests, watcher, options);
    for (const test of tests) {
      if (state.failed) return;
      await super.runTests([test], watcher, options);
    }
  }
}

module.exports = MutationTestRunner;
