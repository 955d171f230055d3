import type * as BrillModule from 'natural/lib/natural/brill_pos_tagger';

let brill: typeof BrillModule | undefined;
let lexicon: BrillModule.Lexicon | undefined;

/**
 * natural's Brill tagger module, required on first use: requiring it parses its lexicons (about a
 * quarter of a second), which a start from a snapshot does not need before it is listening.
 */
export function brillTaggerModule(): typeof BrillModule {
  brill ??= require('natural/lib/natural/brill_pos_tagger') as typeof BrillModule;
  return brill;
}

/** natural's English lexicon (about 93,000 words with their parts of speech), loaded on first use. */
export function englishLexicon(): BrillModule.Lexicon {
  lexicon ??= new (brillTaggerModule().Lexicon)('EN', 'N', 'NNP');
  return lexicon;
}

/** True when the lexicon lists this exact lowercased word as ordinary English. */
export function lexiconHas(word: string): boolean {
  return Object.hasOwn(englishLexicon().lexicon, word);
}
