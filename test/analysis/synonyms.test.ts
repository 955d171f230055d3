import { stem } from '../../src/analysis/analyzer';
import { synonymsOf } from '../../src/analysis/synonyms';

describe('synonymsOf', () => {
  it('gives the other words of a word’s group, not the word itself', () => {
    const ofDeal = synonymsOf(stem('deal'));
    expect(ofDeal).toContainEqual([stem('agreement')]);
    expect(ofDeal).toContainEqual([stem('pact')]);
    expect(ofDeal).not.toContainEqual([stem('deal')]);
  });

  it('gives nothing for a word in no group, nor for a word of a group’s phrase alone', () => {
    expect(synonymsOf(stem('zebra'))).toEqual([]);
    // "armed forces" is a way to say "military", but "forces" alone is not.
    expect(synonymsOf(stem('forces'))).toEqual([]);
    expect(synonymsOf(stem('military'))).toContainEqual([stem('armed'), stem('forces')]);
  });
});
