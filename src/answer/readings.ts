import { type AnalyzedToken, analyze } from '../analysis/analyzer';
import type { CorpusDocument, Passage } from '../corpus/types';

/** Passages whose analysis is kept between questions. */
const READING_CACHE_SIZE = 2000;

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

/** The analysis of passages and headlines, kept between questions so that each is analyzed once. */
export class Readings {
  private readonly headlines = new Map<string, HeadlineReading>();
  private readonly passages = new Map<string, PassageReading>();

  /** A passage analyzed once per sentence; recently read passages are kept, as popular ones recur. */
  passage(passage: Passage): PassageReading {
    const cached = this.passages.get(passage.id);
    if (cached) return cached;
    const sentenceTokens = passage.sentences.map((sentence) => analyze(sentence));
    let offset = 0;
    // Positions run on across sentences, with a gap so that no phrase spans two of them.
    const tokens = sentenceTokens.flatMap((sentence) => {
      const shifted = sentence.map((token) => ({ ...token, position: token.position + offset }));
      offset += (sentence.at(-1)?.position ?? 0) + 3;
      return shifted;
    });
    const reading: PassageReading = {
      pairs: adjacentPairs(tokens),
      terms: new Set(tokens.map((token) => token.term)),
      wholeWords: new Set(tokens.filter((token) => !token.isPart).map((token) => token.term)),
      sentenceTerms: sentenceTokens.map((sentence) => new Set(sentence.map((token) => token.term))),
      sentences: passage.sentences,
    };
    if (this.passages.size >= READING_CACHE_SIZE)
      this.passages.delete(this.passages.keys().next().value ?? '');
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
  const pairs = new Set<string>();
  const words = tokens.filter((token) => !token.isPart);
  for (let i = 1; i < words.length; i++) {
    if (words[i].position - words[i - 1].position <= 2) pairs.add(`${words[i - 1].term} ${words[i].term}`);
  }
  return pairs;
}
