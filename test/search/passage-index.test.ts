import MiniSearch from 'minisearch';
import { analyze } from '../../src/analysis/analyzer';
import { assembleDocuments } from '../../src/corpus/load-corpus';
import { type CorpusDocument, passageText } from '../../src/corpus/types';
import { PackedPostings, PostingPool } from '../../src/search/packed-postings';
import { PassageIndex, type TermEntry, TITLE_BOOST } from '../../src/search/passage-index';
import { corpusFile } from '../corpus/document-text';
import { copiedSnapshot } from './support/copied-snapshot';

// 1,200 short market reports, 3 of which mention a zebra: "market" is in every passage, "zebra" in few.
const reports = Array.from({ length: 1200 }, (_, i) => {
  const animal = i % 400 === 0 ? 'A zebra crossed the trading floor.' : 'Shares closed higher.';
  const text = `Report ${i}\n\nThe market report number ${i} was filed today. ${animal}`;
  return corpusFile(`report-${i}.txt`, text);
});
const documents = assembleDocuments(reports);
const index = PassageIndex.build(documents);

const analyzed = (text: string) =>
  analyze(text)
    .map((token) => token.term)
    .join(' ');

/** minisearch on its own, over the same analyzed passages, as coop's index configures it. */
function plainMiniSearch(corpus: CorpusDocument[]): MiniSearch {
  const plain = new MiniSearch({
    fields: ['text', 'title'],
    tokenize: (text) => (text === '' ? [] : text.split(' ')),
    processTerm: (term) => term,
  });
  for (const document of corpus) {
    for (const passage of document.passages) {
      plain.add({ id: passage.id, text: analyzed(passageText(passage)), title: analyzed(document.title) });
    }
  }
  return plain;
}

const scores = (hits: { score: number; passage: { id: string } }[]) =>
  hits.map((hit) => [hit.passage.id, hit.score.toFixed(9)]);

