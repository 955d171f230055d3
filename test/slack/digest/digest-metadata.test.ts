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

  it('carries the state only while it fits, and not when told to leave it out', () => {
    const hash = '0123456789abcdef';
    // `[{"f":"…","h":"…"}]` is 17 characters around the file name and hash.
    const file = 'x'.repeat(STATE_BUDGET_CHARS - 17 - hash.length);
    const fits = fromDigestMessage({
      ts: '1.0',
      metadata: toDigestMetadata({ ...base, state: [{ file, hash }] }),
    });
    expect(fits?.documents).toEqual([{ file, hash }]);
    const over = toDigestMetadata({ ...base, state: [{ file: `${file}x`, hash }] });
    expect(fromDigestMessage({ ts: '1.0', metadata: over })?.documents).toBeUndefined();
    expect(toDigestMetadata(base, { withState: false }).event_payload).not.toHaveProperty('documents');
  });

  it.each([
    ['a day with words around it', { day: 'on 2026-03-02' }],
    ['a day with words after it', { day: '2026-03-02 UTC' }],
    ['a day that is a number', { day: 20260302 }],
    ['a time that is not a date', { posted_at: 'soon' }],
    ['a time that is a number', { posted_at: 1772442000 }],
  ])('is not a digest with %s', (_case, damage) => {
    const metadata = toDigestMetadata(base);
    const event_payload = { ...metadata.event_payload, ...damage };
    expect(fromDigestMessage({ ts: '1.0', metadata: { ...metadata, event_payload } })).toBeUndefined();
  });

  it.each([
    ['a file name missing', [{ h: '0123' }]],
    ['a hash missing', [{ f: 'a.txt' }]],
    ['an entry that is not an object', [null]],
  ])('reads a state with %s as no state, so the next digest goes by file times', (_case, documents) => {
    const metadata = toDigestMetadata(base);
    const event_payload = { ...metadata.event_payload, documents };
    const posted = fromDigestMessage({ ts: '1.0', metadata: { ...metadata, event_payload } });
    expect(posted?.day).toBe('2026-03-02');
    expect(posted?.documents).toBeUndefined();
  });
});
