/** Node's own module loader: jest wraps `node:module`, but keeps its `_load` as Node's. */
const nodeLoad = (require('node:module') as { _load: (request: string, parent: null) => unknown })._load;

/**
 * Makes jest hand out `packages` as Node itself loads them. linkedom (through css-select) and marked are
 * ES modules that jest's CommonJS runtime cannot load; coop reads them on its worker thread, where Node
 * does. Call it before the first `require` of a reader that uses them (not an `import`, which would run
 * first once compiled without jest's hoisting, as the mutation run compiles).
 */
export function loadNatively(...packages: string[]): void {
  for (const name of packages) {
    const file = require.resolve(name);
    jest.mock(name, () => nodeLoad(file, null));
  }
}
