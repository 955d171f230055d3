import { isEnglishWord, questionRoles } from '../../src/analysis/part-of-speech';

describe('questionRoles', () => {
  it('finds the verb after the subject, however the subject runs on', () => {
    expect(questionRoles('When does Modi travel to the US?').verbs).toContain('travel');
    expect(questionRoles('Which officials did the US defence secretary meet?').verbs).toContain('meet');
    expect(questionRoles('Which officials did the US defence secretary meet?').verbs).not.toContain(
      'defence',
    );
    // Names joined by "and" are one subject; "first" between it and the verb is an adverb.
    const joined = questionRoles('When did the UK and India first pledge to cooperate on telecom?');
    expect(joined.verbs).toContain('pledge');
    expect(joined.verbs).not.toContain('and');
    expect(joined.modifiers).toContain('first');
  });

  it('reads capitalised words and acronyms as names, lowercase adjectives as modifiers', () => {
    const roles = questionRoles('What was the main objective of the TSI for Lloyd Austin?');
    expect([...roles.names]).toEqual(expect.arrayContaining(['tsi', 'lloyd', 'austin']));
    expect(roles.modifiers).toContain('main');
    expect(roles.names).not.toContain('objective');
  });
});

describe('isEnglishWord', () => {
  it('reads a word between an adjective and a noun as a noun of the compound, not a modifier', () => {
    // The tagger calls "back" an adverb; here it is the part of the body that hurts.
    const roles = questionRoles('what are good exercises for lower back pain');
    expect(roles.modifiers).toContain('lower');
    expect(roles.modifiers).not.toContain('back');
    expect(questionRoles('when will they come back').modifiers).toContain('back');
  });

  it('knows ordinary English words, British spellings included, but not misspellings or coinages', () => {
    expect(isEnglishWord('charge')).toBe(true);
    expect(isEnglishWord('organised')).toBe(true);
    expect(isEnglishWord('minsiter')).toBe(false);
    expect(isEnglishWord('bitcoin')).toBe(false);
  });
});
