const path = require('node:path');
const base = require('../jest.config');

/**
 * The jest configuration of `npm run mutate`: the whole suite, with
 * - TypeScript compiled by esbuild instead of ts-jest (`esbuild-transform.js`);
 * - a mutant's run loading only the test files that hold a test covering it, and stopping at the first
 *   failing test, without loading the files after it (`test-sequencer.js`, `test-environment.js`,
 *   `test-runner.js`);
 * - without the tests that start coop as another process: the mutated code runs in the test process
 *   only, so a child process never sees a mutant, and those tests would only slow every run down;
 * - the memos of analysis emptied before each test (`fresh-memos.js`);
 * - only the test files under the folders `COOP_MUTATE_TESTS` names (comma-separated, relative to the
 *   project) when it is set: `run-chunks.js` sets it for a chunk that names its test folders.
 * @type {import('jest').Config}
 */
module.exports = {
  ...base,
  rootDir: path.join(__dirname, '..'),
  // src/ too, though it holds no test: jest's related-test search (which Stryker uses to pick the test
  // files of a mutant) follows imports only through the files under `roots`, and found no test at all
  // for a file that tests reach only through other source files (the Slack listeners).
  roots: ['<rootDir>/test', '<rootDir>/src'],
  transform: { '^.+\\.ts$': path.join(__dirname, 'esbuild-transform.js') },
  testEnvironment: path.join(__dirname, 'test-environment.js'),
  testSequencer: path.join(__dirname, 'test-sequencer.js'),
  setupFilesAfterEnv: [...(base.setupFilesAfterEnv ?? []), path.join(__dirname, 'fresh-memos.js')],
  runner: path.join(__dirname, 'test-runner.js'),
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/test/index.test.ts',
    '<rootDir>/test/operations/replicas.test.ts',
    '<rootDir>/test/operations/single-process.test.ts',
    '<rootDir>/test/corpus/corpus-watcher-trouble.test.ts',
  ],
  ...(process.env.COOP_MUTATE_TESTS
    ? {
        testMatch: process.env.COOP_MUTATE_TESTS.split(',').map(
          (folder) => `<rootDir>/${folder}/**/*.test.ts`,
        ),
      }
    : {}),
};
