import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** coop running as its own process, as `npm start` runs it. */
export class CoopProcess {
  /** Everything it wrote to stderr (its log). */
  log = '';
  private exited?: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {}

  /**
   * Starts coop as `npm start` does (`scripts/start.js`: bundled, then run) with `env` (and nothing
   * else from this environment but PATH and HOME) and resolves once it listens, with its port; rejects if
   * it exits or stays silent for `timeoutMs`.
   */
  static start(env: Record<string, string>, timeoutMs = 20_000): Promise<CoopProcess> {
    const child = spawn(process.execPath, ['scripts/start.js'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    const started: { port?: number } = {};
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`coop did not start within ${timeoutMs} ms:\n${log}`));
      }, timeoutMs);
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        log += chunk;
        const listening = /listening for Slack on port (\d+)/.exec(log);
        if (listening && !started.port) {
          clearTimeout(timer);
          started.port = Number(listening[1]);
          const coop = new CoopProcess(child, started.port);
          coop.exited = exited;
          coop.log = log;
          child.stderr?.on('data', (more: string) => {
            coop.log += more;
          });
          resolve(coop);
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        if (!started.port) reject(new Error(`coop exited with ${code} before listening:\n${log}`));
      });
    });
  }

  /** Sends `signal` and resolves with the exit code once it has exited. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return (await this.exited) ?? null;
  }

  /** Resolves with the exit code once it has exited of its own accord. */
  whenExited(): Promise<number | null> {
    return this.exited ?? Promise.resolve(null);
  }
}
