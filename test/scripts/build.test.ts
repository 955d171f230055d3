import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const { build, KEPT_BUILDS } = require('../../scripts/build') as {
  build(root?: string): string;
  KEPT_BUILDS: number;
};
const BUILD_SCRIPT = path.resolve(__dirname, '../../scripts/build.js');

/** A project of two TypeScript modules, one importing the other. */
function project(greeting = 'hello'): string {
  const root = mkdtempSync(path.join(tmpdir(), 'coop-build-'));
  mkdirSync(path.join(root, 'src/words'), { recursive: true });
  writeFileSync(path.join(root, 'src/words/greeting.ts'), `export const greeting: string = '${greeting}';\n`);
  writeFileSync(
    path.join(root, 'src/index.ts'),
    "import { greeting } from './words/greeting';\nexport const said = (name: string): string => greeting + ' ' + name;\n",
  );
  writeFileSync(path.join(root, 'src/types.d.ts'), 'declare const unused: number;\n');
  return root;
}

const builds = (root: string) => readdirSync(path.join(root, 'dist'));

describe('the build npm start runs', () => {
  let root: string;
  beforeEach(() => {
    root = project();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('compiles every module to JavaScript that runs, declarations aside', () => {
    const built = build(root);
    const { said } = require(path.join(built, 'index.js')) as { said(name: string): string };
    expect(said('Dover')).toBe('hello Dover');
    expect(
      readdirSync(built, { recursive: true }).filter((name) => String(name).endsWith('.js')),
    ).toHaveLength(2);
  });

  it('uses the build of the same sources again, and builds anew once a source changes', () => {
    const first = build(root);
    const builtAt = statSync(path.join(first, 'index.js')).mtimeMs;
    expect(build(root)).toBe(first);
    expect(statSync(path.join(first, 'index.js')).mtimeMs).toBe(builtAt);

    writeFileSync(path.join(root, 'src/words/greeting.ts'), "export const greeting: string = 'ahoy';\n");
    const second = build(root);
    expect(second).not.toBe(first);
    expect((require(path.join(second, 'index.js')) as { said(name: string): string }).said('Hull')).toBe(
      'ahoy Hull',
    );
  });

  it(`keeps the ${KEPT_BUILDS} newest builds besides the current one`, () => {
    for (let i = 0; i < KEPT_BUILDS + 3; i++) {
      writeFileSync(
        path.join(root, 'src/words/greeting.ts'),
        `export const greeting: string = 'hello ${i}';\n`,
      );
      build(root);
    }
    expect(builds(root)).toHaveLength(KEPT_BUILDS + 1);
  });

  it('gives processes building the same sources at once one complete build', async () => {
    const run = () =>
      promisify(execFile)(process.execPath, [
        '-e',
        `console.log(require(${JSON.stringify(BUILD_SCRIPT)}).build(${JSON.stringify(root)}))`,
      ]);
    const outputs = await Promise.all([run(), run(), run(), run()]);
    const folders = new Set(outputs.map(({ stdout }) => stdout.trim()));
    expect(folders.size).toBe(1);
    expect(builds(root)).toEqual([path.basename([...folders][0])]);
  });
});
