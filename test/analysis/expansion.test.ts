import { analyze } from '../../src/analysis/analyzer';
import { AcronymTable, longFormFor, placeAliases, placePhrases } from '../../src/analysis/expansion';
import { Vocabulary } from '../../src/analysis/spelling';

const term = (word: string) => analyze(word)[0].term;

describe('AcronymTable', () => {
  it('learns acronyms defined either way round', () => {
    const table = AcronymTable.mine([
      'The prime ministers launched the Technology Security Initiative (TSI) on Monday.',
      'Officials from the MoD (Ministry of Defence) attended.',
    ]);
    expect(table.expand('tsi')).toEqual([term('technology'), term('security'), term('initiative')]);
    expect(table.expand('mod')).toEqual([term('ministry'), term('defence')]);
    expect(table.acronymsIn([term('technology'), term('security'), term('initiative')])).toEqual([
      { acronym: 'tsi', start: 0, length: 3 },
    ]);
  });

  it('lets minor words and all-capital words shape the acronym', () => {
    expect(longFormFor('UKRI', 'funded by UK Research and Innovation'.split(' '))).toEqual([
      'UK',
      'Research',
      'and',
      'Innovation',
    ]);
    expect(longFormFor('NATO', 'the talks went well'.split(' '))).toBeUndefined();
  });
});

describe('placeAliases', () => {
  it('knows Britain, Bharat and America by their other names', () => {
    expect(placeAliases(term('Britain'))).toEqual(expect.arrayContaining([['uk']]));
    expect(placeAliases(term('Bharat'))).toEqual(expect.arrayContaining([[term('India')]]));
    expect(placeAliases('usa')).toEqual(expect.arrayContaining([[term('America')]]));
  });

  it('gives multi-word names as phrases, and nothing for a word that names no place', () => {
    expect(placeAliases('uk')).toEqual(
      expect.arrayContaining([analyze('United Kingdom').map((t) => t.term)]),
    );
    expect(placeAliases('uk')).not.toContainEqual(['uk']);
    expect(placeAliases(term('minister'))).toEqual([]);
  });
});

describe('placePhrases', () => {
  it('finds "United Kingdom" in a question and offers its one-word names', () => {
    const terms = analyze('talks with the United Kingdom').map((t) => t.term);
    const [phrase] = placePhrases(terms);
    expect(phrase).toMatchObject({ start: terms.indexOf(term('United')), length: 2 });
    expect(phrase.aliases).toEqual(expect.arrayContaining([['uk'], [term('Britain')]]));
    expect(placePhrases(analyze('united efforts of the kingdom').map((t) => t.term))).toEqual([]);
  });
});

