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
  const vocabulary = new Vocabulary();
  for (const word of ['semiconductor', 'minister', 'minister', 'ministry', 'talks'])
    vocabulary.add(word, term(word));

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

  it('allows one edit up to seven letters and two from eight', () => {
    expect(vocabulary.nearest('tlaks')?.surface).toBe('talks');
    expect(vocabulary.nearest('tlaksx')).toBeUndefined();
    expect(vocabulary.nearest('semicndutor')?.surface).toBe('semiconductor');
    expect(vocabulary.nearest('smicndutor')).toBeUndefined();
  });

  it('leaves numbers alone and keeps counts across a snapshot', () => {
    expect(vocabulary.nearest('talks2')).toBeUndefined();
    const restored = Vocabulary.fromEntries(vocabulary.entries());
    expect(restored.size).toBe(4);
    expect(restored.has('minister')).toBe(true);
    expect(restored.nearest('ministr')?.surface).toBe('minister');
  });

  it('leaves short words and far-off words alone', () => {
    expect(vocabulary.nearest('tlk')).toBeUndefined();
    expect(vocabulary.nearest('football')).toBeUndefined();
  });
});
