import type { AnalyzedToken } from '../analysis/analyzer';

/**
 * Each passage's and each headline's analyzed words, kept from indexing.
 *
 * A question re-reads its eighty or so candidates in full, sentence by sentence, and their headlines;
 * analyzing them again (folding, splitting, stemming through a memo of every word of the corpus) was a
 * third of an answer's time on a large corpus, and most of what it allocated. Indexing analyzes every
 * sentence and headline anyway, so what a reading needs of each token is kept then, in one typed array
 * for the whole index: one 32-bit word per token, the term's id and two flags, and a marker closing
 * each sentence (a headline is one sentence).
 */

/** Closes a sentence in a passage's words. */
export const SENTENCE_END = 0xffffffff;
/** A part of a hyphenated word (`production` of `co-production`). */
const PART = 1;
/** A whole word that pairs with the whole word before it in its sentence: at most one word apart. */
const PAIRS = 2;
const FLAG_BITS = 2;
/** Term ids must leave room for the flags and the sentence marker. */
const MAX_TERM_ID = (SENTENCE_END >>> FLAG_BITS) - 1;

/** One passage's words as kept: a view of the index's words, and the terms their ids stand for. */
export interface PassageWords {
  words: Uint32Array;
  terms: readonly string[];
}

/** What a reading takes from one token: its term, whether it is a hyphen part, whether it pairs. */
export interface TokenVisitor {
  token(term: string, isPart: boolean, pairsWithPrevious: boolean): void;
  sentenceEnd(): void;
}

/**
 * Whether each whole-word token pairs with the whole word before it in its sentence (within two
 * positions: a stopword between them allowed), as phrases are matched.
 */
export function pairings(tokens: readonly AnalyzedToken[]): boolean[] {
  const pairing = new Pairing();
  return tokens.map((token) => pairing.next(token.position, token.isPart));
}

/**
 * The pairing rule of {@link pairings}, token by token through one sentence: for a builder that has the
 * tokens' positions but not the tokens.
 */
export class Pairing {
  private previousWhole = Number.NEGATIVE_INFINITY;

  /** Whether the token at `position` pairs with the whole word before it; a hyphen part never does. */
  next(position: number, isPart: boolean): boolean {
    if (isPart) return false;
    const pairs = position - this.previousWhole <= 2;
    this.previousWhole = position;
    return pairs;
  }
}

/** Reads `words` token by token into `visitor`. */
export function visitWords({ words, terms }: PassageWords, visitor: TokenVisitor): void {
  for (const word of words) {
    if (word === SENTENCE_END) {
      visitor.sentenceEnd();
      continue;
    }
    visitor.token(terms[word >>> FLAG_BITS], (word & PART) !== 0, (word & PAIRS) !== 0);
  }
}

/** Adds the id of each term of `words` to `ids`. */
export function addTermIds({ words }: PassageWords, ids: Set<number>): void {
  for (const word of words) if (word !== SENTENCE_END) ids.add(word >>> FLAG_BITS);
}

/** Collects passages' words as an index is built, passage after passage, sentence after sentence. */
export class PassageWordsWriter {
  private words = new Uint32Array(1 << 16);
  private length = 0;

  /** Adds a sentence's tokens, `termIds[i]` the id of the term of `tokens[i]`. */
  sentence(tokens: readonly AnalyzedToken[], termIds: readonly number[]): void {
    const pairs = pairings(tokens);
    tokens.forEach((token, i) => {
      this.word(termIds[i], token.isPart, pairs[i]);
    });
    this.endSentence();
  }

  /** Adds one token of the sentence being written: its term's id, and its two flags. */
  word(termId: number, isPart: boolean, pairsWithPrevious: boolean): void {
    if (!(termId >= 0 && termId <= MAX_TERM_ID)) throw new Error(`term id ${termId} out of range`);
    this.reserve(1);
    this.words[this.length++] = (termId << FLAG_BITS) | (isPart ? PART : 0) | (pairsWithPrevious ? PAIRS : 0);
  }

  /** Closes the sentence being written. */
  endSentence(): void {
    this.reserve(1);
    this.words[this.length++] = SENTENCE_END;
  }

  /** Every word added, in one array of their exact length. */
  finish(): Uint32Array {
    return this.words.slice(0, this.length);
  }

  private reserve(count: number): void {
    if (this.length + count <= this.words.length) return;
    const grown = new Uint32Array(Math.max(this.words.length * 2, this.length + count));
    grown.set(this.words.subarray(0, this.length));
    this.words = grown;
  }
}

/**
 * The words of every passage (and headline) of an index, found by its place in it. `words` hold them in
 * order; `sentenceCounts` says how many sentences each has, so where each starts is found by counting
 * sentence markers. Throws when they disagree.
 */
export class PassageWordsTable {
  private readonly starts: Uint32Array;

  constructor(
    private readonly words: Uint32Array,
    sentenceCounts: readonly number[],
    private readonly terms: readonly string[],
  ) {
    this.starts = new Uint32Array(sentenceCounts.length + 1);
    let at = 0;
    sentenceCounts.forEach((count, passage) => {
      for (let ended = 0; ended < count; at++) {
        if (at >= words.length) throw new Error('passage words end before their sentences');
        if (words[at] === SENTENCE_END) ended++;
        else if (words[at] >>> FLAG_BITS >= terms.length) throw new Error('a passage word names no term');
      }
      this.starts[passage + 1] = at;
    });
    if (at !== words.length) throw new Error('passage words hold more sentences than their passages');
  }

  /** The words of the passage at `place` in the index. */
  at(place: number): PassageWords {
    return { words: this.words.subarray(this.starts[place], this.starts[place + 1]), terms: this.terms };
  }

  /** Every word, in the machine's byte order, for a snapshot. */
  all(): Uint32Array {
    return this.words;
  }
}