describe('Vocabulary', () => {
  // Built for each test, so that each test is the one that builds it (the mutation run credits a test
  // only with the code it runs).
  let vocabulary: Vocabulary;
  beforeEach(() => {
    vocabulary = new Vocabulary();
    for (const word of ['semiconductor', 'minister', 'minister', 'ministry', 'talks', 'tax'])
      vocabulary.add(word, term(word));
  });

  it('corrects a transposition and a dropped letter', () => {
    expect(vocabulary.nearest('minsiter')?.surface).toBe('minister');
    expect(vocabulary.nearest('semicondutor')?.surface).toBe('semiconductor');
  });

  it('corrects a slip on the first key: a word whose first two letters are swapped', () => {
    // "imnister" shares no first letter with "minister"; its second letter is minister's first.
    expect(vocabulary.nearest('imnister')?.surface).toBe('minister');
    expect(vocabulary.nearest('esmiconductor')?.surface).toBe('semiconductor');
  });

  it('prefers the closer word, then the more frequent one', () => {
    // "ministr" is one edit from both; "minister" was seen twice.
    expect(vocabulary.nearest('ministr')).toMatchObject({ surface: 'minister', distance: 1 });
    expect(vocabulary.nearest('ministry')).toMatchObject({ surface: 'ministry', distance: 0 });
  });

  it('at equal distance, restores dropped letters before it swaps letters, however common the other word', () => {
    const ocean = new Vocabulary();
    for (const word of ['open', 'open', 'open', 'ocean']) ocean.add(word, term(word));
    // "ocen" is one edit from both: a dropped "a", or "p" typed as "c".
    expect(ocean.nearest('ocen')?.surface).toBe('ocean');
    expect(ocean.nearest('opan')?.surface).toBe('open');
  });

  it('prefers a word one changed letter away to a commoner one two dropped letters away', () => {
    const contracts = new Vocabulary();
    for (const word of ['contrasts', 'contractors', 'contractors', 'contractors'])
      contracts.add(word, term(word));
    expect(contracts.nearest('contracts')).toMatchObject({ surface: 'contrasts', distance: 1 });
  });

  it('allows one edit up to seven letters and two from eight', () => {
    expect(vocabulary.nearest('tlaks')?.surface).toBe('talks');
    expect(vocabulary.nearest('tlaksx')).toBeUndefined();
    expect(vocabulary.nearest('semicndutor')?.surface).toBe('semiconductor');
    expect(vocabulary.nearest('smicndutor')).toBeUndefined();
  });

  it('leaves numbers alone and keeps counts across a snapshot', () => {
    expect(vocabulary.nearest('talks2')).toBeUndefined();
    const restored = Vocabulary.fromEntries(vocabulary.entries());
    expect(restored.size).toBe(5);
    expect(restored.has('minister')).toBe(true);
    expect(restored.nearest('ministr')?.surface).toBe('minister');
  });

  it('leaves short words and far-off words alone', () => {
    expect(vocabulary.nearest('tlk')).toBeUndefined();
    expect(vocabulary.nearest('tex')).toBeUndefined();
    expect(vocabulary.nearest('football')).toBeUndefined();
  });
});

describe('AcronymTable in detail', () => {
  const terms = (text: string) => analyze(text).map((t) => t.term);

  it('learns nothing from text without a definition in parentheses', () => {
    expect(AcronymTable.mine(['The Technology Security Initiative TSI began.']).entries()).toEqual([]);
    expect(AcronymTable.mine(['Talks (held in Delhi) went well.']).entries()).toEqual([]);
  });

  it('finds each long form just before its parenthesis: after punctuation or a line break, ending a long run', () => {
    const table = AcronymTable.mine([
      'Talks began,Technology Security Initiative (TSI) first; then the Ministry of Defence\n(MoD) spoke ' +
        'and one two three four five six seven eight nine ten eleven the Joint Working Group (JWG) met.',
    ]);
    expect(table.expand('tsi')).toEqual(terms('Technology Security Initiative'));
    expect(table.expand('mod')).toEqual(terms('Ministry Defence'));
    expect(table.expand('jwg')).toEqual(terms('Joint Working Group'));
    // The parenthesis must stand apart from the words before it.
    expect(AcronymTable.mine(['The Technology Security Initiative(TSI) began.']).entries()).toEqual([]);
  });

  it('learns an acronym after its long form only when the parenthesis spells all of it', () => {
    const table = AcronymTable.mine([
      'The TSI (the new plan) and the IPEF (Indo-Pacific Economic Framework).',
    ]);
    expect(table.expand('tsi')).toBeUndefined();
    expect(table.expand('ipef')).toEqual(
      analyze('Indo-Pacific Economic Framework')
        .filter((token) => !token.isPart)
        .map((token) => token.term),
    );
  });

  it('keeps the first definition of an acronym, and needs two words of long form', () => {
    const table = AcronymTable.mine([
      'The Joint Working Group (JWG) met.',
      'The Joint Water Group (JWG) met.',
      'Sales of Stock (SS) rose.',
    ]);
    expect(table.expand('jwg')).toEqual(terms('Joint Working Group'));
    expect(table.expand('ss')).toEqual(terms('Sales Stock'));
    expect(AcronymTable.mine(['The Quad (QQ) met.']).entries()).toEqual([]);
  });

  it('keeps its definitions across a snapshot', () => {
    const table = AcronymTable.mine(['The Technology Security Initiative (TSI) began.']);
    expect(AcronymTable.fromEntries(table.entries()).expand('tsi')).toEqual(table.expand('tsi'));
  });

  it('finds every place an expansion occurs', () => {
    const table = AcronymTable.mine(['The Technology Security Initiative (TSI) began.']);
    const text = terms('Technology Security Initiative talks and the Technology Security Initiative');
    expect(table.acronymsIn(text)).toEqual([
      { acronym: 'tsi', start: 0, length: 3 },
      { acronym: 'tsi', start: 4, length: 3 },
    ]);
  });
});

