import { execFile } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const { build, KEPT_BUILDS } = require('../../scripts/build') as {
  build(root?: string): string;
  KEPT_BUILDS: number;
};
const BUILD_SCRIPT = path.resolve(__dirname, '../../scripts/build.js');

/**
 * A project of TypeScript modules: an index importing a module of its own and a package, and a worker
 * thread's module, in a folder of its own, that the index starts from beside itself.
 */
function project(greeting = 'hello'): string {
  const root = mkdtempSync(path.join(tmpdir(), 'coop-build-'));
  mkdirSync(path.join(root, 'src/words'), { recursive: true });
  mkdirSync(path.join(root, 'src/threads'), { recursive: true });
  mkdirSync(path.join(root, 'node_modules/shout'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules/shout/index.js'), "exports.shout = (text) => text + '!';\n");
  writeFileSync(path.join(root, 'src/words/greeting.ts'), `export const greeting: string = '${greeting}';\n`);
  writeFileSync(
    path.join(root, 'src/index.ts'),
    [
      "import path from 'node:path';",
      "import { Worker } from 'node:worker_threads';",
      "import { shout } from 'shout';",
      "import { greeting } from './words/greeting';",
      "export const said = (name: string): string => shout(greeting + ' ' + name);",
      'export const echoed = (text: string): Promise<string> =>',
      '  new Promise((resolve) => {',
      "    const worker = new Worker(path.join(__dirname, 'echo-worker.js'), { workerData: text });",
      "    worker.once('message', (reply: string) => void worker.terminate().then(() => resolve(reply)));",
      '  });',
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(root, 'src/threads/echo-worker.ts'),
    "import { parentPort, workerData } from 'node:worker_threads';\nimport { greeting } from '../words/greeting';\nparentPort?.postMessage(greeting + ' ' + workerData);\n",
  );
  writeFileSync(path.join(root, 'src/types.d.ts'), 'declare const unused: number;\n');
  return root;
}

type Built = { said(name: string): string; echoed(text: string): Promise<string> };

const builds = (root: string) => readdirSync(path.join(root, 'dist'));

describe('the build npm start runs', () => {
  let root: string;
  beforeEach(() => {
    root = project();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('bundles the index with its modules and packages into one file that runs', () => {
    const built = build(root);
    const { said } = require(path.join(built, 'index.js')) as Built;
    // The package's code is in the bundle: the build runs without node_modules beside it.
    rmSync(path.join(root, 'node_modules'), { recursive: true });
    expect(said('Dover')).toBe('hello Dover!');
    expect(readdirSync(built).filter((name) => name.endsWith('.js'))).toEqual(['echo-worker.js', 'index.js']);
  });

  it("bundles a worker thread's module beside the index, where the index finds it", async () => {
    const { echoed } = require(path.join(build(root), 'index.js')) as Built;
    await expect(echoed('Calais')).resolves.toBe('hello Calais');
  });

  it('uses the build of the same sources again, and builds anew once a source changes', () => {
    const first = build(root);
    const builtAt = statSync(path.join(first, 'index.js')).mtimeMs;
    expect(build(root)).toBe(first);
    expect(statSync(path.join(first, 'index.js')).mtimeMs).toBe(builtAt);

    writeFileSync(path.join(root, 'src/words/greeting.ts'), "export const greeting: string = 'ahoy';\n");
    const second = build(root);
    expect(second).not.toBe(first);
    expect((require(path.join(second, 'index.js')) as Built).said('Hull')).toBe('ahoy Hull!');
  });

  it('builds anew once the build script changes: it decides what the bundle holds', () => {
    const script = path.join(root, 'build.js');
    writeFileSync(script, readFileSync(BUILD_SCRIPT));
    // The copy finds esbuild as the project's own script does.
    symlinkSync(
      path.resolve(__dirname, '../../node_modules/esbuild'),
      path.join(root, 'node_modules/esbuild'),
    );
    const first = (require(script) as { build(root: string): string }).build(root);
    delete require.cache[require.resolve(script)];
    writeFileSync(script, `${readFileSync(BUILD_SCRIPT, 'utf8')}\n// bundled otherwise\n`);
    expect((require(script) as { build(root: string): string }).build(root)).not.toBe(first);
  });

  it('builds anew once the lockfile changes: the bundle holds the packages it names', () => {
    writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}\n');
    const first = build(root);
    writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3,"packages":{}}\n');
    expect(build(root)).not.toBe(first);
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
