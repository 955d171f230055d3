// natural ships typings for its index only; these are the deep modules coop loads on their own.
declare module 'natural/lib/natural/util/stopwords' {
  export const words: string[];
}
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const PorterStemmer: { stem(word: string): string };
  export = PorterStemmer;
}
declare module 'natural/lib/natural/distance/levenshtein_distance' {
  export function DamerauLevenshteinDistance(
    source: string,
    target: string,
    options?: { restricted?: boolean },
  ): number;
}
declare module 'natural/lib/natural/brill_pos_tagger/lib/Brill_POS_Tagger' {
  class BrillPOSTagger {
    /** `lexicon` gives a word's tags, the likeliest first; `ruleSet` is natural's `RuleSet`. */
    constructor(lexicon: { tagWord(word: string): string[] }, ruleSet: unknown);
    tag(words: string[]): { taggedWords: { token: string; tag: string }[] };
  }
  export = BrillPOSTagger;
}
declare module 'natural/lib/natural/brill_pos_tagger/lib/RuleSet' {
  /** natural's transformation rules for `language` ('EN'), which its Brill tagger applies after the lexicon. */
  class RuleSet {
    constructor(language: string);
  }
  export = RuleSet;
}
