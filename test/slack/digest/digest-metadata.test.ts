import type { Digest } from '../../../src/digest/types';
import {
  DIGEST_EVENT_TYPE,
  fromDigestMessage,
  STATE_BUDGET_CHARS,
  toDigestMetadata,
} from '../../../src/slack/digest/digest-metadata';

const base = {
  day: '2026-03-02',
  generatedAt: '2026-03-02T09:00:00.000Z',
  state: [{ file: 'a.txt', hash: '0123456789abcdef' }],
} as Digest;

describe('digest metadata', () => {
  it('round-trips the day, the time and the corpus state', () => {
    const metadata = toDigestMetadata(base);
    expect(metadata.event_type).toBe(DIGEST_EVENT_TYPE);
    expect(fromDigestMessage({ ts: '1772442000.000100', metadata })).toEqual({
      ts: '1772442000.000100',
      day: '2026-03-02',
      postedAt: '2026-03-02T09:00:00.000Z',
      documents: [{ file: 'a.txt', hash: '0123456789abcdef' }],
    });
  });

  it('leaves out a state too large to carry', () => {
    const state = Array.from({ length: STATE_BUDGET_CHARS / 20 }, (_, n) => ({
      file: `file-${n}.txt`,
      hash: '0123456789abcdef',
    }));
    const metadata = toDigestMetadata({ ...base, state });
    expect(metadata.event_payload.document_count).toBe(state.length);
    expect(fromDigestMessage({ ts: '1.0', metadata })?.documents).toBeUndefined();
  });

  it('ignores other messages and damaged metadata', () => {
    expect(fromDigestMessage({ ts: '1.0' })).toBeUndefined();
    expect(
      fromDigestMessage({ ts: '1.0', metadata: { event_type: 'other', event_payload: {} } }),
    ).toBeUndefined();
    expect(
      fromDigestMessage({
        ts: '1.0',
        metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { day: 'Monday' } },
      }),
    ).toBeUndefined();
  });
});
