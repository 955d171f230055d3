import { composeDigest, type DigestInput } from '../../src/digest/compose-digest';
import { asked, documentSummary, digestInput as input, rated } from './fixtures';

describe('composeDigest: the order of things', () => {
  it('lists new documents newest first, files of one date by name', () => {
    const documents = [
      documentSummary('c.txt', { date: '2026-03-01' }),
      documentSummary('b.txt', { date: '2026-02-27' }),
      documentSummary('a.txt', { date: '2026-03-01' }),
      documentSummary('d.txt', { date: undefined }),
    ];
    const digest = composeDigest(
      input({ documents, previous: { day: '2026-02-27', postedAt: '', documents: [] } }),
    );
    expect(digest.newDocuments.map((doc) => doc.file)).toEqual(['a.txt', 'c.txt', 'b.txt', 'd.txt']);
  });

  it('puts undated documents last, by name, wherever the engine lists them', () => {
    const documents = [
      documentSummary('z.txt', { date: undefined }),
      documentSummary('b.txt', { date: '2026-02-27' }),
      documentSummary('y.txt', { date: undefined }),
      documentSummary('a.txt', { date: '2026-03-01' }),
    ];
    const digest = composeDigest(
      input({ documents, previous: { day: '2026-02-27', postedAt: '', documents: [] } }),
    );
    expect(digest.newDocuments.map((doc) => doc.file)).toEqual(['a.txt', 'b.txt', 'y.txt', 'z.txt']);
  });

  it('carries the corpus state in file order, whatever order the engine lists it in', () => {
    const digest = composeDigest(input({ documents: [documentSummary('b.txt'), documentSummary('a.txt')] }));
    expect(digest.state.map((entry) => entry.file)).toEqual(['a.txt', 'b.txt']);
  });

  it('counts a file modified at the very start of the period as new', () => {
    const since = new Date('2026-02-27T09:00:00Z');
    const documents = [documentSummary('edge.txt', { mtimeMs: since.getTime() })];
    expect(composeDigest(input({ documents, since })).newDocuments.map((doc) => doc.file)).toEqual([
      'edge.txt',
    ]);
  });

  it('ranks the most asked by count, then by the latest ask, whatever order they were logged in', () => {
    const events = [
      asked('Who leads it?', { at: '2026-03-01T08:00:00Z' }),
      asked('who leads it', { at: '2026-03-01T08:10:00Z' }),
      asked('What is TSI?', { at: '2026-03-01T09:00:00Z' }),
      asked('what is tsi', { at: '2026-03-01T09:10:00Z' }),
      asked('What is TSI', { at: '2026-03-01T09:20:00Z' }),
      asked('Where is it?', { at: '2026-03-01T12:00:00Z' }),
      asked('where is it', { at: '2026-03-01T11:00:00Z' }),
    ];
    const { questions } = composeDigest(input({ events }));
    // TSI was asked three times; "where" and "who" twice each, "where" more recently. The latest wording
    // shown is the one asked last, not the one logged last.
    expect(questions.mostAsked.map((item) => item.question)).toEqual([
      'What is TSI',
      'Where is it?',
      'who leads it',
    ]);
  });
});

describe('composeDigest: what counts', () => {
  it('counts 👍 and 👎 separately, and people by ID, leaving out unknown askers', () => {
    const first = asked('Who leads the dialogue?', { user: 'U1' });
    const events = [
      first,
      asked('What is Track 1.5?', { user: 'unknown' }),
      rated(first, 'up'),
      rated(first, 'up', 'U0000010'),
      rated(first, 'down', 'U0000011'),
    ];
    expect(composeDigest(input({ events })).questions).toMatchObject({ total: 2, askers: 1, up: 2, down: 1 });
  });

  it("counts a person's last click on an answer, even when the log lists the clicks out of order", () => {
    const first = asked('Who leads the dialogue?');
    const events = [
      first,
      { ...rated(first, 'up'), at: '2026-03-01T10:10:00.000Z' },
      { ...rated(first, 'down'), at: '2026-03-01T10:05:00.000Z' },
    ];
    expect(composeDigest(input({ events })).questions).toMatchObject({ up: 1, down: 0, poorlyRated: [] });
  });

  it('ignores a rating of a question asked before the period', () => {
    const old = asked('Asked last week?', { at: '2026-02-20T10:00:00Z' });
    const { questions } = composeDigest(input({ events: [rated(old, 'down')] }));
    expect(questions).toMatchObject({ total: 0, down: 1, poorlyRated: [] });
  });

  it.each([
    ['a new file and a removed one', { documents: [documentSummary('a.txt'), documentSummary('c.txt')] }, []],
    [
      'a new file and a changed one',
      {
        documents: [
          documentSummary('a.txt', { contentHash: 'changed0000000000' }),
          documentSummary('b.txt'),
          documentSummary('c.txt'),
        ],
      },
      [],
    ],
    ['one question rated down', {}, ['down']],
    ['one question rated up', {}, ['up']],
  ] as [string, Partial<DigestInput>, ('up' | 'down')[]][])(
    'is not an empty day with %s',
    (_name, overrides, ratings) => {
      const question = asked('Is it quiet?');
      const events =
        ratings.length > 0 ? [question, ...ratings.map((rating) => rated(question, rating))] : [];
      const previous = {
        day: '2026-02-27',
        postedAt: '2026-02-27T09:00:00.000Z',
        documents: [
          { file: 'a.txt', hash: documentSummary('a.txt').contentHash.slice(0, 16) },
          { file: 'b.txt', hash: documentSummary('b.txt').contentHash.slice(0, 16) },
        ],
      };
      const digest = composeDigest(input({ previous, events, ...overrides }));
      expect(digest.empty).toBe(false);
      expect(digest.fromTheCorpus).toBeUndefined();
    },
  );

  it('never offers a document without a key sentence "from the corpus"', () => {
    const documents = [documentSummary('a.txt', { leadSentence: ' ' }), documentSummary('b.txt')];
    for (const day of ['2026-03-02', '2026-03-03']) {
      expect(composeDigest(input({ day, documents, since: new Date() })).fromTheCorpus?.file).toBe('b.txt');
    }
    const silent = composeDigest(
      input({ documents: [documentSummary('a.txt', { leadSentence: '' })], since: new Date() }),
    );
    expect(silent.empty).toBe(true);
    expect(silent.fromTheCorpus).toBeUndefined();
  });
});

describe('composeDigest: how much is listed', () => {
  it('lists the five most asked questions, and undated new documents by name', () => {
    const events = ['one', 'two', 'three', 'four', 'five', 'six'].flatMap((word, i) => [
      asked(`Question ${word}?`, { at: `2026-03-01T0${i}:00:00Z` }),
      asked(`question ${word}`, { at: `2026-03-01T0${i}:30:00Z` }),
    ]);
    const documents = [
      documentSummary('z.txt', { date: undefined }),
      documentSummary('y.txt', { date: undefined }),
    ];
    const digest = composeDigest(input({ events, documents, since: new Date('2026-01-01T00:00:00Z') }));
    expect(digest.questions.mostAsked.map((item) => item.question)).toEqual([
      'question six',
      'question five',
      'question four',
      'question three',
      'question two',
    ]);
    expect(digest.newDocuments.map((doc) => doc.file)).toEqual(['y.txt', 'z.txt']);
  });
});
