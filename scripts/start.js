/**
 * What `npm start` runs: coop built ({@link import('./build.js').build}), then started under
 * {@link RUNTIME_V8_FLAGS}, its bundle compiled from V8's code cache when it has one. Required rather
 * than run (as the bench does, for the flags), it starts nothing.
 */
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');
const { build } = require('./build');

/**
 * V8 flags coop runs under, set before coop loads (`NODE_OPTIONS` does not take them): allocation-site
 * pretenuring learns, from the first questions (which run long while their code is compiled), to
 * allocate what every answer gathers straight in the old generation, where it is garbage a moment later;
 * at 100k passages that cost a full collection every second or so of answering and about 35 MB of RSS.
 */
const RUNTIME_V8_FLAGS = ['--no-allocation-site-pretenuring'];

/**
 * Runs the CommonJS module `file` as Node's `require` would, compiled from V8's code cache kept beside it
 * (`<file>.cache`) when it was made from the same source and V8 accepts it: compiling the bundle's few
 * MB of JavaScript was a good part of a start. Otherwise (no cache yet, or one V8 refuses: another Node,
 * other flags) the cache is written once the module has run, so that it holds the code compiled while
 * it ran; a cache that cannot be written (a read-only build) only costs the next start the same time.
 * Returns what became of the cache.
 *
 * @returns {'used' | 'written' | 'refused and written' | 'not written'}
 */
function runCached(file) {
  const cacheFile = `${file}.cache`;
  const source = fs.readFileSync(file, 'utf8');
  // V8 checks a cache against the source's length only: the cache starts with a digest of the source.
  const digest = createHash('sha1').update(source).digest();
  let cache;
  try {
    cache = fs.readFileSync(cacheFile);
  } catch {
    cache = undefined;
  }
  const cachedData =
    cache && digest.equals(cache.subarray(0, digest.length)) ? cache.subarray(digest.length) : undefined;
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const entry = new Module(file, module);
  entry.filename = file;
  entry.paths = Module._nodeModulePaths(path.dirname(file));
  require.cache[file] = entry;
  script
    .runInThisContext()
    .call(entry.exports, entry.exports, Module.createRequire(file), entry, file, path.dirname(file));
  entry.loaded = true;
  if (cachedData !== undefined && !script.cachedDataRejected) return 'used';
  if (!writeAtomically(cacheFile, Buffer.concat([digest, script.createCachedData()]))) return 'not written';
  return cache === undefined ? 'written' : 'refused and written';
}

/** Writes `data` to `file` through a temporary file renamed into place; false when it could not. */
function writeAtomically(file, data) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
    return true;
  } catch {
    fs.rmSync(temporary, { force: true });
    return false;
  }
}

module.exports = { RUNTIME_V8_FLAGS, runCached };

if (require.main === module) {
  for (const flag of RUNTIME_V8_FLAGS) v8.setFlagsFromString(flag);
  runCached(path.join(build(), 'index.js'));
}