describe('AcronymTable at the edges', () => {
  const expansion = ['technolog', 'secur', 'initiativ'];

  it('learns a definition however it is spaced', () => {
    expect(AcronymTable.mine(['The Technology  Security Initiative (TSI) began.']).expand('tsi')).toEqual(
      expansion,
    );
    expect(AcronymTable.mine(['The TSI ( Technology Security Initiative ) began.']).expand('tsi')).toEqual(
      expansion,
    );
    expect(AcronymTable.mine(['The TSI (Technology  Security Initiative) began.']).expand('tsi')).toEqual(
      expansion,
    );
  });

  it('learns a hyphenated acronym as one word, and never one that is a stopword', () => {
    expect(AcronymTable.mine(['the Multi-Role Fighter Xtreme (MRF-X) plan']).expand('mrfx')).toEqual(
      analyze('Multi-Role Fighter Xtreme')
        .filter((token) => !token.isPart)
        .map((token) => token.term),
    );
    expect(AcronymTable.mine(['Information Technology (IT) spending rose.']).entries()).toEqual([]);
  });
});

describe('longFormFor in detail', () => {
  it('reads an acronym with a symbol by its letters', () => {
    expect(longFormFor('R&D', 'spending on Research and Development'.split(' '))).toEqual([
      'Research',
      'and',
      'Development',
    ]);
  });

  it('takes every letter of an all-capital word, and never skips a major word', () => {
    expect(longFormFor('NATO', ['the', 'NATO'])).toEqual(['NATO']);
    expect(longFormFor('UKSR', ['UKs', 'Research'])).toBeUndefined();
    expect(longFormFor('AB', 'Alpha Gamma Beta'.split(' '))).toBeUndefined();
  });

  it('takes one initial per part of a hyphenated word', () => {
    expect(longFormFor('IPEF', 'the Indo-Pacific Economic Framework'.split(' '))).toEqual([
      'Indo-Pacific',
      'Economic',
      'Framework',
    ]);
  });

  it('does not start a long form with a minor word', () => {
    expect(longFormFor('MoD', 'officials of the Ministry of Defence'.split(' '))).toEqual([
      'Ministry',
      'of',
      'Defence',
    ]);
  });

  it('needs two capitals in the acronym and two letters', () => {
    expect(longFormFor('Ms', 'Modern scripts'.split(' '))).toBeUndefined();
    expect(longFormFor('A', 'Alpha'.split(' '))).toBeUndefined();
    expect(longFormFor('AB', 'Alpha Beta'.split(' '))).toEqual(['Alpha', 'Beta']);
  });

  it('stops at a word that is only punctuation', () => {
    expect(longFormFor('SD', 'Security — Dialogue'.split(' '))).toBeUndefined();
  });

  it('looks back no further than the acronym and four minor words', () => {
    const words = 'Alpha of the and of the Beta'.split(' ');
    expect(longFormFor('AB', words)).toBeUndefined();
    expect(longFormFor('AB', 'Alpha of the and of Beta'.split(' '))).toEqual([
      'Alpha',
      'of',
      'the',
      'and',
      'of',
      'Beta',
    ]);
  });
});

describe('placePhrases in detail', () => {
  it('finds each multi-word place name, and offers its other names but not itself', () => {
    const terms = analyze('United States and United Kingdom and the United States').map((t) => t.term);
    const found = placePhrases(terms);
    expect(found.map(({ start, length }) => [start, length])).toEqual(
      expect.arrayContaining([
        [0, 2],
        [2, 2],
        [4, 2],
      ]),
    );
    const britain = analyze('Britain and the United Kingdom').map((t) => t.term);
    expect(placePhrases(britain).map(({ start, length }) => [start, length])).toEqual([[1, 2]]);
    const states = found.find(({ start }) => start === 0);
    expect(states?.aliases).toContainEqual(['usa']);
    expect(states?.aliases).not.toContainEqual(terms.slice(0, 2));
  });
});
