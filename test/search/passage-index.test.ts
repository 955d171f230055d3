import { assembleDocuments } from '../../src/corpus/load-corpus';
import { PackedPostings, PostingPool } from '../../src/search/packed-postings';
import { PassageIndex, type TermEntry } from '../../src/search/passage-index';

// 1,200 short market reports, 3 of which mention a zebra: "market" is in every passage, "zebra" in few.
const reports = Array.from({ length: 1200 }, (_, i) => {
  const animal = i % 400 === 0 ? 'A zebra crossed the trading floor.' : 'Shares closed higher.';
  const text = `Report ${i}\n\nThe market report number ${i} was filed today. ${animal}`;
  return { file: `report-${i}.txt`, text, size: text.length, mtimeMs: 0, contentHash: String(i) };
});
const index = PassageIndex.build(assembleDocuments(reports));

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

  it('restores a snapshot that holds some postings in full rather than in its pool', () => {
    const snapshot = JSON.parse(JSON.stringify(index.toSnapshot()));
    const pool = PostingPool.fromBlocks(snapshot.postings);
    // Each field written as its id, start and count in the pool becomes its id and its postings spelled out.
    snapshot.search.index = snapshot.search.index.map(([term, ...fields]: TermEntry) => {
      const spelled: TermEntry = [term];
      for (let i = 0; i < fields.length; i += 3) {
        const postings = PackedPostings.at(pool, fields[i + 1] as number, fields[i + 2] as number);
        spelled.push(fields[i] as number, [...postings].flat());
      }
      return spelled;
    });
    const restored = PassageIndex.fromSnapshot(snapshot);
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

  it('restores from its snapshot with the same rankings', () => {
    const restored = PassageIndex.fromSnapshot(JSON.parse(JSON.stringify(index.toSnapshot())));
    const query = new Map([
      ['zebra', 1],
      ['trade', 0.5],
    ]);
    expect(restored.searchTerms(query).map((hit) => hit.passage.id)).toEqual(
      index.searchTerms(query).map((hit) => hit.passage.id),
    );
  });
});
