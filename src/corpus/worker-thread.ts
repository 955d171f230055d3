import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread running the module at `entry`, a path without its extension beside the module
 * asking for it (`path.join(__dirname, 'name-worker')`): bundled, as `npm start` runs coop (every module
 * is then in one file, and the build puts each thread's module beside it), compiled module by module, as
 * the bench runs it, or from TypeScript sources (tsx, ts-jest) through tsx's require hook.
 */
export function startThread(entry: string, options: WorkerOptions = {}): Worker {
  if (!__filename.endsWith('.ts')) return new Worker(`${entry}.js`, options);
  const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(`${entry}.ts`)});`;
  return new Worker(boot, { ...options, eval: true });
}
