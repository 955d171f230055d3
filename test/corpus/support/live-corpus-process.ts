import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { chmod, chown, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const REPO = path.resolve(__dirname, '../../..');
const MAIN = path.join(__dirname, 'live-corpus-main.ts');
/** `nobody`, whom root becomes so that file permissions apply to the bot process. */
const NOBODY = { uid: 65534, gid: 65534 };

/**
 * Who the bot process runs as, so that a file without read permission really cannot be read by it.
 * Root reads every file whatever its mode, so under root the process runs as `nobody`; any other user runs
 * it as themselves. `skipReason` says why permissions cannot be tested when root cannot switch users.
 */
export const botUser: { credentials?: { uid: number; gid: number }; skipReason?: string } = (() => {
  if (process.getuid?.() !== 0) return {};
  const probe = spawnSync(process.execPath, ['-e', ''], NOBODY);
  return probe.status === 0
    ? { credentials: NOBODY }
    : {
        skipReason: `running as root, which reads unreadable files, and cannot start a process as nobody (${probe.error?.message ?? `exit ${probe.status}`})`,
      };
})();

/** A temporary folder the bot process may read (and, with `writable`, write). */
export async function botFolder(writable = false): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'coop-trouble-'));
  await chmod(dir, 0o755);
  if (writable && botUser.credentials) await chown(dir, botUser.credentials.uid, botUser.credentials.gid);
  return dir;
}

/** A bot process answering from a live corpus folder, with its log. */
export class LiveCorpusProcess {
  private stderr = '';
  private readonly replies: Array<(line: string) => void> = [];
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    readline.createInterface({ input: child.stdout }).on('line', (line) => this.replies.shift()?.(line));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Starts the process on `corpusDir` and resolves once it has loaded the corpus. */
  static async start(
    corpusDir: string,
    options: { snapshotDir?: string; rescanMs?: number } = {},
  ): Promise<LiveCorpusProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, corpusDir, options.snapshotDir ?? ''], {
      cwd: REPO,
      env: { ...process.env, COOP_TEST_RESCAN_MS: String(options.rescanMs ?? 0) },
      ...botUser.credentials,
    });
    const bot = new LiveCorpusProcess(child);
    const ready = await Promise.race([bot.nextLine(), bot.exited.then(() => undefined)]);
    if (!ready) throw new Error(`the bot process ended before it was ready:\n${bot.stderr}`);
    return bot;
  }

  /** Everything the process has logged so far. */
  get log(): string {
    return this.stderr;
  }

  /** Asks a question; resolves with whether it was answered and the files cited. */
  async ask(question: string): Promise<{ answered: boolean; files: string[] }> {
    const reply = this.nextLine();
    this.child.stdin.write(`${JSON.stringify({ question })}\n`);
    return JSON.parse(await reply) as { answered: boolean; files: string[] };
  }

  /** Resolves once `question` is answered citing `file` (or, with `file` undefined, is not answered). */
  async eventuallyAnswers(question: string, file: string | undefined, timeoutMs = 15000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { answered, files } = await this.ask(question);
      if (file === undefined ? !answered : answered && files[0] === file) return;
      if (Date.now() > deadline) {
        throw new Error(
          `"${question}" was not answered from ${file ?? 'nothing'} in time; log:\n${this.stderr}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Resolves once the log matches `pattern`. */
  async eventuallyLogs(pattern: RegExp, timeoutMs = 15000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.stderr)) {
      if (Date.now() > deadline) throw new Error(`the log never matched ${pattern}:\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Ends the process (closing its input lets it close its engine and exit). */
  async stop(): Promise<void> {
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill(), 5000);
    await this.exited;
    clearTimeout(timer);
  }

  private nextLine(): Promise<string> {
    return new Promise((resolve) => this.replies.push(resolve));
  }
}