describe('PassageIndex', () => {
  it('knows how many passages hold a term', () => {
    expect(index.documentFrequency('market')).toBe(1200);
    expect(index.documentFrequency('zebra')).toBe(3);
    expect(index.isCommon('market')).toBe(true);
    expect(index.isCommon('zebra')).toBe(false);
  });

  it('counts the postings a term walks in the text and in the headlines', () => {
    // "report" is in every headline ("Report 7") and every text; "zebra" only in three texts.
    expect(index.postings('report')).toBe(2400);
    expect(index.postings('zebra')).toBe(3);
  });

  it('finds candidates by the selective terms of a query, leaving common ones out of the search', () => {
    // Searching "market" would touch every passage for almost no weight; "zebra" finds the three.
    const hits = index.searchTerms(
      new Map([
        ['market', 1],
        ['zebra', 1],
      ]),
      10,
    );
    expect(hits.map((hit) => hit.passage.file).sort()).toEqual([
      'report-0.txt',
      'report-400.txt',
      'report-800.txt',
    ]);
  });

  it('still searches common terms when a query has nothing else', () => {
    expect(index.searchTerms(new Map([['market', 1]]), 5)).toHaveLength(5);
  });

  it('restores a snapshot that holds some postings in full rather than in its pool', async () => {
    const snapshot = copiedSnapshot(index.toSnapshot());
    const pool = PostingPool.holding(snapshot.postings);
    // Each field written as its id, start and count in the pool becomes its id and its postings spelled out.
    snapshot.search.index = [...snapshot.search.index].map(([term, ...fields]: TermEntry) => {
      const spelled: TermEntry = [term];
      for (let i = 0; i < fields.length; i += 3) {
        const postings = PackedPostings.at(pool, fields[i + 1] as number, fields[i + 2] as number);
        spelled.push(fields[i] as number, [...postings].flat());
      }
      return spelled;
    });
    const restored = await PassageIndex.fromSnapshot(snapshot);
    const query = new Map([
      ['zebra', 1],
      ['trade', 0.5],
      ['report', 0.2],
    ]);
    expect(restored.searchTerms(query).map((hit) => hit.passage.id)).toEqual(
      index.searchTerms(query).map((hit) => hit.passage.id),
    );
    expect(restored.postings('report')).toBe(2400);
  });

  it('restores from its snapshot with the same rankings', async () => {
    const restored = await PassageIndex.fromSnapshot(copiedSnapshot(index.toSnapshot()));
    const query = new Map([
      ['zebra', 1],
      ['trade', 0.5],
    ]);
    expect(restored.searchTerms(query).map((hit) => hit.passage.id)).toEqual(
      index.searchTerms(query).map((hit) => hit.passage.id),
    );
  });

  it('lets other work run while it restores a snapshot (a bot swapping indexes goes on acknowledging)', async () => {
    const snapshot = copiedSnapshot(index.toSnapshot());
    let ranMeanwhile = false;
    setImmediate(() => {
      ranMeanwhile = true;
    });
    await PassageIndex.fromSnapshot(snapshot);
    expect(ranMeanwhile).toBe(true);
  });

  it('scores its candidates as minisearch itself scores them over the same passages', () => {
    const query = new Map([
      ['zebra', 1],
      ['cross', 0.5],
      ['floor', 0.8],
    ]);
    const plain = plainMiniSearch(documents).search('zebra cross floor', {
      boost: { text: 1, title: TITLE_BOOST },
      boostTerm: (term) => query.get(term) ?? 1,
    });
    expect(scores(index.searchTerms(query, 5))).toEqual(
      scores(plain.slice(0, 5).map((result) => ({ passage: { id: result.id }, score: result.score }))),
    );
  });

  it('scores as minisearch does over passages of many lengths, words said more than once, and stories of several passages', () => {
    // Field lengths, their averages and term frequencies all enter BM25: each story has its own number
    // of passages and lengths, some words recur within a passage, and one headline says a word twice.
    const words = ['glacier', 'harbour', 'ferry', 'quarry', 'orchard', 'lantern', 'canal', 'meadow'];
    const stories = assembleDocuments(
      Array.from({ length: 24 }, (_, story) => {
        const paragraphs = Array.from({ length: 1 + (story % 4) }, (_, n) => {
          const said = Array.from({ length: 4 + ((story * 7 + n * 3) % 19) }, (_, i) => {
            return words[(story * 5 + n * 11 + i * i) % words.length];
          });
          return `Report ${story} part ${n} says ${said.join(' and ')} today.`;
        });
        const headline =
          story === 5 ? 'Ferry news: ferry delays' : `Bulletin ${story} on the ${words[story % 8]}`;
        const text = [headline, ...paragraphs.map((p) => `${p} ${p.replace('says', 'adds')}`)].join('\n\n');
        return corpusFile(`story-${story}.txt`, text);
      }),
    );
    expect(new Set(stories.map((story) => story.passages.length)).size).toBeGreaterThan(1);
    const built = PassageIndex.build(stories, { postingBudget: { admit: 1e6, walk: 1e6 } });
    const plain = plainMiniSearch(stories);
    for (const question of ['ferry delays', 'quarry lantern', 'orchard canal meadow', 'glacier']) {
      const query = new Map(analyze(question).map((token, i) => [token.term, 1 - i * 0.2]));
      const expected = plain
        .search([...query.keys()].join(' '), {
          boost: { text: 1, title: TITLE_BOOST },
          boostTerm: (term) => query.get(term) ?? 1,
        })
        .slice(0, 8)
        .map((result) => [result.id, result.score]);
      const hits = built.searchTerms(query, 8).map((hit) => [hit.passage.id, hit.score]);
      expect(hits).toEqual(expected);
    }
  });

  it('adds a term over budget to the scores of the passages the admitting terms found, as one search of both would', () => {
    // 3 stories say "zebra crossing", 9 more "crossing": within a budget of 3 postings to admit, "zebra"
    // admits its 3, and "crossing" only adds to their scores.
    const crossings = assembleDocuments(
      Array.from({ length: 30 }, (_, i) => {
        const words =
          i < 3 ? 'A zebra crossing was painted.' : i < 12 ? 'A crossing was painted.' : 'Rain fell.';
        const text = `Town notes ${i}\n\nNotes from the town, number ${i}. ${words}`;
        return corpusFile(`notes-${i}.txt`, text);
      }),
    );
    const tight = PassageIndex.build(crossings, { postingBudget: { admit: 3, walk: 100 } });
    const [zebra, crossing] = analyze('zebra crossing').map((token) => token.term);
    const query = new Map([
      [zebra, 1],
      [crossing, 0.7],
    ]);
    expect(tight.planSearch(query)).toEqual({ admitting: [zebra], scoring: [crossing] });
    const zebraPassages = new Set(crossings.slice(0, 3).map((document) => document.passages[0].id));
    const plain = plainMiniSearch(crossings)
      .search(`${zebra} ${crossing}`, {
        boost: { text: 1, title: TITLE_BOOST },
        boostTerm: (term) => query.get(term) ?? 1,
      })
      .filter((result) => zebraPassages.has(result.id));
    const hits = tight.searchTerms(query, 10);
    expect(hits).toHaveLength(3);
    expect(scores(hits)).toEqual(
      scores(plain.map((result) => ({ passage: { id: result.id }, score: result.score }))),
    );
  });

  it('finds the lead passages of the stories whose headlines say the terms, not the passages beneath them', () => {
    const paragraph = (story: number, n: number) =>
      `Paragraph ${n} of story ${story} goes on at length about the weather, the roads, the harbour, ` +
      'the shops and the people of the town, who met in the square to talk about all of it at once. ' +
      'They talked until evening and then went home along the river to their houses.';
    const stories = assembleDocuments(
      ['Glacier survey', 'Harbour survey', 'Glacier retreat', 'Market day'].map((title, story) => {
        const text = [title, ...[1, 2, 3, 4, 5, 6].map((n) => paragraph(story, n))].join('\n\n');
        return corpusFile(`story-${story}.txt`, text);
      }),
    );
    expect(stories.every((story) => story.passages.length > 1)).toBe(true);
    const hits = PassageIndex.build(stories).searchHeadlines(
      analyze('glacier survey').map((token) => token.term),
      5,
    );
    expect(hits.map((hit) => hit.passage.position)).toEqual([0, 0, 0]);
    // Both words first; then the two stories with one word each, equally scored.
    expect(hits[0].document.file).toBe('story-0.txt');
    expect(
      hits
        .slice(1)
        .map((hit) => hit.document.file)
        .sort(),
    ).toEqual(['story-1.txt', 'story-2.txt']);
  });
});
