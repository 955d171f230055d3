/** What `npm start` runs: coop compiled ({@link import('./build.js').build}), then started. */
const path = require('node:path');
const { build } = require('./build');

require(path.join(build(), 'index.js'));
