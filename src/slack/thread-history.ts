import type { webApi } from '@slack/bolt';
import { type Logger, redactSecrets } from '../logging/logger';
import { RecentMap } from './recent-map';

/**
 * `event_type` of the metadata on every answer the bot posts. Its payload holds the question, so a
 * thread's questions can be read back from Slack after a restart.
 */
export const ANSWER_METADATA_TYPE = 'coop_answer';

/** Metadata attached to an answer posted in a conversation; secrets in the question are redacted. */
export function answerMetadata(questionId: string, question: string) {
  return {
    event_type: ANSWER_METADATA_TYPE,
    event_payload: { question_id: questionId, question: redactSecrets(question) },
  };
}

/** A message in a thread, whose earlier questions are wanted. */
export interface ThreadReply {
  channel: string;
  /** The thread's parent message. */
  threadTs: string;
  /** The message itself. */
  ts: string;
}

/** Who the bot is, to tell its own messages from other apps' in a thread. */
export interface BotIdentity {
  botUserId?: string;
  botId?: string;
}

const THREADS_REMEMBERED = 2000;
/** How long a thread found not to be the bot's is taken at its word before Slack is asked again. */
const NOT_OURS_TTL_MS = 10 * 60 * 1000;
const REPLY_PAGES = 10;

/**
 * The questions asked in each thread where the bot has answered, oldest first: the context of a
 * follow-up. Kept in memory, and rebuilt from the thread (`conversations.replies`, reading the
 * metadata of the bot's answers) when the bot has restarted or the thread was forgotten.
 */
export class ThreadHistory {
  private readonly known = new RecentMap<string, string[]>(THREADS_REMEMBERED);
  /** Threads read from Slack that hold no answer of the bot's, with when that expires. */
  private readonly notOurs = new RecentMap<string, number>(THREADS_REMEMBERED);
  /** Threads being read from Slack, so messages arriving together share one read. */
  private readonly reading = new Map<string, Promise<string[] | undefined>>();

  constructor(
    private readonly logger: Logger,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** Notes that the bot answered `question` in the thread. */
  remember(channel: string, threadTs: string, question: string): void {
    const key = threadKey(channel, threadTs);
    this.notOurs.delete(key);
    this.known.set(key, [...(this.known.get(key) ?? []), question]);
  }

  /**
   * The questions the bot answered in the reply's thread before the reply, oldest first; undefined when
   * the bot has not answered in it (or Slack could not be asked).
   */
  async earlierQuestions(
    client: webApi.WebClient,
    self: BotIdentity,
    reply: ThreadReply,
  ): Promise<string[] | undefined> {
    const key = threadKey(reply.channel, reply.threadTs);
    const known = this.known.get(key);
    if (known) return [...known];
    const expiry = this.notOurs.get(key);
    if (expiry !== undefined && expiry > this.nowMs()) return undefined;

    let reading = this.reading.get(key);
    if (!reading) {
      reading = this.rebuild(key, reply, () => readThreadQuestions(client, self, reply)).finally(() =>
        this.reading.delete(key),
      );
      this.reading.set(key, reading);
    }
    const questions = await reading;
    return questions ? [...questions] : undefined;
  }

  private async rebuild(
    key: string,
    reply: ThreadReply,
    read: () => Promise<string[]>,
  ): Promise<string[] | undefined> {
    let questions: string[];
    try {
      questions = await read();
    } catch (error) {
      this.logger.warn(
        `Could not read thread ${reply.threadTs} in ${reply.channel} to rebuild its questions`,
        error,
      );
      return undefined;
    }
    if (questions.length === 0) {
      this.notOurs.set(key, this.nowMs() + NOT_OURS_TTL_MS);
      return undefined;
    }
    this.known.set(key, questions);
    return questions;
  }
}

/** The questions in the metadata of the bot's own answers in a thread, before the reply. */
async function readThreadQuestions(
  client: webApi.WebClient,
  self: BotIdentity,
  reply: ThreadReply,
): Promise<string[]> {
  const questions: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < REPLY_PAGES; page++) {
    const replies = await client.conversations.replies({
      channel: reply.channel,
      ts: reply.threadTs,
      cursor,
      limit: 200,
      include_all_metadata: true,
    });
    for (const message of replies.messages ?? []) {
      const fromSelf =
        (self.botUserId !== undefined && message.user === self.botUserId) ||
        (self.botId !== undefined && message.bot_id === self.botId);
      if (!fromSelf || message.metadata?.event_type !== ANSWER_METADATA_TYPE) continue;
      if (message.ts && Number(message.ts) >= Number(reply.ts)) continue;
      const question = (message.metadata.event_payload as { question?: unknown } | undefined)?.question;
      // Answers posted before secrets were redacted may still hold one; it goes no further.
      if (typeof question === 'string') questions.push(redactSecrets(question));
    }
    cursor = replies.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return questions;
}

function threadKey(channel: string, threadTs: string): string {
  return `${channel}:${threadTs}`;
}
