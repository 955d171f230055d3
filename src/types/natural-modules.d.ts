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
declare module 'natural/lib/natural/brill_pos_tagger' {
  export class Lexicon {
    constructor(language: string, defaultCategory: string, defaultCategoryCapitalized?: string);
    /** Word → its possible tags. */
    lexicon: Record<string, string[]>;
  }
  export class RuleSet {
    constructor(language: string);
  }
  export class BrillPOSTagger {
    constructor(lexicon: Lexicon, ruleSet: RuleSet);
    tag(words: string[]): { taggedWords: { token: string; tag: string }[] };
  }
}
