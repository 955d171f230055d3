import { analyze } from '../../src/analysis/analyzer';
import { AcronymTable, longFormFor, placeAliases } from '../../src/analysis/expansion';
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
});

describe('Vocabulary', () => {
  const vocabulary = new Vocabulary();
  for (const word of ['semiconductor', 'minister', 'minister', 'ministry', 'talks'])
    vocabulary.add(word, term(word));

  it('corrects a transposition and a dropped letter', () => {
    expect(vocabulary.nearest('minsiter')?.surface).toBe('minister');
    expect(vocabulary.nearest('semicondutor')?.surface).toBe('semiconductor');
  });

  it('leaves short words and far-off words alone', () => {
    expect(vocabulary.nearest('tlk')).toBeUndefined();
    expect(vocabulary.nearest('football')).toBeUndefined();
  });
});
