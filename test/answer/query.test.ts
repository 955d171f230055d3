import {
  type Concept,
  conceptIdf,
  conceptMatch,
  nameRuns,
  questionConcepts,
  searchWeights,
} from '../../src/answer/query';
import { engineOver } from './small-corpus';

const engine = engineOver([
  [
    'tsi.txt',
    'The Technology Security Initiative (TSI) was launched by the prime ministers in Delhi. Officials said the initiative covers semiconductor supply chains.',
  ],
  [
    'acme.txt',
    'Jane Smith is the founder of Acme Corp. Acme Corp makes rockets in Ohio. The chairman of the board welcomed the cooperation with Britain.',
  ],
  [
    'oil.txt',
    'Olive oil is the best oil for frying chips. Sunflower oil is cheaper. The kitchen has a new fryer. Corning makes glass in Kentucky.',
  ],
  [
    'trade.txt',
    'India and the United Kingdom signed a trade deal. Indian exports rose. The deal covers co-production of jet engines.',
  ],
]);

const concepts = (question: string, weight?: number, fromHistory?: boolean) =>
  questionConcepts(question, engine.index, weight, fromHistory);
const concept = (question: string, label: string): Concept => {
  const found = concepts(question).find((each) => each.label === label);
  if (!found) throw new Error(`no concept ${label} in ${question}`);
  return found;
};
/** A concept's other ways of being said, as "terms" → weight. */
const ways = (each: Concept) =>
  each.alternatives.map((alternative) => [alternative.terms.join(' '), alternative.weight]);

describe('questionConcepts: the ways a word may be said', () => {
  it('finds an acronym by its long form and the long form by its acronym, at 0.8', () => {
    expect(ways(concept('Who launched TSI?', 'tsi'))).toEqual([
      ['tsi', 1],
      ['technolog secur initiativ', 0.8],
    ]);
    const initiative = concept('Who launched the Technology Security Initiative?', 'initiative');
    expect(ways(initiative)).toContainEqual(['tsi', 0.8]);
    expect(ways(concept('Who launched the Technology Security Initiative?', 'technology'))).toContainEqual([
      'tsi',
      0.8,
    ]);
  });

  it('finds the doer of a verb the question asks about, at 0.8', () => {
    expect(ways(concept('Who founded Acme Corp?', 'founded'))).toContainEqual(['founder', 0.8]);
  });

  it('corrects a misspelt word the corpus lacks, at 0.9, but never an English word', () => {
    expect(ways(concept('semicondutor supply chains', 'semicondutor'))).toContainEqual([
      'semiconductor',
      0.9,
    ]);
    expect(ways(concept('Who has pockets?', 'pockets'))).toEqual([['pocket', 1]]);
  });

  it('offers a longer corpus word that begins with an unknown stem, at 0.9', () => {
    expect(ways(concept('rocketry news', 'rocketry'))).toEqual([
      ['rocketri', 1],
      ['rocket', 0.9],
    ]);
  });

  it('finds a place by its other names, a word by its synonyms, a phrase place on each of its words', () => {
    expect(ways(concept('Britain partnership', 'britain'))).toEqual(
      expect.arrayContaining([
        ['uk', 0.7],
        ['unit kingdom', 0.7],
      ]),
    );
    expect(ways(concept('Britain partnership', 'partnership'))).toContainEqual(['cooper', 0.6]);
    for (const word of ['united', 'kingdom'])
      expect(ways(concept('trade with the United Kingdom', word))).toContainEqual(['uk', 0.7]);
  });

  it('finds a name typed in lowercase as the corpus keeps it', () => {
    expect(ways(concept('corning glass', 'corning'))).toEqual([
      ['corn', 1],
      ['corning', 1],
    ]);
  });

  it('matches a hyphenated word by its parts, and splits one the corpus does not know', () => {
    expect(ways(concept('co-production deal', 'coproduction'))).toContainEqual(['co product', 0.9]);
    expect(concepts('Britain-Bharat deal').map((each) => each.label)).toEqual(['britain', 'bharat', 'deal']);
    expect(ways(concept('Britain-Bharat deal', 'bharat'))).toContainEqual(['india', 0.7]);
  });
});

