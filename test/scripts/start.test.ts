import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const START_SCRIPT = path.resolve(__dirname, '../../scripts/start.js');

/** Runs `file` through start.js's `runCached` in a fresh Node; what the module printed, then what became of its cache. */
async function runCached(file: string): Promise<string[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    '-e',
    `console.log(require(${JSON.stringify(START_SCRIPT)}).runCached(${JSON.stringify(file)}))`,
  ]);
  return stdout.trim().split('\n');
}

describe('starting from the code cache', () => {
  let dir: string;
  let main: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'coop-start-'));
    main = path.join(dir, 'main.js');
    writeFileSync(path.join(dir, 'said.js'), "module.exports = 'said';\n");
    writeFileSync(
      main,
      "const said = require('./said');\nmodule.exports = 42;\nconsole.log(said + ' from ' + require('node:path').basename(__dirname) + ', ' + (__filename === require.cache[__filename].filename));\n",
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the module as require would, and keeps its compiled code for the next start, which uses it', async () => {
    const ran = `said from ${path.basename(dir)}, true`;
    await expect(runCached(main)).resolves.toEqual([ran, 'written']);
    await expect(runCached(main)).resolves.toEqual([ran, 'used']);
  });

  it('compiles past a cache V8 refuses, and replaces it', async () => {
    writeFileSync(`${main}.cache`, 'not a code cache');
    const ran = `said from ${path.basename(dir)}, true`;
    await expect(runCached(main)).resolves.toEqual([ran, 'refused and written']);
    await expect(runCached(main)).resolves.toEqual([ran, 'used']);
  });

  it('does not use the cache of an older build of the same file', async () => {
    await runCached(main);
    // Of the same length: V8 itself would take the old cache for it.
    const before = require('node:fs').readFileSync(main, 'utf8') as string;
    writeFileSync(main, before.replace("'./said'", "'./SAID'"));
    writeFileSync(path.join(dir, 'SAID.js'), "module.exports = 'SAID';\n");
    await expect(runCached(main)).resolves.toEqual([
      `SAID from ${path.basename(dir)}, true`,
      'refused and written',
    ]);
  });
});
