import { analyze } from '../../src/analysis/analyzer';

describe('analyze', () => {
  it('indexes words that are also names of Object.prototype members', () => {
    // Reuters copy says "constructor"; a plain-object lookup of irregular verbs returned a function for it.
    expect(analyze('The constructor said hasOwnProperty and toString').map((token) => token.term)).toEqual([
      'constructor',
      'hasownproperti',
      'tostr',
    ]);
  });
});

describe('analyzer rules', () => {
  const terms = (text: string) => analyze(text).map((token) => token.term);

  it('matches hyphenated words joined and split', () => {
    expect(terms('co-production')).toEqual(expect.arrayContaining(terms('coproduction')));
    expect(terms('co-production')).toEqual(expect.arrayContaining(terms('co production')));
    expect(terms('Indo-Pacific')).toEqual(expect.arrayContaining(terms('Indo Pacific')));
  });

  it('strips accents, possessives and stopwords, and folds British spellings', () => {
    expect(terms('India’s Pérez')).toEqual(terms('india perez'));
    expect(terms('the defence of the organisation')).toEqual(terms('defense organization'));
  });

  it('reads US (the country) apart from us (the pronoun)', () => {
    expect(terms('the US and the U.S.')).toEqual(['usa', 'usa']);
    expect(terms('tell us')).toEqual([]);
  });

  it('keeps a country typed with dots in lowercase, as people type it in Slack', () => {
    expect(terms('u.k. unemployment')).toEqual(terms('U.K. unemployment'));
    expect(terms('u.s. trade')).toEqual(terms('US trade'));
    expect(terms('the u.n. said')).toEqual(terms('the U.N. said'));
  });

  it('reads a name the same at the start of a sentence as inside one', () => {
    expect(terms('Lammy said so.')).toEqual(['lammy']);
    expect(terms('They met Lammy.')).toContain('lammy');
    expect(terms('Corning said so.')).not.toContain(terms('corn')[0]);
    expect(terms('Prices rose.')).toEqual(terms('prices rose'));
  });

  it('lemmatizes irregular past forms', () => {
    expect(terms('met')).toEqual(terms('meet'));
    expect(terms('held')).toEqual(terms('holds'));
  });
});
