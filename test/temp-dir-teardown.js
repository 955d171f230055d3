const { readdirSync, rmSync } = require('node:fs');

/**
 * Fails the run when a test left files in the temporary folder: every test removes what it creates.
 * The folder is removed either way, and TMPDIR restored.
 */
module.exports = async () => {
  const root = process.env.TMPDIR;
  const parent = process.env.COOP_TEST_TMP_PARENT;
  if (parent) process.env.TMPDIR = parent;
  else delete process.env.TMPDIR;
  delete process.env.COOP_TEST_TMP_PARENT;
  if (!root || !/coop-test-run-/.test(root)) return;
  // tsx keeps its compile cache in the temporary folder when a test starts the bot: the tool's, not the test's.
  const left = readdirSync(root).filter((entry) => !/^tsx-\d+$/.test(entry));
  rmSync(root, { recursive: true, force: true });
  if (left.length > 0) {
    throw new Error(`Tests left these in the temporary folder instead of removing them: ${left.join(', ')}`);
  }
};
