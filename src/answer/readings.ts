import { type AnalyzedToken, analyze } from '../analysis/analyzer';
import type { CorpusDocument, Passage } from '../corpus/types';

/** A passage's words, analyzed once. */
export interface PassageReading {
  sentences: string[];
  /** Adjacent word pairs (`technolog secur`), for phrases said whole. */
  pairs: Set<string>;
  terms: Set<string>;
  /** Terms of whole words, not of hyphen parts. */
  wholeWords: Set<string>;
  sentenceTerms: Set<string>[];
}

/** A document's headline, analyzed once. */
export interface HeadlineReading {
  terms: Set<string>;
  pairs: Set<string>;
  /** Its words as written (folded, unstemmed): "sells" apart from "sell". */
  words: Set<string>;
}

/**
 * The analysis of the passages and headlines one question reads (its candidates and the passages that
 * set their scene), each analyzed once however often the question comes back to it.
 */
export class Readings {
  private readonly headlines = new Map<string, HeadlineReading>();
  private readonly passages = new Map<string, PassageReading>();

  /** A passage analyzed once per sentence. */
  passage(passage: Passage): PassageReading {
    const cached = this.passages.get(passage.id);
    if (cached) return cached;
    const reading: PassageReading = {
      pairs: new Set(),
      terms: new Set(),
      wholeWords: new Set(),
      sentenceTerms: [],
      sentences: passage.sentences,
    };
    for (const sentence of passage.sentences) {
      const tokens = analyze(sentence);
      const sentenceTerms = new Set<string>();
      for (const token of tokens) {
        sentenceTerms.add(token.term);
        reading.terms.add(token.term);
        if (!token.isPart) reading.wholeWords.add(token.term);
      }
      reading.sentenceTerms.push(sentenceTerms);
      // Pairs never span two sentences: a phrase is said within one.
      addAdjacentPairs(tokens, reading.pairs);
    }
    this.passages.set(passage.id, reading);
    return reading;
  }

  /** A document's headline analyzed once. */
  headline(document: CorpusDocument): HeadlineReading {
    let title = this.headlines.get(document.file);
    if (!title) {
      const tokens = analyze(document.title);
      title = {
        pairs: adjacentPairs(tokens),
        terms: new Set(tokens.map((token) => token.term)),
        words: new Set(tokens.map((token) => token.surface)),
      };
      this.headlines.set(document.file, title);
    }
    return title;
  }
}

/** Pairs of words side by side, a stopword between allowed: `technolog secur`. */
function adjacentPairs(tokens: AnalyzedToken[]): Set<string> {
  return addAdjacentPairs(tokens, new Set());
}

/** Adds the pairs of words side by side in `tokens` (see {@link adjacentPairs}) to `pairs`. */
function addAdjacentPairs(tokens: AnalyzedToken[], pairs: Set<string>): Set<string> {
  let previous: AnalyzedToken | undefined;
  for (const token of tokens) {
    if (token.isPart) continue;
    if (previous && token.position - previous.position <= 2) pairs.add(`${previous.term} ${token.term}`);
    previous = token;
  }
  return pairs;
}
