import { describeForeignId, QuestionIds } from '../../src/slack/question-ids';

// A 👍/👎 carries the question's id; only ids coop issued are recorded.
describe('QuestionIds', () => {
  it('verifies its own ids, and after a restart with the same token, but not with another', () => {
    const ids = new QuestionIds('xoxb-token');
    const id = ids.issue();
    expect(id).toMatch(/^q-[0-9a-f]{24}-[0-9a-f]{16}$/);
    expect(ids.issued(id)).toBe(true);
    expect(new QuestionIds('xoxb-token').issued(id)).toBe(true);
    expect(new QuestionIds('xoxb-other').issued(id)).toBe(false);
    expect(new QuestionIds().issued(id)).toBe(false);
    expect(ids.issue()).not.toBe(id);
  });

  it('gives a delivery the same id however often it is handled', () => {
    const ids = new QuestionIds('xoxb-token');
    expect(ids.issueFor('C1:123.456')).toBe(new QuestionIds('xoxb-token').issueFor('C1:123.456'));
    expect(ids.issueFor('C1:123.456')).not.toBe(ids.issueFor('C1:123.457'));
    expect(ids.issued(ids.issueFor('C1:123.456'))).toBe(true);
  });

  it('refuses a mangled id, even one holding a genuine id', () => {
    const ids = new QuestionIds('xoxb-token');
    const id = ids.issue();
    expect(ids.issued(`x${id}`)).toBe(false);
    expect(ids.issued(`${id}0`)).toBe(false);
    expect(ids.issued(`${id.slice(0, -1)}${id.endsWith('0') ? '1' : '0'}`)).toBe(false);
    expect(ids.issued('q-1')).toBe(false);
  });

  it('quotes a foreign id for the log, cut short', () => {
    expect(describeForeignId(42)).toBe('number');
    expect(describeForeignId('q-"1"')).toBe('"q-\\"1\\""');
    expect(describeForeignId('x'.repeat(40))).toBe(JSON.stringify('x'.repeat(40)));
    expect(describeForeignId('x'.repeat(41))).toBe(`${JSON.stringify('x'.repeat(40))}… (41 characters)`);
  });
});
