import { decodeAnswerRef, encodeAnswerRef } from '../../src/slack/answer-ref';

describe('answer references on buttons', () => {
  it('round-trips a reference', () => {
    const ref = { questionId: 'q1', question: 'and when?', history: ['who launched TSI'], shown: 3 };
    expect(decodeAnswerRef(encodeAnswerRef(ref))).toEqual(ref);
  });

  it("stays within Slack's 2000 characters, dropping the oldest history first", () => {
    const history = Array.from({ length: 20 }, (_, i) => `question ${i} ${'x'.repeat(300)}`);
    const value = encodeAnswerRef({ questionId: 'q1', question: 'y'.repeat(5000), history });
    expect(value.length).toBeLessThanOrEqual(2000);
    const decoded = decodeAnswerRef(value);
    expect(decoded?.history.at(-1)).toBe(history.at(-1)?.slice(0, 600));
    expect(decoded?.history.length).toBeLessThan(history.length);
  });

  it('ignores values that are not ours', () => {
    expect(decodeAnswerRef('not json')).toBeUndefined();
    expect(decodeAnswerRef('{"x":1}')).toBeUndefined();
    expect(decodeAnswerRef(undefined)).toBeUndefined();
  });
});

describe('answer references that were tampered with or are oversized', () => {
  const ref = (fields: Record<string, unknown>) => JSON.stringify({ id: 'q1', q: 'who?', ...fields });

  it('reads back history and the count already shown, and nothing else', () => {
    expect(decodeAnswerRef(ref({ h: ['a', 7, 'b'], s: 0 }))).toEqual({
      questionId: 'q1',
      question: 'who?',
      history: ['a', 'b'],
      shown: 0,
    });
    expect(decodeAnswerRef(ref({ s: -1 }))?.shown).toBeUndefined();
    expect(decodeAnswerRef(ref({ s: '3' }))?.shown).toBeUndefined();
    expect(decodeAnswerRef(ref({}))?.history).toEqual([]);
  });

  it('refuses what the buttons never carry', () => {
    expect(decodeAnswerRef(JSON.stringify({ id: 'q1' }))).toBeUndefined();
    expect(decodeAnswerRef(JSON.stringify({ q: 'who?' }))).toBeUndefined();
    expect(decodeAnswerRef(JSON.stringify({ id: 1, q: 'who?' }))).toBeUndefined();
    expect(decodeAnswerRef(JSON.stringify({ id: 'q1', q: 12345 }))).toBeUndefined();
    expect(decodeAnswerRef(ref({ q: 'x'.repeat(601) }))).toBeUndefined();
    expect(decodeAnswerRef(ref({ q: 'x'.repeat(600) }))?.question).toHaveLength(600);
    expect(decodeAnswerRef(ref({ h: 'earlier' }))).toBeUndefined();
    expect(decodeAnswerRef(ref({ h: Array(101).fill('a') }))).toBeUndefined();
    expect(decodeAnswerRef(ref({ h: Array(100).fill('a') }))?.history).toHaveLength(100);
    expect(decodeAnswerRef(ref({ h: ['x'.repeat(601)] }))).toBeUndefined();
    expect(decodeAnswerRef(ref({ h: ['x'.repeat(600)] }))?.history).toEqual(['x'.repeat(600)]);
    const oversized = ref({ pad: 'x'.repeat(2000) });
    expect(decodeAnswerRef(oversized)).toBeUndefined();
    expect(decodeAnswerRef('')).toBeUndefined();
  });

  it('accepts a value of exactly 2000 characters', () => {
    const base = ref({ pad: '' });
    const exact = ref({ pad: 'x'.repeat(2000 - base.length) });
    expect(exact).toHaveLength(2000);
    expect(decodeAnswerRef(exact)?.questionId).toBe('q1');
  });

  it('carries the newest 100 questions of a long conversation, each cut to 600 characters', () => {
    const history = Array.from({ length: 120 }, (_, i) => `${i}`);
    const decoded = decodeAnswerRef(encodeAnswerRef({ questionId: 'q1', question: 'and then?', history }));
    expect(decoded?.history).toEqual(history.slice(-100));
    const long = decodeAnswerRef(
      encodeAnswerRef({ questionId: 'q1', question: 'q', history: ['x'.repeat(700)] }),
    );
    expect(long?.history).toEqual(['x'.repeat(600)]);
  });

  it('keeps the whole history when it fits, and cuts a question only once the history is gone', () => {
    const value = encodeAnswerRef({
      questionId: 'q1',
      question: 'q'.repeat(600),
      history: ['h'.repeat(600)],
    });
    expect(decodeAnswerRef(value)?.history).toEqual(['h'.repeat(600)]);
    const huge = 'é'.repeat(600); // JSON keeps it as is; a long id pushes the value over the limit
    const crowded = decodeAnswerRef(
      encodeAnswerRef({ questionId: `q-${'9'.repeat(1500)}`, question: huge, history: ['h'.repeat(300)] }),
    );
    expect(crowded?.history).toEqual([]);
    expect(crowded?.question).toBe(huge.slice(0, 300));
  });
});
