const { createHash } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { transformSync, version } = require('esbuild');

/** esbuild's options: type-stripping to CommonJS, as `tsc` emits with `isolatedModules`. */
const options = {
  format: 'cjs',
  target: 'node20',
  sourcemap: 'external',
  sourcesContent: false,
  // as tsc does for CommonJS: `import()` becomes `require`, so jest's module registry serves it
  supported: { 'dynamic-import': false },
};

const transformerHash = createHash('sha256').update(readFileSync(__filename)).update(version).digest('hex');

/**
 * A jest transformer that compiles TypeScript with esbuild, many times faster than ts-jest. Types are
 * still checked by `npm run typecheck`; this is for runs that repeat the suite many times
 * (`npm run mutate`, through `mutate/jest.config.js`).
 */
module.exports = {
  getCacheKey(sourceText, sourcePath) {
    return createHash('sha256').update(transformerHash).update(sourcePath).update(sourceText).digest('hex');
  },
  process(sourceText, sourcePath) {
    const loader = sourcePath.endsWith('.tsx') ? 'tsx' : 'ts';
    const { code, map } = transformSync(sourceText, { ...options, loader, sourcefile: sourcePath });
    return { code, map };
  },
};
