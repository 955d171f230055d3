import { type AnalyzedToken, analyze } from '../analysis/analyzer';
import type { CorpusDocument, Passage } from '../corpus/types';
import { type PassageWords, pairings, type TokenVisitor, visitWords } from '../search/passage-tokens';

/** Where passages' and headlines' analyzed words may be kept: their index. */
export interface KeptWords {
  wordsOf(passage: Passage): PassageWords | undefined;
  headlineWordsOf(document: CorpusDocument): PassageWords | undefined;
}

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

  /** `kept`: the index whose passages are read, which kept their words when it analyzed them. */
  constructor(private readonly kept?: KeptWords) {}

  /** A passage analyzed once per sentence: as its index kept it, or analyzed now. */
  passage(passage: Passage): PassageReading {
    const cached = this.passages.get(passage.id);
    if (cached) return cached;
    const reading = emptyReading(passage.sentences);
    const collector = readingCollector(reading);
    const words = this.kept?.wordsOf(passage);
    if (words) visitWords(words, collector);
    else for (const sentence of passage.sentences) visitTokens(analyze(sentence), collector);
    this.passages.set(passage.id, reading);
    return reading;
  }

  /**
   * A document's headline analyzed once: as its index kept it, or analyzed now. Its words as written are
   * analyzed only if asked for, as few candidates' headlines need them.
   */
  headline(document: CorpusDocument): HeadlineReading {
    let title = this.headlines.get(document.file);
    if (!title) {
      const reading = emptyReading([]);
      const collector = readingCollector(reading);
      const kept = this.kept?.headlineWordsOf(document);
      let tokens: AnalyzedToken[] | undefined;
      if (kept) visitWords(kept, collector);
      else {
        tokens = analyze(document.title);
        visitTokens(tokens, collector);
      }
      let words: Set<string> | undefined;
      title = {
        pairs: reading.pairs,
        terms: reading.terms,
        get words() {
          tokens ??= analyze(document.title);
          words ??= new Set(tokens.map((token) => token.surface));
          return words;
        },
      };
      this.headlines.set(document.file, title);
    }
    return title;
  }
}

function emptyReading(sentences: string[]): PassageReading {
  return { pairs: new Set(), terms: new Set(), wholeWords: new Set(), sentenceTerms: [], sentences };
}

/** One sentence's tokens, as {@link visitWords} reads kept ones. */
function visitTokens(tokens: AnalyzedToken[], visitor: TokenVisitor): void {
  const pairs = pairings(tokens);
  tokens.forEach((token, i) => {
    visitor.token(token.term, token.isPart, pairs[i]);
  });
  visitor.sentenceEnd();
}

/**
 * Fills `reading` token by token: each sentence's terms, every term, the terms of whole words, and the
 * pairs of whole words side by side (never across two sentences: a phrase is said within one).
 */
function readingCollector(reading: PassageReading): TokenVisitor {
  let sentence = new Set<string>();
  let previous = '';
  return {
    token(term, isPart, pairsWithPrevious) {
      sentence.add(term);
      reading.terms.add(term);
      if (isPart) return;
      reading.wholeWords.add(term);
      if (pairsWithPrevious) reading.pairs.add(`${previous} ${term}`);
      previous = term;
    },
    sentenceEnd() {
      reading.sentenceTerms.push(sentence);
      sentence = new Set();
    },
  };
}
