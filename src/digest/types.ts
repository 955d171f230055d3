/**
 * The daily digest: what it says ({@link Digest}), what the previous one remembers ({@link DigestRecord}),
 * and the small channel interface the scheduler posts through ({@link DigestChannel}). Nothing here knows
 * about Slack: `src/slack/digest/` implements the channel and renders the blocks.
 */

/** A document as a digest lists it. */
export interface DigestDocument {
  file: string;
  title: string;
  /** ISO date (`YYYY-MM-DD`) when the document states one. */
  date?: string;
  /** The sentence that best sums up the document (chosen by the engine). */
  leadSentence: string;
}

/** One document's fingerprint, as the previous digest saw it. */
export interface DocumentState {
  file: string;
  /** Prefix of the document's content hash; enough to tell a changed document from an unchanged one. */
  hash: string;
}

/** A question as the digest reports it: grouped by its normalised wording. */
export interface AskedQuestion {
  /** The most recent wording asked. */
  question: string;
  /** How many times it was asked in the period. */
  count: number;
  /** 👍 and 👎 given to its answers. */
  up: number;
  down: number;
}

/** What people asked since the previous digest. */
export interface QuestionSummary {
  /** Questions asked, follow-ups included. */
  total: number;
  followUps: number;
  /** Distinct people who asked. */
  askers: number;
  /** Questions asked more than once, most asked first (at most 5; follow-ups left out). */
  mostAsked: AskedQuestion[];
  /** Questions whose latest ask got no answer: the gaps the corpus should fill (at most 10). */
  unanswered: AskedQuestion[];
  /** Answered questions rated 👎 more than 👍 (at most 5). */
  poorlyRated: AskedQuestion[];
  /** Ratings given in the period, one per person per answer (the last they clicked). */
  up: number;
  down: number;
}

/** A digest, ready to render as Block Kit or text. */
export interface Digest {
  /** The local day (`YYYY-MM-DD`, in `timeZone`) the digest is for. */
  day: string;
  /** IANA zone of `day` (`DIGEST_TZ`). */
  timeZone: string;
  /** When it was composed (ISO). */
  generatedAt: string;
  /** Start of the period it covers (ISO): the previous digest, or the previous scheduled time. */
  since: string;
  /** The local day of the previous digest, when there was one. */
  previousDay?: string;
  newDocuments: DigestDocument[];
  changedDocuments: DigestDocument[];
  /** Files gone since the previous digest. */
  removedDocuments: string[];
  documentCount: number;
  questions: QuestionSummary;
  /** True when there is nothing new to report: no document changes, no questions, no ratings. */
  empty: boolean;
  /** On an empty day, one document and its key passage, rotating by date. */
  fromTheCorpus?: DigestDocument;
  /** The corpus as this digest saw it; the next digest diffs against it. */
  state: DocumentState[];
}

/** What a posted digest remembers (carried by the Slack message's metadata). */
export interface DigestRecord {
  /** Local day of the digest (`YYYY-MM-DD`). */
  day: string;
  /** When it was composed (ISO); the next digest reports what came after. */
  postedAt: string;
  /** The corpus state; absent when it was too large to carry, in which case file times are compared. */
  documents?: DocumentState[];
}

/** A digest found in (or just posted to) the channel. */
export interface PostedDigest extends DigestRecord {
  /** Slack message timestamp: unique in the channel, and ordered by posting time. */
  ts: string;
}

/** Where digests go. The Slack implementation lives in `src/slack/digest/`. */
export interface DigestChannel {
  /** The channel ID, for logs and for the once-per-day lock. */
  readonly id: string;
  /**
   * The channel's digests posted at or after `oldest`, newest first. With `latestOnly` the search stops at
   * the first one found. Throws {@link DigestChannelError}.
   */
  findDigests(oldest: Date, options?: { latestOnly?: boolean }): Promise<PostedDigest[]>;
  /** Posts `digest` with its {@link DigestRecord}. Throws {@link DigestChannelError}. */
  post(digest: Digest): Promise<PostedDigest>;
  /** Deletes a digest this bot posted (the loser of a race between two instances). */
  remove(digest: PostedDigest): Promise<void>;
}

/** Why talking to the digest channel failed. */
export type DigestChannelErrorCode =
  | 'digest_not_in_channel'
  | 'digest_channel_not_found'
  | 'digest_missing_scope'
  | 'digest_rate_limited'
  | 'digest_channel_failed';

/** Thrown by a {@link DigestChannel}; `message` says the cause and the fix. */
export class DigestChannelError extends Error {
  /** The channel's own error code, e.g. Slack's `not_in_channel`. */
  readonly reason?: string;

  constructor(
    readonly code: DigestChannelErrorCode,
    message: string,
    /** How long the channel asked to wait before the next try (a rate limit). */
    readonly retryAfterMs?: number,
    options: { cause?: unknown; reason?: string } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DigestChannelError';
    this.reason = options.reason;
  }
}
