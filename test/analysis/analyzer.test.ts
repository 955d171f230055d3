import { americanSpelling, analyze, foldText, isStopword, stem } from '../../src/analysis/analyzer';

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

describe('spellings that must meet', () => {
  const sameTerms = (a: string, b: string) =>
    expect(analyze(a).map((t) => t.term)).toEqual(analyze(b).map((t) => t.term));

  it.each([
    ['focussed', 'focused'],
    ['biassing', 'biasing'],
    ['organised', 'organized'],
    ['organisation', 'organization'],
    ['organisers', 'organizers'],
    ['defence', 'defense'],
    ['offences', 'offenses'],
    ['licence', 'license'],
    ['pretence', 'pretense'],
    ['colour', 'color'],
    ['honours', 'honors'],
    ['labouring', 'laboring'],
    ['favourites', 'favorites'],
    ['centre', 'center'],
    ['metre', 'meter'],
    ['litres', 'liters'],
    ['theatres', 'theaters'],
    ['catalogue', 'catalog'],
    ['dialogues', 'dialogs'],
    ['catalogued', 'cataloged'],
    ['cataloguing', 'cataloging'],
    ['programme', 'program'],
    ['programmes', 'programs'],
    ['reprogramme', 'reprogram'],
  ])('British %s finds American %s', (british, american) => {
    expect(americanSpelling(british)).toBe(american);
    sameTerms(british, american);
  });

  it.each([
    'advise',
    'exercises',
    'raised',
    'promises',
    'enterprise',
    'science',
    'evidence',
    'fence',
    'acre',
    'vogue',
    'programmer',
    'programmed',
    'tour',
    'flour',
    'resourceful',
    'distressed',
  ])('leaves %s, which is not a British spelling, as it is', (word) => {
    expect(americanSpelling(word)).toBe(word);
  });

  it('keeps the -us of focus and census through their inflections', () => {
    expect(stem('focus')).toBe('focus');
    expect(stem('focused')).toBe('focus');
    expect(stem('focuses')).toBe('focus');
    expect(stem('census')).toBe('census');
  });

  it('keeps an initiative apart from initiating', () => {
    expect(stem('initiative')).toBe('initiativ');
    expect(stem('initiative')).toBe(stem('initiatives'));
    expect(stem('initiative')).not.toBe(stem('initiate'));
  });

  it('lemmatizes each irregular form to its verb', () => {
    for (const [form, verb] of [
      ['met', 'meet'],
      ['signed', 'sign'],
      ['sold', 'sell'],
      ['fled', 'flee'],
    ])
      expect(stem(form)).toBe(stem(verb));
  });
});

describe('tokens', () => {
  const tokens = (text: string) =>
    analyze(text).map((t) => [t.surface, t.term, t.position, t.isPart] as const);

  it('gives a hyphenated word its joined form and each part, all at its position', () => {
    expect(tokens('The India-UK deal')).toEqual([
      ['indiauk', 'indiauk', 1, false],
      ['india', 'india', 1, true],
      ['uk', 'uk', 1, true],
      ['deal', 'deal', 2, false],
    ]);
  });

  it('drops the stopword parts of a hyphenated word but keeps its joined form', () => {
    expect(tokens('state-of-the-art')).toEqual([
      ['stateoftheart', 'stateoftheart', 0, false],
      ['state', 'state', 0, true],
      ['art', 'art', 0, true],
    ]);
  });

  it('keeps a hyphenated name whole, and stems a hyphenated common word', () => {
    expect(tokens('Lammy-Jones')).toEqual([
      ['lammyjones', 'lammyjones', 0, false],
      ['lammy', 'lammy', 0, true],
      ['jones', 'jones', 0, true],
    ]);
    // Half a name and half ordinary English: the joined word is not a name, the name part is.
    expect(tokens('Lammy-led')).toEqual([
      ['lammyled', stem('lammyled'), 0, false],
      ['lammy', 'lammy', 0, true],
      ['led', stem('led'), 0, true],
    ]);
    expect(tokens('Co-Production')[0]).toEqual(['coproduction', stem('coproduction'), 0, false]);
    expect(tokens('Co-Production')[2]).toEqual(['production', stem('production'), 0, true]);
  });

  it('joins letters across a dash as across a hyphen, but not words set apart by a dash', () => {
    expect(tokens('UK–India pact')).toEqual(tokens('UK-India pact'));
    expect(tokens('the 2023–24 budget')).toEqual(tokens('the 2023-24 budget'));
    expect(tokens('growth — jobs').map(([surface]) => surface)).toEqual(['growth', 'jobs']);
  });

  it('keeps a decimal number whole', () => {
    expect(tokens('3.5% growth')[0]).toEqual(['3.5', '3.5', 0, false]);
  });

  it('drops a possessive written with a backtick or a curly apostrophe', () => {
    expect(tokens('India`s plan')).toEqual(tokens('India plan'));
    expect(tokens('India’s plan')).toEqual(tokens('India plan'));
    expect(tokens('“quoted” ‘word’').map(([surface]) => surface)).toEqual(['quoted', 'word']);
  });

  it('reads every spelling of the United States as one word, and drops the dots of initialisms', () => {
    expect(tokens('U.S.A. and USA and U.S. and US').map(([, term]) => term)).toEqual([
      'usa',
      'usa',
      'usa',
      'usa',
    ]);
    expect(tokens('e.g. the U.N.').map(([, term]) => term)).toEqual(['eg', 'un']);
  });

  it('folds plurals and inflections onto one term', () => {
    expect(stem('talks')).toBe(stem('talk'));
    expect(stem('previous')).toBe(stem('previously'));
    expect(stem('continuous')).toBe(stem('continuously'));
    expect(stem('dangerous')).toBe(stem('dangerously'));
    expect(stem('signing')).toBe(stem('signed'));
  });

  it('stems a capitalised British spelling that English knows in its American form', () => {
    expect(tokens('Organisation of states')[0][1]).toBe(tokens('organisation of states')[0][1]);
    expect(tokens('Flavours of tea')[0][1]).toBe(stem('flavors'));
  });

  it('stems a capitalised word only when English knows it', () => {
    expect(tokens('Corning')[0][1]).toBe('corning');
    expect(tokens('corning')[0][1]).toBe(stem('corning'));
    expect(tokens('Prices')[0][1]).toBe(stem('prices'));
  });
});

describe('words that never make terms', () => {
  it('are stopwords and single letters, not single digits', () => {
    expect(isStopword('the')).toBe(true);
    expect(isStopword('x')).toBe(true);
    expect(isStopword('5')).toBe(false);
    expect(isStopword('india')).toBe(false);
    expect(analyze('the 5 x')).toHaveLength(1);
  });
});

describe('foldText', () => {
  it('folds accents, quotes, dashes, possessives and country initialisms, and lowercases', () => {
    expect(foldText('UK–India’s “Pérez”')).toBe('uk-india "perez"');
    expect(foldText('U.S. and U.K.').replace(/\s+/g, ' ').trim()).toBe('usa and uk');
  });
});