describe('questionConcepts: what each word counts for', () => {
  it('weighs padding at 0.3 and an earlier turn at the weight asked', () => {
    expect(concept('more details on the rockets', 'details').weight).toBe(0.3);
    expect(concept('more details on the rockets', 'rockets').weight).toBe(1);
    const [earlier] = concepts('rockets', 0.5, true);
    expect(earlier).toMatchObject({ weight: 0.5, fromHistory: true });
    expect(concept('rockets', 'rockets').fromHistory).toBe(false);
  });

  it('counts a verb half towards answering, a verb the corpus never uses a quarter, a noun in full', () => {
    expect(concept('Who launched TSI?', 'launched')).toMatchObject({ isVerb: true, coverageShare: 0.5 });
    expect(concept('Where does Jane Smith work?', 'work').coverageShare).toBe(0.25);
    expect(concept('Who launched TSI?', 'tsi')).toMatchObject({ isVerb: false, coverageShare: 1 });
  });

  it('counts the verb of a how-to question in full, as what the asker means to do', () => {
    expect(concept('how do I fix the fryer', 'fix')).toMatchObject({ coverageShare: 1, isFocus: true });
  });

  it('takes names, and words neither English nor in the corpus in any form, as names', () => {
    expect(concept('Who launched TSI?', 'tsi').isName).toBe(true);
    expect(concept('bitcoin prices', 'bitcoin').isName).toBe(true);
    expect(concept('bitcoin prices', 'prices').isName).toBe(false);
    expect(concept('rocketry news', 'rocketry').isName).toBe(false);
  });

  it('reads a run of names as one name, its last word its head', () => {
    const smith = concepts('Where does Jane Smith work?');
    expect(smith.map((each) => [each.label, each.nameHead])).toEqual([
      ['jane', false],
      ['smith', true],
      ['work', true],
    ]);
    expect(nameRuns(concepts('When did Jane Smith meet Acme Corp?'))).toEqual([1, 1, 2, 4, 4]);
  });

  it('marks what a what-question asks about, and the nouns that say which of a thing', () => {
    expect(
      concepts('What is the best oil for frying?')
        .filter((each) => each.isFocus)
        .map((each) => each.label),
    ).toEqual(['oil']);
    expect(concept('Who makes jet engines?', 'engines').modifiedBy).toEqual(['jet']);
    expect(concept('Who makes jet engines?', 'jet').modifiedBy).toBeUndefined();
  });

  it('counts a word said twice once', () => {
    expect(concepts('India trade with India').map((each) => each.label)).toEqual(['india', 'trade']);
  });
});

describe('searchWeights', () => {
  it('searches each way of saying a concept at its weight, a long form shared among its words', () => {
    const weights = searchWeights(concepts('Who launched TSI?'));
    expect(weights.get('tsi')).toBe(1);
    expect(weights.get('launch')).toBe(1);
    expect(weights.get('start')).toBeCloseTo(0.6);
    expect(weights.get('secur')).toBeCloseTo(0.8 * 0.7);
  });

  it('gives a term the strongest claim on it', () => {
    const weights = searchWeights([...concepts('rockets', 0.5, true), ...concepts('rockets')]);
    expect(weights.get('rocket')).toBe(1);
  });
});

describe('conceptMatch and conceptIdf', () => {
  const [launched, tsi] = concepts('Who launched TSI?');

  it('scores a concept by the best way of saying it that is all present', () => {
    expect(conceptMatch(tsi, new Set(['tsi']))).toBe(1);
    expect(conceptMatch(tsi, new Set(['technolog', 'secur', 'initiativ']))).toBe(0.8);
    expect(conceptMatch(tsi, new Set(['technolog', 'secur']))).toBe(0);
    expect(conceptMatch(launched, new Set(['start', 'launch']))).toBe(1);
    expect(conceptMatch(launched, new Set(['start']))).toBe(0.6);
  });

  it('rates a concept as rare as its commonest known way, and one the corpus lacks as rarest', () => {
    expect(conceptIdf(tsi, engine.index)).toBe(engine.index.idf('tsi'));
    const [bitcoin] = concepts('bitcoin');
    expect(conceptIdf(bitcoin, engine.index)).toBe(engine.index.idf(''));
    expect(conceptIdf(bitcoin, engine.index)).toBeGreaterThan(conceptIdf(tsi, engine.index));
  });
});
