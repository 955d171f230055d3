import type { Clock } from '../../src/digest/clock';
import type { Digest, DigestChannel, DigestChannelError, PostedDigest } from '../../src/digest/types';

/** A digest channel in memory, shared by every "instance" that posts to it. */
export class MemoryChannel implements DigestChannel {
  readonly id = 'C0DIGEST01';
  /** Digests in the channel, oldest first. */
  readonly messages: PostedDigest[] = [];
  /** Every digest posted, with its content. */
  readonly posted: Digest[] = [];
  /** Errors the next calls throw, in order. */
  readonly failures: DigestChannelError[] = [];
  /** Runs just before a post is stored (to let a competitor post first). */
  beforePost?: () => void;
  private sequence = 0;

  constructor(private readonly clock: Clock) {}

  /** Adds a digest as another instance would have posted it. */
  add(day: string, postedAt: string, documents?: PostedDigest['documents']): PostedDigest {
    const digest = { ts: this.nextTs(new Date(postedAt)), day, postedAt, documents };
    this.messages.push(digest);
    this.messages.sort((a, b) => a.ts.localeCompare(b.ts));
    return digest;
  }

  async findDigests(oldest: Date, options: { latestOnly?: boolean } = {}): Promise<PostedDigest[]> {
    this.throwIfFailing();
    const found = this.messages.filter((digest) => Number(digest.ts) >= oldest.getTime() / 1000).reverse();
    return options.latestOnly ? found.slice(0, 1) : found;
  }

  async post(digest: Digest): Promise<PostedDigest> {
    this.throwIfFailing();
    this.beforePost?.();
    this.posted.push(digest);
    return this.add(digest.day, digest.generatedAt, digest.state);
  }

  async remove(digest: PostedDigest): Promise<void> {
    this.messages.splice(this.messages.indexOf(digest), 1);
  }

  private throwIfFailing(): void {
    const failure = this.failures.shift();
    if (failure) throw failure;
  }

  private nextTs(at: Date = this.clock.now()): string {
    this.sequence++;
    return `${Math.floor(at.getTime() / 1000)}.${String(this.sequence).padStart(6, '0')}`;
  }
}
