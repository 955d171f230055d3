const path = require('node:path');

/**
 * What the mutation run's test environment and test sequencer share within one Stryker test runner
 * process: both are loaded by jest outside the test sandbox, once per process, so a value kept on
 * `globalThis` outlives the test files and the mutants.
 */
const key = Symbol.for('coop.mutate.run-state');
globalThis[key] ??= { failed: false };

module.exports = {
  /** Where the dry run records which test file holds each test, and how long it took. */
  testMapFile: (rootDir) => path.join(rootDir, '.stryker-test-map.jsonl'),
  /** The id of the mutant this run is for; undefined in the dry run and outside Stryker. */
  activeMutant: () => process.env.__STRYKER_ACTIVE_MUTANT__,
  /** Shared between the environment and the sequencer of the same process. */
  state: globalThis[key],
};
