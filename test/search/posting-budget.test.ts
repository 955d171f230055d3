import { CorpusEngine } from '../../src/answer/engine';
import { assembleDocuments } from '../../src/corpus/load-corpus';
import { PassageIndex } from '../../src/search/passage-index';
import { planSearch, type TermCost } from '../../src/search/posting-budget';
import { corpusFile } from '../corpus/document-text';

const cost = (
  term: string,
  weight: number,
  rarity: number,
  postings: number,
  passages = postings,
): TermCost => ({
  term,
  weight,
  rarity,
  postings,
  passages,
});
/** A corpus so large that none of these terms is common in it. */
const LARGE = 1_000_000;

describe('planSearch', () => {
  it('lets the most telling terms admit candidates, by weight times rarity, passing over what does not fit', () => {
    const plan = planSearch(
      [
        cost('year', 1, 1.2, 900), // typed, but in most passages
        cost('zebra', 0.35, 6, 4), // an earlier turn's word: light, yet far more telling
        cost('deal', 1, 1.5, 600),
        cost('tariff', 1, 5, 10),
      ],
      LARGE,
      { admit: 700, walk: 1600 },
    );
    expect(plan.admitting).toEqual(['tariff', 'zebra', 'deal']);
    // "year" no longer fits among the admitting terms, but its walk fits: it only scores.
    expect(plan.scoring).toEqual(['year']);
  });

  it('leaves out terms beyond the walk budget, and terms the index lacks', () => {
    const plan = planSearch(
      [cost('zebra', 1, 6, 4), cost('year', 1, 1.2, 5000), cost('qqq', 1, 9, 0)],
      LARGE,
      {
        admit: 100,
        walk: 1000,
      },
    );
    expect(plan).toEqual({ admitting: ['zebra'], scoring: [] });
  });

  it('admits the most telling term alone when nothing fits, so a question of common words finds candidates', () => {
    const plan = planSearch([cost('year', 1, 1.2, 5000), cost('market', 1, 1.1, 6000)], LARGE, {
      admit: 100,
      walk: 1000,
    });
    expect(plan).toEqual({ admitting: ['year'], scoring: [] });
  });

  it('sets aside a term in over 5% of the passages when the query has a rarer one, however light', () => {
    // "year" is in 8,000 of 100,000 passages; "zebra", from an earlier turn, weighs only 0.1.
    const costs = [cost('year', 1, 2.5, 9500, 8000), cost('zebra', 0.1, 9, 12)];
    expect(planSearch(costs, 100_000)).toEqual({ admitting: ['zebra'], scoring: [] });
    // In a corpus of 1,000,000 passages "year" is not common: it scores within the walk budget.
    expect(planSearch(costs, LARGE)).toEqual({ admitting: ['zebra'], scoring: ['year'] });
    // Alone, a common term is still searched.
    expect(planSearch([costs[0]], 100_000)).toEqual({ admitting: ['year'], scoring: [] });
  });
});

// A corpus built to tempt a search that walks common words: 400 ministers' statements that say
// "minister", "says", "deal" and "year" (in the text and in their headlines), some of them over and over,
// and one story that says the rare words the question is about.
function temptingCorpus(): PassageIndex {
  const files = Array.from({ length: 400 }, (_, i) => {
    const filler =
      i % 20 === 0
        ? 'The minister says the deal this year is a deal, the best deal of the year, a deal for every year.'
        : `The minister says talks on the deal went on for a year in round ${i}.`;
    const text = `Minister says deal near in year ${i}\n\n${filler}`;
    return corpusFile(`statement-${i}.txt`, text);
  });
  const story =
    'Zebra tariff pact signed\n\nThe minister says the zebra tariff deal was signed in Nairobi this year, ending a long dispute.';
  files.push({ file: 'zebra.txt', text: story, size: story.length, mtimeMs: 0, contentHash: 'zebra' });
  // A budget far below the common words' postings (each is in about 800, text and headline together).
  return PassageIndex.build(assembleDocuments(files), { postingBudget: { admit: 60, walk: 300 } });
}

describe('the posting budget in answering', () => {
  const index = temptingCorpus();
  const engine = new CorpusEngine(index);

  it('keeps the passage that says the rare words first, though the common ones are left out', () => {
    // Why zebra.txt wins: only it says "zebra" and "tariff"; the statements repeat the common words.
    const answer = engine.answer('what did the minister say about the zebra tariff deal this year?');
    expect(answer.passages[0]?.citations[0]?.file).toBe('zebra.txt');
  });

  it('finds it for a follow-up whose own word is common, by the lighter words of the question before', () => {
    const answer = engine.answer('and what about the year?', {
      history: ['who signed the zebra tariff deal?'],
    });
    expect(answer.passages[0]?.citations[0]?.file).toBe('zebra.txt');
  });

  it('walks far fewer postings than the whole query would', () => {
    const weights = new Map([
      ['minist', 1],
      ['sai', 1],
      ['zebra', 1],
      ['tariff', 1],
      ['deal', 1],
      ['year', 1],
    ]);
    const plan = index.planSearch(weights);
    const walked = [...plan.admitting, ...plan.scoring].reduce((sum, term) => sum + index.postings(term), 0);
    const whole = [...weights.keys()].reduce((sum, term) => sum + index.postings(term), 0);
    expect(plan.admitting).toEqual(expect.arrayContaining(['zebra', 'tariff']));
    expect(walked).toBeLessThanOrEqual(300);
    expect(whole).toBeGreaterThan(2000);
  });
});
