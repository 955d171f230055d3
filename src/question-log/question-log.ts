import { mkdir, open, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Logger, redactSecrets, silentLogger } from '../logging/logger';
import type { QuestionLogEvent, QuestionLogReader, QuestionRecorder } from './types';

/** Options of a {@link QuestionLog}. */
export interface QuestionLogOptions {
  /** Folder of the log files (`DATA_DIR`); created on first write. */
  dir: string;
  /** Size in bytes past which `questions.jsonl` is rotated to `questions.1.jsonl` (default 5 MiB). */
  maxBytes?: number;
  /** Rotated files kept (`questions.1.jsonl` … `questions.N.jsonl`, newest first); older ones are dropped. Default 10. */
  keepFiles?: number;
  logger?: Logger;
}

/** Name of the live log file inside `dir`. */
export const QUESTION_LOG_FILE = 'questions.jsonl';

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_KEEP_FILES = 10;
/** Slack user and bot IDs (`U…`, `W…`, `B…`) or the console's user; anything else could be a name. */
const USER_ID = /^(?:[UWB][A-Z0-9]+|console)$/;

/**
 * The question log: one JSON event a line in `DATA_DIR/questions.jsonl`, append-only.
 *
 * - Every append is written and flushed to disk before `record` resolves, so a restart loses nothing.
 * - A crash mid-write leaves at most a torn last line: readers skip it, and the next append starts on a
 *   fresh line so the torn fragment never glues itself to a good event.
 * - Past `maxBytes` the file is rotated (`questions.jsonl` → `questions.1.jsonl` → `questions.2.jsonl` …);
 *   {@link QuestionLog.readSince} reads across the rotated files.
 * - Only the fields of {@link QuestionLogEvent} are written; user fields that are not Slack IDs become
 *   `unknown`, and anything shaped like a Slack token in a question is redacted.
 * - Disk errors are logged, never thrown: the log must not take an answer down with it.
 */
export class QuestionLog implements QuestionRecorder, QuestionLogReader {
  private readonly dir: string;
  private readonly maxBytes: number;
  private readonly keepFiles: number;
  private readonly logger: Logger;
  private writes: Promise<void> = Promise.resolve();
  /** Whether the live file is known to end on a line break; unknown until this process first writes. */
  private endsCleanly = false;

  constructor(options: QuestionLogOptions) {
    this.dir = options.dir;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.keepFiles = Math.max(1, options.keepFiles ?? DEFAULT_KEEP_FILES);
    this.logger = options.logger ?? silentLogger;
  }

  /** Appends one event. Resolves once it is on disk (or the failure is logged); never rejects. */
  record(event: QuestionLogEvent): Promise<void> {
    const line = `${JSON.stringify(toLoggedEvent(event))}\n`;
    this.writes = this.writes.then(() => this.append(line));
    return this.writes;
  }

  /** Every readable event at or after `since`, oldest first, across the rotated files. Never rejects. */
  async readSince(since: Date): Promise<QuestionLogEvent[]> {
    await this.writes;
    const sinceMs = since.getTime();
    const events: QuestionLogEvent[] = [];
    for (let n = this.keepFiles; n >= 0; n--) {
      const file = this.fileAt(n);
      try {
        // A file last written before `since` holds nothing newer.
        if ((await stat(file)).mtimeMs < sinceMs) continue;
        events.push(...this.parse(file, await readFile(file, 'utf8')));
      } catch (error) {
        if (!isMissing(error)) this.logger.error(`question log: cannot read ${file}:`, error);
      }
    }
    // A question answered again from the inbox after a crash keeps its id: count it once.
    const seenQuestions = new Set<string>();
    return events.filter((event) => {
      if (Date.parse(event.at) < sinceMs) return false;
      if (event.kind !== 'question') return true;
      if (seenQuestions.has(event.questionId)) return false;
      seenQuestions.add(event.questionId);
      return true;
    });
  }

  private fileAt(n: number): string {
    return path.join(this.dir, n === 0 ? QUESTION_LOG_FILE : `questions.${n}.jsonl`);
  }

  private async append(line: string): Promise<void> {
    const file = this.fileAt(0);
    try {
      await mkdir(this.dir, { recursive: true });
      let size = await sizeOf(file);
      if (size > 0 && size + Buffer.byteLength(line) > this.maxBytes) {
        await this.rotate();
        size = 0;
      }
      const handle = await open(file, 'a+');
      try {
        let text = line;
        if (size > 0 && !this.endsCleanly) {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) text = `\n${line}`;
        }
        this.endsCleanly = false;
        await handle.write(text);
        await handle.datasync();
        this.endsCleanly = true;
      } finally {
        await handle.close();
      }
    } catch (error) {
      this.logger.error(`question log: cannot append to ${file}; this event is lost:`, error);
    }
  }

  private async rotate(): Promise<void> {
    for (let n = this.keepFiles - 1; n >= 0; n--) {
      try {
        await rename(this.fileAt(n), this.fileAt(n + 1));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    }
    this.endsCleanly = false;
    this.logger.info(`question log: rotated ${this.fileAt(0)} past ${this.maxBytes} bytes`);
  }

  private parse(file: string, text: string): QuestionLogEvent[] {
    const events: QuestionLogEvent[] = [];
    let skipped = 0;
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      const event = parseEvent(line);
      if (event) events.push(event);
      else skipped++;
    }
    if (skipped > 0) {
      this.logger.warn(`question log: skipped ${skipped} unreadable line(s) in ${file} (torn by a crash?)`);
    }
    return events;
  }
}

function toLoggedEvent(event: QuestionLogEvent): QuestionLogEvent {
  const user = USER_ID.test(event.user) ? event.user : 'unknown';
  if (event.kind === 'feedback') {
    return { kind: 'feedback', questionId: event.questionId, at: event.at, user, rating: event.rating };
  }
  return {
    kind: 'question',
    questionId: event.questionId,
    at: event.at,
    surface: event.surface,
    user,
    channel: event.channel,
    threadTs: event.threadTs,
    question: redactSecrets(event.question),
    followUp: event.followUp,
    answered: event.answered,
    sources: [...event.sources],
  };
}

function parseEvent(line: string): QuestionLogEvent | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const event = value as Partial<QuestionLogEvent>;
  if (typeof event.at !== 'string' || Number.isNaN(Date.parse(event.at))) return undefined;
  if (event.kind === 'question' && typeof event.question === 'string' && Array.isArray(event.sources)) {
    return event as QuestionLogEvent;
  }
  if (event.kind === 'feedback' && (event.rating === 'up' || event.rating === 'down')) {
    return event as QuestionLogEvent;
  }
  return undefined;
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}
