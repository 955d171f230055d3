import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Question ids that prove coop issued them: `q-<random>-<tag>`, the tag an HMAC of the random part under a
 * key only the bot holds. A 👍/👎 (or any button) carrying an id coop did not issue, forged or mangled, is
 * refused without a lookup, and ids issued before a restart still verify when the key is the same.
 */
export class QuestionIds {
  private readonly key: Buffer;

  /** `secret`: what the key is derived from (the bot token); a random key when absent, for one process. */
  constructor(secret?: string) {
    this.key = secret ? createHmac('sha256', 'coop question ids').update(secret).digest() : randomBytes(32);
  }

  /** A new id. */
  issue(): string {
    const nonce = randomBytes(12).toString('hex');
    return `q-${nonce}-${this.tag(nonce)}`;
  }

  /**
   * The id of the question a delivery asks: the same however often the delivery is handled (Slack's
   * retries, a replay from the inbox, another replica holding the same key), so an answer posted once
   * can be recognised in the thread.
   */
  issueFor(deliveryKey: string): string {
    const nonce = createHash('sha256').update(deliveryKey).digest('hex').slice(0, 24);
    return `q-${nonce}-${this.tag(nonce)}`;
  }

  /** Whether coop issued `id`. */
  issued(id: string): boolean {
    const match = /^q-([0-9a-f]{24})-([0-9a-f]{16})$/.exec(id);
    if (!match) return false;
    return timingSafeEqual(Buffer.from(match[2] as string), Buffer.from(this.tag(match[1] as string)));
  }

  private tag(nonce: string): string {
    return createHmac('sha256', this.key).update(nonce).digest('hex').slice(0, 16);
  }
}

/** An id from outside, cut short and quoted for a log line: it may be huge or hold anything. */
export function describeForeignId(id: unknown): string {
  if (typeof id !== 'string') return typeof id;
  return id.length > 40
    ? `${JSON.stringify(id.slice(0, 40))}… (${id.length} characters)`
    : JSON.stringify(id);
}
