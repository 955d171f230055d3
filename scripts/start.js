/**
 * What `npm start` runs: coop compiled ({@link import('./build.js').build}), then started under
 * {@link RUNTIME_V8_FLAGS}. Required rather than run (as the bench does, for the flags), it starts nothing.
 */
const path = require('node:path');
const v8 = require('node:v8');
const { build } = require('./build');

/**
 * V8 flags coop runs under, set before coop loads (`NODE_OPTIONS` does not take them): allocation-site
 * pretenuring learns, from the first questions (which run long while their code is compiled), to
 * allocate what every answer gathers straight in the old generation, where it is garbage a moment later;
 * at 100k passages that cost a full collection every second or so of answering and about 35 MB of RSS.
 */
const RUNTIME_V8_FLAGS = ['--no-allocation-site-pretenuring'];

module.exports = { RUNTIME_V8_FLAGS };

if (require.main === module) {
  for (const flag of RUNTIME_V8_FLAGS) v8.setFlagsFromString(flag);
  require(path.join(build(), 'index.js'));
}
