import { composeDigest, type DigestInput, normaliseQuestion } from '../../src/digest/compose-digest';
import { asked, documentSummary, rated } from './fixtures';

function input(overrides: Partial<DigestInput> = {}): DigestInput {
  return {
    day: '2026-03-02',
    timeZone: 'UTC',
    now: new Date('2026-03-02T09:00:00Z'),
    documents: [documentSummary('a.txt'), documentSummary('b.txt')],
    since: new Date('2026-02-27T09:00:00Z'),
    events: [],
    ...overrides,
  };
}

describe('composeDigest: documents', () => {
  it('lists files missing from the previous state as new, a different hash as changed, and gone files as removed', () => {
    const a = documentSummary('a.txt');
    const digest = composeDigest(
      input({
        documents: [
          a,
          documentSummary('b.txt', { contentHash: 'ffffffffffffffffffff' }),
          documentSummary('c.txt', { title: 'Fresh report', date: '2026-03-01' }),
        ],
        previous: {
          day: '2026-02-27',
          postedAt: '2026-02-27T09:00:00.000Z',
          documents: [
            { file: 'a.txt', hash: a.contentHash.slice(0, 16) },
            { file: 'b.txt', hash: 'btxt000000000000' },
            { file: 'old.txt', hash: '0123456789abcdef' },
          ],
        },
      }),
    );
    expect(digest.newDocuments).toEqual([
      {
        file: 'c.txt',
        title: 'Fresh report',
        date: '2026-03-01',
        leadSentence: 'The lead sentence of c.txt.',
      },
    ]);
    expect(digest.changedDocuments.map((doc) => doc.file)).toEqual(['b.txt']);
    expect(digest.removedDocuments).toEqual(['old.txt']);
    expect(digest.previousDay).toBe('2026-02-27');
    expect(digest.empty).toBe(false);
  });

  it('without a previous state, lists files modified since the period began', () => {
    const digest = composeDigest(
      input({
        documents: [
          documentSummary('a.txt', { mtimeMs: Date.parse('2026-02-01T00:00:00Z') }),
          documentSummary('b.txt', { mtimeMs: Date.parse('2026-03-01T12:00:00Z') }),
        ],
      }),
    );
    expect(digest.newDocuments.map((doc) => doc.file)).toEqual(['b.txt']);
  });

  it('carries the corpus state, hash prefixes only, for the next digest', () => {
    const digest = composeDigest(input());
    expect(digest.state).toEqual([
      { file: 'a.txt', hash: 'atxt000000000000' },
      { file: 'b.txt', hash: 'btxt000000000000' },
    ]);
  });
});

describe('composeDigest: questions', () => {
  it('counts questions, follow-ups, people and ratings', () => {
    const first = asked('Who leads the dialogue?', { user: 'U1' });
    const events = [
      first,
      asked('and since when?', { user: 'U1', followUp: true }),
      asked('What is Track 1.5?', { user: 'U2' }),
      rated(first, 'up'),
      rated(first, 'down', 'U0000010'),
    ];
    const { questions } = composeDigest(input({ events }));
    expect(questions).toMatchObject({ total: 3, followUps: 1, askers: 2, up: 1, down: 1 });
  });

  it('counts one rating per person per answer: their last click', () => {
    const first = asked('Who leads the dialogue?');
    const later = (minutes: number) => `2026-03-01T10:${String(minutes).padStart(2, '0')}:00.000Z`;
    const events = [
      first,
      // One person clicking 👎 25 times is one 👎.
      ...Array.from({ length: 25 }, (_, n) => ({ ...rated(first, 'down', 'U0000010'), at: later(n + 1) })),
      // Another changes their mind: the 👍 they clicked last is what counts.
      { ...rated(first, 'down', 'U0000011'), at: later(30) },
      { ...rated(first, 'up', 'U0000011'), at: later(31) },
    ];
    const { questions } = composeDigest(input({ events }));
    expect(questions).toMatchObject({ up: 1, down: 1 });
    expect(questions.poorlyRated).toEqual([]);
  });

  it('groups the most asked by normalised wording and shows the latest wording', () => {
    const events = [
      asked('What is Track 1.5?', { at: '2026-03-01T08:00:00Z' }),
      asked('what is track 1.5', { at: '2026-03-01T09:00:00Z' }),
      asked('WHAT IS TRACK 1.5 ??', { at: '2026-03-01T10:00:00Z' }),
      asked('Who leads it?', { at: '2026-03-01T11:00:00Z' }),
      asked('who leads it', { at: '2026-03-01T12:00:00Z' }),
      asked('Asked once only?'),
    ];
    const { questions } = composeDigest(input({ events }));
    // Three asks beat two; a question asked once is not "most asked".
    expect(questions.mostAsked.map((item) => [item.question, item.count])).toEqual([
      ['WHAT IS TRACK 1.5 ??', 3],
      ['who leads it', 2],
    ]);
  });

  it('lists questions whose latest ask went unanswered, with their ratings', () => {
    const gap = asked('Is there a budget?', { answered: false, at: '2026-03-01T08:00:00Z' });
    const events = [
      gap,
      asked('is there a budget', { answered: false, at: '2026-03-01T09:00:00Z' }),
      rated(gap, 'down'),
      asked('Where is the workshop?', { answered: false, at: '2026-03-01T08:00:00Z' }),
      // Answered later (the corpus was updated): no longer a gap.
      asked('where is the workshop', { answered: true, at: '2026-03-01T12:00:00Z' }),
    ];
    const { questions } = composeDigest(input({ events }));
    expect(questions.unanswered).toEqual([{ question: 'is there a budget', count: 2, up: 0, down: 1 }]);
  });

  it('lists answered questions rated down more than up', () => {
    const poor = asked('When was the roadmap signed?');
    const good = asked('Who organised it?');
    const events = [poor, good, rated(poor, 'down'), rated(poor, 'down', 'U0000011'), rated(good, 'up')];
    const { questions } = composeDigest(input({ events }));
    expect(questions.poorlyRated.map((item) => item.question)).toEqual(['When was the roadmap signed?']);
  });

  it('normalises case, punctuation and spacing', () => {
    expect(normaliseQuestion('  Who   leads the “Track 1.5” dialogue?! ')).toBe(
      'who leads the track 1 5 dialogue',
    );
  });
});

describe('composeDigest: an empty day', () => {
  const quiet = () =>
    input({
      documents: [documentSummary('a.txt'), documentSummary('b.txt'), documentSummary('c.txt')],
      previous: {
        day: '2026-03-01',
        postedAt: '2026-03-01T09:00:00.000Z',
        documents: ['a.txt', 'b.txt', 'c.txt'].map((file) => ({
          file,
          hash: documentSummary(file).contentHash.slice(0, 16),
        })),
      },
    });

  it('offers one document and its key passage from the corpus, rotating by day', () => {
    const monday = composeDigest(quiet());
    const tuesday = composeDigest({ ...quiet(), day: '2026-03-03' });
    expect(monday.empty).toBe(true);
    expect(monday.fromTheCorpus?.leadSentence).toMatch(/^The lead sentence of/);
    expect(tuesday.fromTheCorpus?.file).not.toBe(monday.fromTheCorpus?.file);
  });

  it('has no "from the corpus" item when something is new', () => {
    const digest = composeDigest({ ...quiet(), events: [asked('Anything new?')] });
    expect(digest.empty).toBe(false);
    expect(digest.fromTheCorpus).toBeUndefined();
  });
});
