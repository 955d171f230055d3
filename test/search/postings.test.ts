import MiniSearch from 'minisearch';
import { analyze } from '../../src/analysis/analyzer';
import { PostingsIndex } from '../../src/search/postings';

const terms = (text: string): string =>
  analyze(text)
    .map((token) => token.term)
    .join(' ');

const PASSAGES = [
  {
    id: 'a#0',
    title: 'Bahia cocoa review',
    text: 'Showers continued throughout the week in the Bahia cocoa zone.',
  },
  {
    id: 'a#1',
    title: 'Bahia cocoa review',
    text: 'Arrivals of cocoa for the week were 155,221 bags of 60 kilos.',
  },
  {
    id: 'b#0',
    title: 'Standard Oil to form financial unit',
    text: 'Standard Oil and BP plan a venture to manage money market borrowing.',
  },
  {
    id: 'c#0',
    title: 'Cocoa talks',
    text: 'Cocoa producers and consumers met in London to discuss a buffer stock of cocoa.',
  },
  { id: 'd#0', title: '', text: 'The  week ended with a buffer stock decision.' },
].map((passage) => ({ id: passage.id, title: terms(passage.title), text: terms(passage.text) }));

function plainMiniSearch(): MiniSearch<(typeof PASSAGES)[number]> {
  const tokenize = (text: string): string[] => (text === '' ? [] : text.split(' '));
  const search = new MiniSearch<(typeof PASSAGES)[number]>({
    fields: ['text', 'title'],
    tokenize,
    processTerm: (term) => term,
    searchOptions: { tokenize, processTerm: (term) => term },
  });
  search.addAll(PASSAGES);
  return search;
}

describe('PostingsIndex', () => {
  const queries: [string, number][][] = [
    [['cocoa', 1]],
    [
      ['cocoa', 1],
      ['week', 0.5],
      ['buffer', 1],
    ],
    [
      ['stock', 0.7],
      ['oil', 1],
      ['missing', 1],
    ],
    [
      ['bahia', 1],
      ['review', 0.3],
    ],
  ];

  it.each(queries)('ranks and scores exactly as minisearch does (%j)', (...query) => {
    // Same BM25+ and the same tie order, so swapping the index changes no answer.
    const weights = new Map(query);
    const expected = plainMiniSearch()
      .search([...weights.keys()].join(' '), {
        combineWith: 'OR',
        boost: { text: 1, title: 0.35 },
        boostTerm: (term) => weights.get(term) ?? 1,
      })
      .map(({ id, score, match }) => ({ id, score, match }));
    const index = PostingsIndex.build(['text', 'title'], PASSAGES);

    expect(index.search(weights, { text: 1, title: 0.35 }, 10)).toEqual(expected);
  });

  it('returns the best `limit` documents only', () => {
    const index = PostingsIndex.build(['text', 'title'], PASSAGES);
    const weights = new Map([['cocoa', 1]]);

    expect(index.search(weights, {}, 2)).toEqual(index.search(weights, {}, 10).slice(0, 2));
    expect(index.search(weights, {}, 10)).toHaveLength(3);
  });

  it('answers the same after a snapshot round trip through JSON', () => {
    const index = PostingsIndex.build(['text', 'title'], PASSAGES);
    const restored = PostingsIndex.fromSnapshot(JSON.parse(JSON.stringify(index.toSnapshot())));
    const weights = new Map([
      ['cocoa', 1],
      ['stock', 0.5],
    ]);

    expect(restored.search(weights, { title: 0.35 }, 10)).toEqual(index.search(weights, { title: 0.35 }, 10));
  });

  it('rejects a snapshot whose postings do not fit its documents', () => {
    const snapshot = PostingsIndex.build(['text', 'title'], PASSAGES).toSnapshot();
    snapshot.ids = snapshot.ids.slice(1);

    expect(() => PostingsIndex.fromSnapshot(snapshot)).toThrow(
      expect.objectContaining({ code: 'coop_postings_invalid' }),
    );
  });
});
