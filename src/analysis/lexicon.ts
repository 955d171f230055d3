import { Lexicon } from 'natural/lib/natural/brill_pos_tagger';

let lexicon: Lexicon | undefined;

/** natural's English lexicon (about 93,000 words with their parts of speech), loaded on first use. */
export function englishLexicon(): Lexicon {
  lexicon ??= new Lexicon('EN', 'N', 'NNP');
  return lexicon;
}

/** True when the lexicon lists this exact lowercased word as ordinary English. */
export function lexiconHas(word: string): boolean {
  return Object.hasOwn(englishLexicon().lexicon, word);
}
