import type { QuestionLogReader, QuestionRecorder } from '../question-log/types';

/** An event (or command, or click) received from Slack, kept until it is answered. */
export interface InboxEntry {
  /** What identifies it across Slack's retries: `event:<event_id>`, `command:<trigger_id>`, … */
  key: string;
  /** The request body as Slack sent it, to be handled again after a crash. */
  body: unknown;
  /** When it was first received, in ms since the epoch. */
  receivedAt: number;
}

/** What {@link Inbox.admit} says of a delivery. */
export interface Admission {
  /** False for a key seen before: nothing is written, and the delivery is not to be handled again. */
  fresh: boolean;
  /** Resolves once the delivery is durably recorded; rejects when it could not be. */
  kept: Promise<void>;
}

/**
 * Where deliveries from Slack are written before they are acknowledged, so none is lost to a crash and
 * none is answered twice. A handled delivery's key is remembered for an hour from its receipt (both
 * stores count from there), longer than Slack goes on retrying.
 */
export interface Inbox {
  /**
   * Durably records a delivery and takes it in hand; resolves false, writing nothing, when the key was
   * seen before (a retry of something received already, here or on another replica).
   */
  receive(entry: InboxEntry): Promise<boolean>;
  /**
   * {@link Inbox.receive} without waiting for the write: resolves as soon as it is known whether the key
   * is new (`fresh`, taken in hand), with `kept` resolving once the delivery is durably recorded (at once
   * when nothing is to be written). `kept` rejects when the record could not be written.
   */
  admit(entry: InboxEntry): Promise<Admission>;
  /** Marks a delivery handled: answered, or given up with a log line. */
  complete(key: string): Promise<void>;
  /** Gives back a delivery taken in hand but not handled (Slack was unreachable), to be replayed later. */
  release(key: string): Promise<void>;
  /**
   * Deliveries received but never handled that no running process has in hand (left by a crash, or
   * released), oldest first; each is taken in hand by the caller.
   */
  claimUnanswered(): Promise<InboxEntry[]>;
}

/** Makes sure one replica only posts a channel's digest for a day. */
export interface DigestLock {
  /** True for the first caller for this channel and day, across replicas; false for every later one. */
  acquire(channel: string, day: string): Promise<boolean>;
}

/**
 * coop's state: `DATA_DIR` files for one process, or PostgreSQL (`DATABASE_URL`) shared by replicas.
 * Both keep the same things behind this interface.
 */
export interface CoopStore {
  inbox: Inbox;
  questionLog: QuestionRecorder & QuestionLogReader;
  /** Absent for the file store, where one process posts and Slack's own record suffices. */
  digestLock?: DigestLock;
  /** Why the store cannot be used right now (for `/readyz`), or undefined when it can. */
  problem(): Promise<string | undefined>;
  /** Writes what is buffered and releases files and connections. */
  close(): Promise<void>;
}
