import { type AnalyzedToken, analyzeWord, writtenWords } from '../analysis/analyzer';
import { Vocabulary } from '../analysis/spelling';
import { Pairing, type PassageWordsWriter } from './passage-tokens';

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
  private readonly codedWords = new WrittenWords<CodedToken | readonly CodedToken[]>();
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
    const pairing = new Pairing();
    const words = writtenWords(text);
    for (let position = 0; position < words.length; position++) {
      const coded = this.coded(words[position]);
      if (Array.isArray(coded)) {
        for (const token of coded as readonly CodedToken[]) {
          this.write(token, pairing.next(position, token.isPart), writer, termIds);
        }
      } else {
        const token = coded as CodedToken;
        this.write(token, pairing.next(position, token.isPart), writer, termIds);
      }
    }
    writer.endSentence();
  }

  /** Every word passages said, with its term and how often: in the order they were first said. */
  vocabulary(): Vocabulary {
    const vocabulary = new Vocabulary();
    const add = (token: CodedToken) => vocabulary.add(token.surface, token.term, token.count);
    for (const coded of this.codedWords.inOrder()) {
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

/**
 * Words as written, each with a value: a table open-addressed by a hash of the word's characters. Every
 * token of a build is looked up here; in a `Map` of the corpus's tens of thousands of words, each lookup
 * followed its bucket's chain from key to key across the heap, where this one compares the hashes kept
 * side by side first and reads a key only when its hash matches (about twice as fast at 100k passages).
 */
class WrittenWords<V> {
  /** Each slot's hash, never 0; 0 for an empty slot. */
  private hashes = new Int32Array(1 << 12);
  private keys: string[] = new Array(1 << 12);
  private values: V[] = new Array(1 << 12);
  private readonly order: V[] = [];

  /** The value of `word`, or undefined. */
  get(word: string): V | undefined {
    const hash = hashOf(word);
    const mask = this.hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.hashes[slot];
      if (stored === 0) return undefined;
      if (stored === hash && this.keys[slot] === word) return this.values[slot];
    }
  }

  /** Gives `word`, not yet in the table, its value. */
  set(word: string, value: V): void {
    if ((this.order.length + 1) * 2 > this.hashes.length) this.grow();
    this.place(hashOf(word), word, value);
    this.order.push(value);
  }

  /** Every value, in the order the words were set. */
  inOrder(): readonly V[] {
    return this.order;
  }

  private place(hash: number, word: string, value: V): void {
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    while (this.hashes[slot] !== 0) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.keys[slot] = word;
    this.values[slot] = value;
  }

  private grow(): void {
    const { hashes, keys, values } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.keys = new Array(hashes.length * 2);
    this.values = new Array(hashes.length * 2);
    for (let slot = 0; slot < hashes.length; slot++) {
      if (hashes[slot] !== 0) this.place(hashes[slot], keys[slot], values[slot]);
    }
  }
}

/** FNV-1a of the word's UTF-16 code units, never 0 (the mark of an empty slot). */
function hashOf(word: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash === 0 ? 1 : hash;
}
