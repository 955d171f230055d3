#!/usr/bin/env node
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { chunks, testSets } = require('./chunks.json');

/**
 * Runs the mutation test of `src/` chunk by chunk, each with its own incremental file
 * `reports/chunks/<name>.json`, then merges them (`merge-reports.js`). `mutate/chunks.json` names each
 * chunk, the files it mutates and, for some, a set of test folders (`testSets`) it is measured against
 * alone (`COOP_MUTATE_TESTS`, read by `jest.config.js`): for code that nearly every test reaches, such as
 * the analyzer, a survivor would otherwise run the whole suite. Fewer tests can only kill fewer mutants,
 * so such a score is a lower bound. A chunk is small enough for its run to end, and so to be saved, in
 * under half an hour on a busy machine; a chunk run again tests only the mutants whose code or tests
 * changed.
 *
 * Usage: `node mutate/run-chunks.js [--concurrency N] [--force] [name...]` (every chunk when no name is
 * given; `--force` tests every mutant again instead of reusing the incremental file's results).
 * At the lowest priority, so the machine stays usable; one test runner unless `--concurrency` asks for
 * more (two halve a chunk's time on an idle two-core machine).
 */
const root = path.join(__dirname, '..');
const names = process.argv.slice(2);
let concurrency = '1';
const concurrencyAt = names.indexOf('--concurrency');
if (concurrencyAt >= 0) {
  concurrency = names.splice(concurrencyAt, 2)[1];
  if (!/^[1-9]\d*$/.test(concurrency ?? '')) {
    console.error('--concurrency needs a whole number of test runners, such as --concurrency 2');
    process.exit(2);
  }
}
// A run that changes how tests run (the mutation setup in mutate/) but no source or test file: Stryker's
// incremental file would otherwise give back every earlier result.
const forceAt = names.indexOf('--force');
const force = forceAt >= 0;
if (force) names.splice(forceAt, 1);
for (const name of names) {
  if (!chunks[name]) {
    console.error(`no chunk named ${name}; the chunks are: ${Object.keys(chunks).join(', ')}`);
    process.exit(2);
  }
}
for (const name of names.length > 0 ? names : Object.keys(chunks)) {
  const chunk = chunks[name];
  const tests = chunk.tests === undefined ? undefined : testSets[chunk.tests];
  const args = [
    '-n',
    '19',
    'npx',
    'stryker',
    'run',
    '--concurrency',
    concurrency,
    '--mutate',
    chunk.mutate.join(','),
  ];
  args.push('--incrementalFile', `reports/chunks/${name}.json`);
  if (force) args.push('--force');
  console.log(`chunk ${name}: nice ${args.join(' ')}`);
  const started = Date.now();
  const env = { ...process.env };
  if (tests) {
    env.COOP_MUTATE_TESTS = tests.join(',');
    console.log(`chunk ${name}: against the tests in ${tests.join(', ')} only`);
  }
  const run = spawnSync('nice', args, { cwd: root, stdio: 'inherit', env });
  console.log(`chunk ${name}: ended with ${run.status} after ${Math.round((Date.now() - started) / 1000)} s`);
  if (run.status !== 0) process.exit(run.status ?? 1);
}
spawnSync(process.execPath, [path.join(__dirname, 'merge-reports.js')], { cwd: root, stdio: 'inherit' });
