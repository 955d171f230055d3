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

describe('questionRoles in detail', () => {
  it('reads a word after a determiner or a preposition as a thing, a participle there as a modifier', () => {
    const tap = questionRoles('How do I fix a leaking tap?');
    expect(tap.verbs).toContain('fix');
    expect(tap.verbs).not.toContain('leaking');
    expect(tap.modifiers).toContain('leaking');
    expect(questionRoles('How do I sync my contacts?').verbs).not.toContain('contacts');
    expect(questionRoles('news about the leaked memo').modifiers).toContain('leaked');
    expect(questionRoles('news about the leaked memo').verbs).not.toContain('leaked');
  });

  it('tags a British spelling as its American form, and keeps the word as asked', () => {
    expect(questionRoles('Where was the treaty organised?').verbs).toContain('organised');
  });

  it('reads acronyms of mixed case and with symbols as names, and quoted names without their quotes', () => {
    const roles = questionRoles('Who met the MoD and INDUS-X teams?');
    expect([...roles.names]).toEqual(expect.arrayContaining(['mod', 'indus-x']));
    expect(questionRoles('What did "Modi" say?').names).toContain('modi');
    expect(questionRoles('What did "Modi" say?').verbs).toContain('say');
  });

  it('takes names joined by "and" or "&" as one subject before the verb', () => {
    const att = questionRoles('When did AT&T and Verizon jointly announce the deal?');
    expect([...att.names]).toEqual(expect.arrayContaining(['at&t', 'verizon']));
    expect(att.verbs).toContain('announce');
    expect(att.modifiers).toContain('jointly');
    const tata = questionRoles('When did Tata & Sons first buy Jaguar?');
    expect(tata.verbs).toContain('buy');
    expect(tata.modifiers).toContain('first');
  });

  it('ends the verb phrase at a preposition, and finds the verb after "the" and a name', () => {
    expect(questionRoles('When did the UK sign the pact with India?').verbs).toContain('sign');
    expect(questionRoles('Did India officially launch the mission?').verbs).toContain('launch');
    expect(questionRoles('Did India officially launch the mission?').modifiers).toContain('officially');
    expect(questionRoles('When could Boeing deliver the jets?').verbs).toContain('deliver');
  });
});

describe('questionRoles at the edges', () => {
  it('reads acronyms as names whatever the tagger makes of them, folded as the analyzer folds them', () => {
    expect([...questionRoles('What did the US say?').names]).toEqual(['usa']);
    expect([...questionRoles('Who heads the WHO?').names]).toEqual(['who']);
    expect(questionRoles('What did the Americans say?').names).toContain('americans');
  });

  it('keeps an adjective after an adjective a modifier, and a capitalised adjective out of the modifiers', () => {
    expect(questionRoles('what are good cheap flights').modifiers).toContain('cheap');
    expect(questionRoles('Which British minister visited?').modifiers).not.toContain('british');
    expect(questionRoles('when did it start').modifiers).not.toContain('when');
  });

  it('leaves a verb after a determiner out of both verbs and modifiers unless it is a participle', () => {
    const roles = questionRoles('How do I sync my contacts?');
    expect(roles.verbs).not.toContain('contacts');
    expect(roles.modifiers).not.toContain('contacts');
  });

  it('finds the verb after a name when the question opens with its auxiliary', () => {
    expect(questionRoles('Does Modi travel to the US?').verbs).toContain('travel');
  });

  it('does not take the words after a subject that names no one for its verb', () => {
    expect(questionRoles('Do you know who launched TSI?').verbs).toContain('launched');
  });

  it('reads questions cut short, and names in brackets and quotes', () => {
    expect([...questionRoles('Who can?').verbs]).toEqual([]);
    expect([...questionRoles('When did the UK and India').names]).toEqual(['uk', 'india']);
    expect(questionRoles('What did ("Modi") say?').names).toContain('modi');
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
    expect(isEnglishWord('organisation')).toBe(true);
    expect(isEnglishWord('minsiter')).toBe(false);
    expect(isEnglishWord('bitcoin')).toBe(false);
  });
});
