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
