/**
 * Builds coop's TypeScript (`src/`) for `npm start`, with esbuild: `src/index.ts` and what it imports,
 * packages included, bundled into one file, type-stripped only, as tsx does. Answers from compiled code
 * take about a seventh less time than through tsx's require hook, which also names every function it
 * creates at run time; one file with the packages in it loads in about half the time of the hundreds of
 * modules it replaces, most of which went to finding and reading them. `npm test` type-checks the same
 * sources with tsc.
 *
 * Each build lies in `dist/<hash of the sources, the lockfile and this script>/`, made under a
 * temporary name and renamed into place when complete, so processes starting together from one checkout
 * never run a half-written build, and a build that is already there is used as it is. The newest few
 * builds are kept: a process still running an older one may yet start its threads from it.
 */
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
/** Builds kept besides the one just made or found. */
const KEPT_BUILDS = 3;
/** A temporary build older than this was left by a process that stopped while building. */
const ABANDONED_MS = 60 * 60 * 1000;
/**
 * Modules under `src/` named so are the entry points of worker threads: each is bundled on its own,
 * beside `index.js` under its own name, where `startThread` finds it.
 */
const WORKER_SUFFIX = '-worker.ts';
/**
 * Packages left out of the bundle and required from `node_modules` at run time: natural reads its data
 * files beside its own modules, pg may load a native client, the document readers' packages are large
 * and loaded only when a format needs them, and esbuild and tsx build rather than run.
 */
const EXTERNAL_PACKAGES = [
  'natural',
  'pg',
  'unpdf',
  'mammoth',
  'linkedom',
  '@mozilla/readability',
  'esbuild',
  'tsx',
];

/** The TypeScript files under `dir`, sorted (declaration files hold no code). */
function sourceFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

/**
 * A digest of every source file's name and text, of the lockfile (the bundle holds the packages it
 * names), of the compiler's version and of this script (how it bundles).
 */
function sourceHash(source, files, lockfile, compilerVersion) {
  const hash = createHash('sha256').update(compilerVersion).update(fs.readFileSync(__filename));
  for (const file of files) hash.update(`\0${path.relative(source, file)}\0`).update(fs.readFileSync(file));
  if (fs.existsSync(lockfile)) hash.update('\0lockfile\0').update(fs.readFileSync(lockfile));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds `src/` of the project at `root` (coop's own by default) unless the same sources are already
 * built, and returns the folder holding the build: `index.js` is `src/index.ts` bundled, and each
 * worker thread's module ({@link WORKER_SUFFIX}) is bundled beside it under its own name.
 */
function build(root = ROOT) {
  const source = path.join(root, 'src');
  const builds = path.join(root, 'dist');
  const files = sourceFiles(source);
  const lockfile = path.join(root, 'package-lock.json');
  const hash = sourceHash(source, files, lockfile, require('esbuild/package.json').version);
  const built = path.join(builds, hash);
  if (fs.existsSync(built)) return built;
  const temporary = path.join(builds, `.${hash}-${process.pid}`);
  bundle([path.join(source, 'index.ts'), ...files.filter((file) => file.endsWith(WORKER_SUFFIX))], temporary);
  try {
    fs.renameSync(temporary, built);
  } catch (error) {
    // Another process finished the same build first.
    fs.rmSync(temporary, { recursive: true, force: true });
    if (!fs.existsSync(built)) throw error;
  }
  pruneBuilds(builds, built);
  return built;
}

/** esbuild's settings for coop: CommonJS for the Node coop runs on, type-stripping only. */
const ESBUILD_OPTIONS = {
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'error',
};

/**
 * Bundles each of the TypeScript `entries` with what it imports (packages too, but for
 * {@link EXTERNAL_PACKAGES}) into one file directly in `outdir`, named as the entry: every module of a
 * bundle is in that one file, so a thread's module, found beside the module starting it, is found there.
 */
function bundle(entries, outdir) {
  // Loaded only to build: requiring it takes longer than finding a build.
  require('esbuild').buildSync({
    ...ESBUILD_OPTIONS,
    entryPoints: entries.map((entry) => ({ in: entry, out: path.basename(entry, '.ts') })),
    outdir,
    bundle: true,
    external: EXTERNAL_PACKAGES,
  });
}

/**
 * Compiles TypeScript `files` under `base` to CommonJS in `outdir`, each file in its place, as the bench
 * runs coop's modules one by one.
 */
function compile(files, base, outdir) {
  require('esbuild').buildSync({ ...ESBUILD_OPTIONS, entryPoints: files, outdir, outbase: base });
}

/**
 * Removes from `builds` all but the newest {@link KEPT_BUILDS} builds besides `current`, and abandoned
 * temporary ones.
 */
function pruneBuilds(builds, current) {
  const now = Date.now();
  const found = fs
    .readdirSync(builds, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const folder = path.join(builds, entry.name);
      return { folder, temporary: entry.name.startsWith('.'), mtimeMs: fs.statSync(folder).mtimeMs };
    });
  const stale = [
    ...found.filter((entry) => entry.temporary && now - entry.mtimeMs > ABANDONED_MS),
    ...found
      .filter((entry) => !entry.temporary && entry.folder !== current)
      .sort((a, b) => b.mtimeMs - a.mtimeMs)
      .slice(KEPT_BUILDS),
  ];
  for (const { folder } of stale) fs.rmSync(folder, { recursive: true, force: true });
}

module.exports = { build, compile, sourceFiles, KEPT_BUILDS };

if (require.main === module) console.log(path.relative(ROOT, build()));
