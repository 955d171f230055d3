import type { Concept } from '../../src/answer/query';
import { documentSupport, readsAsHeadline, recency } from '../../src/answer/ranking';
import type { CorpusDocument } from '../../src/corpus/types';
import type { PassageHit } from '../../src/search/passage-index';

const hit = (file: string, score: number, date?: string): PassageHit => {
  const document: CorpusDocument = {
    file,
    title: file,
    date,
    passages: [],
    size: 1,
    mtimeMs: 0,
    contentHash: file,
  };
  return { document, score, passage: { id: `${file}#0`, file, position: 0, sentences: ['Text.'] } };
};

const concept = (label: string, fromHistory = false): Concept => ({
  label,
  weight: 1,
  coverageShare: 1,
  isVerb: false,
  nameHead: false,
  isName: false,
  fromHistory,
  alternatives: [{ terms: [label], weight: 1 }],
});

describe('document support', () => {
  it('sums each document over its candidate passages, against the best document', () => {
    // A story that says the subject in two passages outweighs one that mentions it once, more strongly.
    const support = documentSupport([hit('story.txt', 2), hit('story.txt', 2), hit('mention.txt', 3)]);
    expect(support.get('story.txt')).toBe(1);
    expect(support.get('mention.txt')).toBe(0.75);
  });
});

describe('recency', () => {
  it('places each dated document between the oldest (0) and the newest (1), and leaves undated ones out', () => {
    const places = recency([
      hit('old.txt', 1, '2024-01-01'),
      hit('undated.txt', 1),
      hit('new.txt', 1, '2024-01-11'),
      hit('middle.txt', 1, '2024-01-03'),
    ]);
    expect(places.get('old.txt')).toBe(0);
    expect(places.get('new.txt')).toBe(1);
    expect(places.get('middle.txt')).toBeCloseTo(0.2);
    expect(places.has('undated.txt')).toBe(false);
  });

  it('counts documents all of one day as the newest', () => {
    const places = recency([hit('a.txt', 1, '2024-02-02'), hit('b.txt', 1, '2024-02-02')]);
    expect(places.get('a.txt')).toBe(1);
    expect(places.get('b.txt')).toBe(1);
  });
});

describe('a question read as a headline', () => {
  it('needs three words of its own: the words of earlier turns do not count', () => {
    expect(readsAsHeadline([concept('taiwan'), concept('relax'), concept('curbs')])).toBe(true);
    expect(readsAsHeadline([concept('taiwan'), concept('curbs')])).toBe(false);
    expect(readsAsHeadline([concept('taiwan'), concept('curbs'), concept('import', true)])).toBe(false);
  });
});
