const { mkdtempSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/**
 * Gives the test run a temporary folder of its own (TMPDIR for every worker), so that
 * `temp-dir-teardown.js` can tell what the tests left behind from what other programs keep there.
 */
module.exports = async () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'coop-test-run-'));
  process.env.COOP_TEST_TMP_PARENT = process.env.TMPDIR ?? '';
  process.env.TMPDIR = root;
};
