import type { types } from '@slack/bolt';
import type { Digest, DocumentState, PostedDigest } from '../../digest/types';

/** The `event_type` of the metadata every posted digest carries. */
export const DIGEST_EVENT_TYPE = 'coop_digest';

/**
 * Most characters of document state carried in one message's metadata. Beyond it (a corpus of several
 * thousand files) the state is left out and the next digest compares file times with `posted_at` instead.
 */
export const STATE_BUDGET_CHARS = 12_000;

/**
 * The metadata of a posted digest: its local day, when it was composed, and the corpus state (file and
 * hash prefix per document) the next digest diffs against.
 */
export function toDigestMetadata(
  digest: Digest,
  options: { withState?: boolean } = {},
): types.MessageMetadata {
  const documents = digest.state.map((state) => ({ f: state.file, h: state.hash }));
  const fits = JSON.stringify(documents).length <= STATE_BUDGET_CHARS;
  return {
    event_type: DIGEST_EVENT_TYPE,
    event_payload: {
      day: digest.day,
      posted_at: digest.generatedAt,
      document_count: digest.state.length,
      ...(fits && options.withState !== false ? { documents } : {}),
    },
  };
}

/** A Slack message as `conversations.history` returns it, reduced to what a digest needs. */
export interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** The digest a message carries, or undefined when it is not one of ours (or its metadata is damaged). */
export function fromDigestMessage(message: HistoryMessage): PostedDigest | undefined {
  const metadata = message.metadata;
  if (!message.ts || metadata?.event_type !== DIGEST_EVENT_TYPE) return undefined;
  const payload = metadata.event_payload ?? {};
  const day = payload.day;
  const postedAt = payload.posted_at;
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  if (typeof postedAt !== 'string' || Number.isNaN(Date.parse(postedAt))) return undefined;
  return { ts: message.ts, day, postedAt, documents: readState(payload.documents) };
}

function readState(value: unknown): DocumentState[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const states: DocumentState[] = [];
  for (const item of value) {
    const { f, h } = (item ?? {}) as { f?: unknown; h?: unknown };
    if (typeof f !== 'string' || typeof h !== 'string') return undefined;
    states.push({ file: f, hash: h });
  }
  return states;
}
