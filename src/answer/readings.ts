import { type AnalyzedToken, analyze } from '../analysis/analyzer';
import type { CorpusDocument, Passage } from '../corpus/types';
import {
  addTermIds,
  type PassageWords,
  pairings,
  type TokenVisitor,
  visitWords,
} from '../search/passage-tokens';

/** Where passages' and headlines' analyzed words may be kept: their index. */
export interface KeptWords {
  wordsOf(passage: Passage): PassageWords | undefined;
  headlineWordsOf(document: CorpusDocument): PassageWords | undefined;
}

/**
 * A passage's words, analyzed once. Its sets hold only the terms of the readings' focus (all of them when
 * there is none), and its pairs only pairs of those terms.
 */
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
  private readonly passageTermIds = new Map<string, Set<number>>();
  private readonly localIds = new Map<string, number>();

  /**
   * `kept`: the index whose passages are read, which kept their words when it analyzed them. `focus`:
   * the only terms the question will look for in passages. A passage says a hundred terms and a question
   * asks after a dozen: the words kept of eighty candidates, each put in four sets, were most of what
   * reading them cost, and most of the garbage an answer left.
   */
  constructor(
    private readonly kept?: KeptWords,
    private readonly focus?: ReadonlySet<string>,
  ) {}

  /** A passage analyzed once per sentence: as its index kept it, or analyzed now. */
  passage(passage: Passage): PassageReading {
    const cached = this.passages.get(passage.id);
    if (cached) return cached;
    const reading = emptyReading(passage.sentences);
    this.visit(passage, readingCollector(reading, this.focus));
    this.passages.set(passage.id, reading);
    return reading;
  }

  /**
   * Every term a passage says, whatever the focus, as ids: what tells passages that say the same thing
   * apart. The ids are the index's where it kept the passage's words, else (below 0) given by these
   * readings as terms come: ids of one readings compare, not of two.
   */
  termIds(passage: Passage): Set<number> {
    let ids = this.passageTermIds.get(passage.id);
    if (!ids) {
      const said = new Set<number>();
      const words = this.kept?.wordsOf(passage);
      if (words) addTermIds(words, said);
      else
        for (const sentence of passage.sentences)
          for (const { term } of analyze(sentence)) said.add(this.localId(term));
      ids = said;
      this.passageTermIds.set(passage.id, ids);
    }
    return ids;
  }

  private localId(term: string): number {
    let id = this.localIds.get(term);
    if (id === undefined) {
      id = -1 - this.localIds.size;
      this.localIds.set(term, id);
    }
    return id;
  }

  private visit(passage: Passage, visitor: TokenVisitor): void {
    const words = this.kept?.wordsOf(passage);
    if (words) visitWords(words, visitor);
    else for (const sentence of passage.sentences) visitTokens(analyze(sentence), visitor);
  }

  /**
   * A document's headline analyzed once: as its index kept it, or analyzed now. Its words as written are
   * analyzed only if asked for, as few candidates' headlines need them.
   */
  headline(document: CorpusDocument): HeadlineReading {
    let title = this.headlines.get(document.file);
    if (!title) {
      const reading = emptyReading([]);
      const collector = readingCollector(reading, undefined);
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
 * pairs of whole words side by side (never across two sentences: a phrase is said within one); of the
 * terms in `focus` only, when there is one.
 */
function readingCollector(reading: PassageReading, focus: ReadonlySet<string> | undefined): TokenVisitor {
  let sentence = new Set<string>();
  let previous: string | undefined;
  return {
    token(term, isPart, pairsWithPrevious) {
      const wanted = focus === undefined || focus.has(term);
      if (wanted) {
        sentence.add(term);
        reading.terms.add(term);
      }
      if (isPart) return;
      if (wanted) {
        reading.wholeWords.add(term);
        if (pairsWithPrevious && previous !== undefined) reading.pairs.add(`${previous} ${term}`);
      }
      previous = wanted ? term : undefined;
    },
    sentenceEnd() {
      reading.sentenceTerms.push(sentence);
      sentence = new Set();
    },
  };
}
