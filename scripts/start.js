/** What `npm start` runs: coop compiled ({@link import('./build.js').build}), then started under its V8 flags. */
const path = require('node:path');
const v8 = require('node:v8');
const { build, RUNTIME_V8_FLAGS } = require('./build');

for (const flag of RUNTIME_V8_FLAGS) v8.setFlagsFromString(flag);
require(path.join(build(), 'index.js'));
