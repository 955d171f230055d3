const { chmodSync, mkdtempSync, readdirSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** True while the process `pid` runs. */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Gives the test run a temporary folder of its own (TMPDIR for every worker), so that
 * `temp-dir-teardown.js` can tell what the tests left behind from what other programs keep there.
 * Folders of earlier runs whose process was killed before its teardown are removed first.
 */
module.exports = async () => {
  for (const entry of readdirSync(os.tmpdir())) {
    const pid = Number(entry.match(/^coop-test-run-(\d+)-/)?.[1]);
    if (pid && !isRunning(pid)) rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
  }
  const root = mkdtempSync(path.join(os.tmpdir(), `coop-test-run-${process.pid}-`));
  // Open to every user, sticky, as /tmp is: some tests start the bot as another user.
  chmodSync(root, 0o1777);
  process.env.COOP_TEST_TMP_PARENT = process.env.TMPDIR ?? '';
  process.env.TMPDIR = root;
};
