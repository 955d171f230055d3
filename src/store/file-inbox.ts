import { constants, writeSync } from 'node:fs';
import { type FileHandle, mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { type Logger, silentLogger } from '../logging/logger';
import type { Admission, Inbox, InboxEntry } from './types';

/** Name of the inbox file inside `DATA_DIR`. */
export const INBOX_FILE = 'inbox.jsonl';
/** How long a handled delivery's key is remembered, to recognise Slack's retries of it. */
export const DEDUPE_MS = 60 * 60 * 1000;
/** Lines appended before the file is rewritten with only what still matters. */
const COMPACT_AFTER_LINES = 20_000;

interface Held {
  receivedAt: number;
  body?: unknown;
  done: boolean;
  /** Taken in hand by this process (being handled). */
  inHand: boolean;
}

type Line =
  | { op: 'receive'; key: string; at: number; body: unknown }
  | { op: 'done'; key: string; at: number };

/**
 * The inbox of a single process: `DATA_DIR/inbox.jsonl`, one line per delivery received or handled.
 *
 * A delivery's line is written and `fdatasync`ed before {@link FileInbox.receive} resolves (or
 * {@link FileInbox.admit}'s `kept`), so it outlives a crash or a power cut. Whether a key is new is known
 * from memory at once. Writes arriving together share one sync (group commit): under a burst
 * the cost per delivery is a fraction of one sync. "Handled" lines are written without a sync: a crash
 * loses at most their page cache on power loss, and replaying such a delivery looks in Slack before
 * posting. The file is rewritten at startup, and past 20,000 lines, keeping only unhandled deliveries
 * and the keys seen within the last hour.
 */
export class FileInbox implements Inbox {
  private readonly entries = new Map<string, Held>();
  /** Deliveries whose line is being written and synced, by key. */
  private readonly writing = new Map<string, Promise<void>>();
  private handle?: FileHandle;
  private queue: Array<{
    text: string;
    durable: boolean;
    done: () => void;
    failed: (error: unknown) => void;
  }> = [];
  private flushing = false;
  /** Whether a write failed since the last whole one, perhaps leaving part of a line at the file's end. */
  private mayEndTorn = false;
  private linesWritten = 0;

  private constructor(
    private readonly file: string,
    private readonly logger: Logger,
    private readonly nowMs: () => number,
  ) {}

  /** Opens (or creates) the inbox in `dir`, reading back what an earlier run left. */
  static async open(
    dir: string,
    options: { logger?: Logger; nowMs?: () => number } = {},
  ): Promise<FileInbox> {
    await mkdir(dir, { recursive: true });
    const inbox = new FileInbox(
      path.join(dir, INBOX_FILE),
      options.logger ?? silentLogger,
      options.nowMs ?? Date.now,
    );
    await inbox.load();
    await inbox.compact();
    return inbox;
  }

  async receive(entry: InboxEntry): Promise<boolean> {
    const { fresh, kept } = await this.admit(entry);
    await kept;
    return fresh;
  }

  async admit(entry: InboxEntry): Promise<Admission> {
    // A repeat arriving while the first is still being written is kept when the first is.
    if (this.entries.has(entry.key))
      return { fresh: false, kept: this.writing.get(entry.key) ?? Promise.resolve() };
    this.entries.set(entry.key, {
      receivedAt: entry.receivedAt,
      body: entry.body,
      done: false,
      inHand: true,
    });
    const kept = this.append({ op: 'receive', key: entry.key, at: entry.receivedAt, body: entry.body }, true);
    this.writing.set(entry.key, kept);
    const written = () => this.writing.delete(entry.key);
    kept.then(written, written);
    return { fresh: true, kept };
  }

  async complete(key: string): Promise<void> {
    const held = this.entries.get(key);
    if (!held || held.done) return;
    held.done = true;
    held.inHand = false;
    held.body = undefined;
    await this.append({ op: 'done', key, at: this.nowMs() }, false);
  }

  async release(key: string): Promise<void> {
    const held = this.entries.get(key);
    if (held) held.inHand = false;
  }

  async claimUnanswered(): Promise<InboxEntry[]> {
    const claimed: InboxEntry[] = [];
    for (const [key, held] of this.entries) {
      if (held.done || held.inHand) continue;
      held.inHand = true;
      claimed.push({ key, body: held.body, receivedAt: held.receivedAt });
    }
    return claimed.sort((a, b) => a.receivedAt - b.receivedAt);
  }

  /** Waits for pending writes and closes the file. */
  async close(): Promise<void> {
    while (this.flushing || this.queue.length > 0) await new Promise((resolve) => setImmediate(resolve));
    await this.handle?.close();
    this.handle = undefined;
  }

  private async load(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    let torn = 0;
    for (const raw of text.split('\n')) {
      if (raw.trim() === '') continue;
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
      } catch {
        torn++;
        continue;
      }
      if (line.op === 'receive') {
        if (!this.entries.has(line.key))
          this.entries.set(line.key, { receivedAt: line.at, body: line.body, done: false, inHand: false });
      } else if (line.op === 'done') {
        const held = this.entries.get(line.key) ?? { receivedAt: line.at, done: true, inHand: false };
        held.done = true;
        held.body = undefined;
        this.entries.set(line.key, held);
      }
    }
    if (torn > 0) this.logger.warn(`inbox: skipped ${torn} torn line(s) in ${this.file}`);
  }

  /** Rewrites the file with the unhandled deliveries and the keys still worth remembering. */
  private async compact(): Promise<void> {
    const forgetBefore = this.nowMs() - DEDUPE_MS;
    const lines: string[] = [];
    for (const [key, held] of this.entries) {
      if (held.done && held.receivedAt < forgetBefore) {
        this.entries.delete(key);
        continue;
      }
      lines.push(JSON.stringify({ op: 'receive', key, at: held.receivedAt, body: held.body }));
      if (held.done) lines.push(JSON.stringify({ op: 'done', key, at: held.receivedAt }));
    }
    const temporary = `${this.file}.tmp`;
    // The rewrite is opened for appending and becomes the handle once renamed into place, so a rewrite
    // that fails (a full disk) leaves the current file and handle as they were, still taking writes.
    const rewrite = await open(
      temporary,
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_APPEND,
    );
    try {
      await rewrite.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
      await rewrite.datasync();
      await rename(temporary, this.file);
    } catch (error) {
      await rewrite.close();
      throw error;
    }
    const previous = this.handle;
    this.handle = rewrite;
    this.linesWritten = lines.length;
    this.mayEndTorn = false;
    await previous?.close();
  }

  private append(line: Line, durable: boolean): Promise<void> {
    return new Promise((done, failed) => {
      this.queue.push({ text: `${JSON.stringify(line)}\n`, durable, done, failed });
      if (!this.flushing) void this.flush();
    });
  }

  /** Writes everything queued in one write, and syncs once if any of it must be durable. */
  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      try {
        if (!this.handle) throw new Error(`inbox: ${this.file} is closed`);
        // Written at once, to the page cache, so that the sync (the slow part) starts now: an answer being
        // computed on this thread meanwhile would otherwise hold back the write's callback, and the sync.
        // After a failed write the file may end inside a line: the next starts on a line of its own.
        const text = batch.map((item) => item.text).join('');
        try {
          writeAll(this.handle.fd, this.mayEndTorn ? `\n${text}` : text);
        } catch (error) {
          this.mayEndTorn = true;
          throw error;
        }
        this.mayEndTorn = false;
        if (batch.some((item) => item.durable)) await this.handle.datasync();
        this.linesWritten += batch.length;
        for (const item of batch) item.done();
      } catch (error) {
        this.logger.error(`inbox: cannot write to ${this.file}:`, error);
        for (const item of batch) item.failed(error);
      }
      if (this.linesWritten > COMPACT_AFTER_LINES && this.queue.length === 0) {
        await this.compact().catch((error: unknown) => this.logger.error('inbox: cannot compact:', error));
      }
    }
    this.flushing = false;
  }
}

/** Writes all of `text` at the end of `fd`, going on after a short write; throws when the disk takes no more. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; ) {
    const written = writeSync(fd, bytes, at, bytes.length - at);
    if (written <= 0) throw new Error(`wrote ${at} of ${bytes.length} bytes; the disk took no more`);
    at += written;
  }
}
