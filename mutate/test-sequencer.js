const { existsSync, readFileSync } = require('node:fs');
const Sequencer = require('@jest/test-sequencer').default;
const { activeMutant, state, testMapFile } = require('./run-state');

/**
 * Which test files a mutant's run loads, and in what order. Stryker runs a mutant with
 * `--testNamePattern` naming the tests that cover it, but jest still loads every related test file,
 * only to skip all its tests: most of a mutant's cost. With the dry run's record of which file holds
 * each test (`test-environment.js`), only the files holding a covering test are loaded, the quickest
 * first, so that a killing test is usually found early (the environment then skips the rest). A file
 * the dry run did not see is kept. The tests run are exactly those Stryker asked for.
 */
class MutationTestSequencer extends Sequencer {
  constructor(options) {
    super(options);
    this.globalConfig = options.globalConfig;
  }

  sort(tests) {
    state.failed = false;
    const pattern = this.globalConfig.testNamePattern;
    if (activeMutant() === undefined || !pattern || tests.length === 0) return super.sort(tests);
    const mapFile = testMapFile(tests[0].context.config.rootDir);
    if (!existsSync(mapFile)) return super.sort(tests);
    const matches = new RegExp(pattern, 'i');
    const seen = new Set();
    const costs = new Map();
    for (const line of readFileSync(mapFile, 'utf8').split('\n')) {
      if (!line) continue;
      const { file, name, ms } = JSON.parse(line);
      seen.add(file);
      if (matches.test(name)) costs.set(file, (costs.get(file) ?? 0) + ms);
    }
    const cost = (test) => costs.get(test.path) ?? Number.POSITIVE_INFINITY;
    return tests
      .filter((test) => costs.has(test.path) || !seen.has(test.path))
      .sort((a, b) => cost(a) - cost(b));
  }
}

module.exports = MutationTestSequencer;
