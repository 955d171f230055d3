/**
 * What the question log records. Front ends (Slack, console) write through {@link QuestionRecorder};
 * the digest reads the log back. User IDs only, never names, never tokens.
 */

/** A question (first turn or follow-up) and what the bot answered. */
export interface QuestionEvent {
  kind: 'question';
  /** Unique id of this question, carried by the answer's feedback buttons. */
  questionId: string;
  /** ISO timestamp. */
  at: string;
  /** Where it was asked: `slack`, `console`. */
  surface: 'slack' | 'console';
  /** Slack user ID (e.g. `U0123`), or `console`. */
  user: string;
  channel?: string;
  threadTs?: string;
  question: string;
  followUp: boolean;
  answered: boolean;
  /** Files cited by the answer, in order. */
  sources: string[];
}

/** A 👍/👎 on an earlier answer. */
export interface FeedbackEvent {
  kind: 'feedback';
  questionId: string;
  at: string;
  user: string;
  rating: 'up' | 'down';
}

/** One line of the question log. */
export type QuestionLogEvent = QuestionEvent | FeedbackEvent;

/** Write side of the question log. `record` never throws: a failing disk is logged, not fatal. */
export interface QuestionRecorder {
  record(event: QuestionLogEvent): Promise<void>;
}

/** Read side of the question log, as the digest uses it. */
export interface QuestionLogReader {
  /** Every readable event at or after `since`, oldest first; lines a crash tore are skipped. Never throws. */
  readSince(since: Date): Promise<QuestionLogEvent[]>;
}
