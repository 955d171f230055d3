const { appendFileSync } = require('node:fs');
const NodeEnvironment = require('jest-environment-node').TestEnvironment;
const { activeMutant, state, testMapFile } = require('./run-state');

/** A test's name as jest's `--testNamePattern` and Stryker see it: describe names, then the test's. */
function fullName(test) {
  const names = [];
  for (let block = test; block?.parent; block = block.parent) names.unshift(block.name);
  return names.join(' ');
}

/**
 * jest's node environment, with two things for `npm run mutate`:
 * - in Stryker's dry run, it records each test's file and duration (see `test-sequencer.js`);
 * - in a mutant's run, once a test has failed the mutant is killed, so the tests after it are skipped
 *   (the bail jest offers only on the command line). A mutant that survives still runs every test
 *   that covers it.
 */
class MutationTestEnvironment extends NodeEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
    this.rootDir = config.projectConfig.rootDir;
    this.recorded = [];
  }

  async handleTestEvent(event) {
    if (activeMutant() === undefined) {
      if (event.name === 'test_done' && this.global.__stryker__) {
        this.recorded.push({ file: this.testPath, name: fullName(event.test), ms: event.test.duration ?? 0 });
      }
      return;
    }
    if (event.name === 'test_start' && state.failed) event.test.mode = 'skip';
    if (event.name === 'test_done' && event.test.errors.length > 0) state.failed = true;
  }

  async teardown() {
    if (this.recorded.length > 0) {
      appendFileSync(
        testMapFile(this.rootDir),
        this.recorded.map((entry) => `${JSON.stringify(entry)}\n`).join(''),
      );
    }
    await super.teardown();
  }
}

module.exports = MutationTestEnvironment;
