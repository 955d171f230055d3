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
