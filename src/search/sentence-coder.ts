import { type AnalyzedToken, analyzeWord, writtenWords } from '../analysis/analyzer';
import { Vocabulary } from '../analysis/spelling';
import type { PassageWordsWriter } from './passage-tokens';

/** One token a written word makes, with its term's id and how often passages have said it so far. */
interface CodedToken {
  surface: string;
  term: string;
  termId: number;
  isPart: boolean;
  count: number;
}

/** A stopword's tokens. */
const NO_TOKENS: readonly CodedToken[] = [];

/**
 * Turns the sentences of passages into term ids as an index is built, analyzing each distinct word as
 * written once: a corpus says the same words over and over, and looking each token up in the analyzer's
 * memo, then in the vocabulary, then among the term ids, was a third of a large build. A word's tokens are
 * kept with their term ids, and counted, the first time it is read.
 *
 * Terms are numbered, and the vocabulary made, in the order passages first say them, as analyzing every
 * sentence token by token would: a term is first said where the first word as written that makes it is.
 */
export class SentenceCoder {
  private readonly codedWords = new Map<string, CodedToken | readonly CodedToken[]>();
  /** Each term's id: its place in the order the terms were first met. */
  readonly termIds = new Map<string, number>();

  /** The id of `term`, given the next one when it is new. */
  termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.termIds.size;
      this.termIds.set(term, id);
    }
    return id;
  }

  /**
   * Writes one sentence of a passage to `writer` (its tokens, then its end), appends its tokens' term ids
   * to `termIds`, and counts each token's word for the vocabulary.
   */
  sentence(text: string, writer: PassageWordsWriter, termIds: number[]): void {
    // As `pairings` says of analyzed tokens: a whole word pairs with the whole word before it when at most
    // one word stands between them.
    let previousWhole = Number.NEGATIVE_INFINITY;
    const words = writtenWords(text);
    for (let position = 0; position < words.length; position++) {
      const coded = this.coded(words[position]);
      if (Array.isArray(coded)) {
        for (const token of coded as readonly CodedToken[]) {
          const pairs = !token.isPart && position - previousWhole <= 2;
          if (!token.isPart) previousWhole = position;
          this.write(token, pairs, writer, termIds);
        }
      } else {
        const token = coded as CodedToken;
        this.write(token, position - previousWhole <= 2, writer, termIds);
        previousWhole = position;
      }
    }
    writer.endSentence();
  }

  /** Every word passages said, with its term and how often: in the order they were first said. */
  vocabulary(): Vocabulary {
    const vocabulary = new Vocabulary();
    const add = (token: CodedToken) => vocabulary.add(token.surface, token.term, token.count);
    for (const coded of this.codedWords.values()) {
      if (Array.isArray(coded)) (coded as readonly CodedToken[]).forEach(add);
      else add(coded as CodedToken);
    }
    return vocabulary;
  }

  private write(token: CodedToken, pairs: boolean, writer: PassageWordsWriter, termIds: number[]): void {
    token.count++;
    termIds.push(token.termId);
    writer.word(token.termId, token.isPart, pairs);
  }

  /** The tokens of a word as written: one token kept by itself, several or none as an array. */
  private coded(written: string): CodedToken | readonly CodedToken[] {
    let coded = this.codedWords.get(written);
    if (coded === undefined) {
      const analyzed: AnalyzedToken[] = [];
      analyzeWord(written, 0, analyzed);
      const tokens = analyzed.map(({ surface, term, isPart }) => ({
        surface,
        term,
        termId: this.termId(term),
        isPart,
        count: 0,
      }));
      coded = tokens.length === 0 ? NO_TOKENS : tokens.length === 1 && !tokens[0].isPart ? tokens[0] : tokens;
      this.codedWords.set(written, coded);
    }
    return coded;
  }
}
