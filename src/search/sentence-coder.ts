import { type AnalyzedToken, analyzeWord, foldKeepingCase, writtenWords } from '../analysis/analyzer';
import { Vocabulary } from '../analysis/spelling';
import { isAsciiDigit, isAsciiLetterOrDigit } from '../corpus/ascii-bytes';
import { Pairing, type PassageWordsWriter } from './passage-tokens';

/**
 * One token a written word makes, with its term's id (-1 until a passage says it) and how often passages
 * have said it so far.
 */
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
 * A document's sentences read ahead of indexing ({@link SentenceCoder.readAhead}): the sentences
 * themselves, and the ids of their words as written, sentence after sentence.
 */
interface SentencesRead {
  sentences: readonly string[];
  /** Where each sentence's words end in `words`. */
  ends: Int32Array;
  words: Int32Array;
}

/**
 * Turns the sentences of passages into term ids as an index is built, analyzing each distinct word as
 * written once: a corpus says the same words over and over, and looking each token up in the analyzer's
 * memo, then in the vocabulary, then among the term ids, was a third of a large build. A word's tokens are
 * kept with their term ids, and counted, the first time a passage says it.
 *
 * Terms are numbered, and the vocabulary made, in the order passages first say them, as analyzing every
 * sentence token by token would: a term is first said where the first word as written that makes it is.
 * Words read only in headlines ({@link SentenceCoder.headline}), or read ahead in sentences no passage
 * kept ({@link SentenceCoder.readAhead}), are neither numbered nor counted.
 */
export class SentenceCoder {
  private readonly codedWords = new WrittenWords<CodedToken | readonly CodedToken[]>();
  /** Every token passages said, in the order they first said it. */
  private readonly said: CodedToken[] = [];
  /** Documents' sentences read ahead, by file, until their passages are written. */
  private readonly readFiles = new Map<string, SentencesRead>();
  /** The words of the document being read ahead. */
  private readingWords = new Int32Array(1 << 12);
  /** The words of the sentence being read ({@link SentenceCoder.readSentence}). */
  private sentenceWords = new Int32Array(256);
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
   * Reads the words of `file`'s sentences before its passages are written, so that
   * {@link SentenceCoder.sentence} only looks the read words up: a large corpus's files are read on
   * threads of their own, and reading the sentences of those already read, meanwhile, takes that much
   * off the build that follows. Sentences are found again by identity (`===`), so `sentences` should be
   * the very strings its passages will hold; one not found is analyzed as it is written.
   */
  readAhead(file: string, sentences: readonly string[]): void {
    const ends = new Int32Array(sentences.length);
    let length = 0;
    sentences.forEach((sentence, i) => {
      const count = this.readSentence(sentence);
      this.readingWords = withRoom(this.readingWords, length + count, length);
      this.readingWords.set(this.sentenceWords.subarray(0, count), length);
      length += count;
      ends[i] = length;
    });
    this.readFiles.set(file, { sentences, ends, words: this.readingWords.slice(0, length) });
  }

  /**
   * The sentences of `file` read ahead, to give {@link SentenceCoder.sentence} while its passages are
   * written; forgotten here once taken.
   */
  takeRead(file: string): SentencesReader | undefined {
    const read = this.readFiles.get(file);
    if (read === undefined) return undefined;
    this.readFiles.delete(file);
    return new SentencesReader(read);
  }

  /**
   * Writes one sentence of a passage to `writer` (its tokens, then its end), appends its tokens' term ids
   * to `termIds`, and counts each token's word for the vocabulary. Its words are those `ahead` read when
   * it holds the sentence.
   */
  sentence(text: string, writer: PassageWordsWriter, termIds: number[], ahead?: SentencesReader): void {
    const pairing = new Pairing();
    let read = ahead?.find(text);
    if (read === undefined) {
      const end = this.readSentence(text);
      read = { words: this.sentenceWords, start: 0, end };
    }
    for (let at = read.start; at < read.end; at++) {
      this.writeWord(this.codedWords.value(read.words[at]), at - read.start, pairing, writer, termIds);
    }
    writer.endSentence();
  }

  /**
   * A headline's tokens, as {@link import('../analysis/analyzer').analyze} makes them, each word analyzed
   * once for headlines and sentences alike: a corpus's headlines repeat its passages' words. Nothing is
   * numbered or counted.
   */
  headline(text: string): AnalyzedToken[] {
    const tokens: AnalyzedToken[] = [];
    const count = this.readSentence(text);
    for (let position = 0; position < count; position++) {
      const coded = this.codedWords.value(this.sentenceWords[position]);
      if (!Array.isArray(coded)) {
        const { surface, term, isPart } = coded as CodedToken;
        tokens.push({ surface, term, position, isPart });
        continue;
      }
      for (const { surface, term, isPart } of coded as readonly CodedToken[]) {
        tokens.push({ surface, term, position, isPart });
      }
    }
    return tokens;
  }

  /** Every word passages said, with its term and how often: in the order they were first said. */
  vocabulary(): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const token of this.said) vocabulary.add(token.surface, token.term, token.count);
    return vocabulary;
  }

  /** Writes the tokens of the word at `position` of the sentence being written. */
  private writeWord(
    coded: CodedToken | readonly CodedToken[],
    position: number,
    pairing: Pairing,
    writer: PassageWordsWriter,
    termIds: number[],
  ): void {
    if (Array.isArray(coded)) {
      for (const token of coded as readonly CodedToken[]) {
        this.write(token, pairing.next(position, token.isPart), writer, termIds);
      }
    } else {
      const token = coded as CodedToken;
      this.write(token, pairing.next(position, token.isPart), writer, termIds);
    }
  }

  private write(token: CodedToken, pairs: boolean, writer: PassageWordsWriter, termIds: number[]): void {
    if (token.count++ === 0) {
      token.termId = this.termId(token.term);
      this.said.push(token);
    }
    termIds.push(token.termId);
    writer.word(token.termId, token.isPart, pairs);
  }

  /**
   * Reads the ids of the words of `sentence`, as {@link writtenWords} finds them, into `sentenceWords`;
   * returns how many.
   */
  private readSentence(sentence: string): number {
    const folded = foldKeepingCase(sentence);
    const count = this.readAsciiWords(folded);
    if (count >= 0) return count;
    const words = writtenWords(sentence);
    this.sentenceWords = withRoom(this.sentenceWords, words.length);
    words.forEach((written, i) => {
      this.sentenceWords[i] = this.codedId(written);
    });
    return words.length;
  }

  /**
   * Reads the words of folded text all in ASCII as {@link writtenWords} finds them (runs of letters and
   * digits, joined by a hyphen before a letter or digit, or a point before a digit), looking each up
   * where it stands in the text, hashed as it is read: cutting every word of a corpus out of its
   * sentence by a pattern, then hashing it, was most of reading a sentence. Returns how many words, or -1
   * at a character beyond ASCII, whose letters and digits only the pattern knows.
   */
  private readAsciiWords(folded: string): number {
    let count = 0;
    const length = folded.length;
    for (let at = 0; at < length; ) {
      let code = folded.charCodeAt(at);
      if (code >= 0x80) return -1;
      if (!isAsciiLetterOrDigit(code)) {
        at++;
        continue;
      }
      const start = at;
      let hash = FNV_OFFSET;
      for (;;) {
        hash = Math.imul(hash ^ code, FNV_PRIME);
        code = ++at < length ? folded.charCodeAt(at) : -1;
        if (isAsciiLetterOrDigit(code)) continue;
        const next = at + 1 < length ? folded.charCodeAt(at + 1) : -1;
        if ((code === HYPHEN && isAsciiLetterOrDigit(next)) || (code === POINT && isAsciiDigit(next))) {
          hash = Math.imul(hash ^ code, FNV_PRIME);
          code = next;
          at++;
          continue;
        }
        break;
      }
      this.sentenceWords = withRoom(this.sentenceWords, count + 1);
      const id = this.codedWords.idIn(folded, start, at, hash === 0 ? 1 : hash);
      this.sentenceWords[count++] = id >= 0 ? id : this.codedId(folded.slice(start, at));
    }
    return count;
  }

  /** The id of a word as written in the table of coded words, analyzed and added when new. */
  private codedId(written: string): number {
    const id = this.codedWords.idOf(written);
    if (id >= 0) return id;
    const analyzed: AnalyzedToken[] = [];
    analyzeWord(written, 0, analyzed);
    const tokens = analyzed.map(({ surface, term, isPart }) => ({
      surface,
      term,
      termId: -1,
      isPart,
      count: 0,
    }));
    return this.codedWords.add(
      written,
      tokens.length === 0 ? NO_TOKENS : tokens.length === 1 && !tokens[0].isPart ? tokens[0] : tokens,
    );
  }
}

/** `array`, or a copy twice as long (at least `needed`) when it is shorter, its first `used` kept. */
function withRoom(
  array: Int32Array<ArrayBuffer>,
  needed: number,
  used = array.length,
): Int32Array<ArrayBuffer> {
  if (needed <= array.length) return array;
  const grown = new Int32Array(Math.max(needed, array.length * 2));
  grown.set(array.subarray(0, used));
  return grown;
}

/**
 * A document's sentences read ahead, found one after another as its passages are written: passages
 * hold a document's sentences in order, less those of paragraphs dropped meanwhile (boilerplate found
 * across documents), which are passed over.
 */
export class SentencesReader {
  private next = 0;

  constructor(private readonly read: SentencesRead) {}

  /** Where the words of `sentence` are, when it is among the sentences after the last one found. */
  find(sentence: string): { words: Int32Array; start: number; end: number } | undefined {
    const { sentences, ends, words } = this.read;
    for (let at = this.next; at < sentences.length; at++) {
      if (sentences[at] !== sentence) continue;
      this.next = at + 1;
      return { words, start: at === 0 ? 0 : ends[at - 1], end: ends[at] };
    }
    return undefined;
  }
}

/**
 * Words as written, each with a value and an id (its place among the words, in the order they were
 * added): a table open-addressed by a hash of the word's characters. Every token of a build is looked up
 * here; in a `Map` of the corpus's tens of thousands of words, each lookup followed its bucket's chain
 * from key to key across the heap, where this one compares the hashes kept side by side first and reads
 * a key only when its hash matches (about twice as fast at 100k passages).
 */
class WrittenWords<V> {
  /** Each slot's hash, never 0; 0 for an empty slot. */
  private hashes = new Int32Array(1 << 12);
  /** Each slot's word, and its id. */
  private keys: string[] = new Array(1 << 12);
  private ids = new Int32Array(1 << 12);
  private readonly values: V[] = [];

  /** The id of `word`, or -1. */
  idOf(word: string): number {
    const hash = hashOf(word);
    const mask = this.hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.hashes[slot];
      if (stored === 0) return -1;
      if (stored === hash && this.keys[slot] === word) return this.ids[slot];
    }
  }

  /**
   * The id of the word that stands in `text` from `start` to `end`, whose hash is `hash` (as
   * {@link hashOf} hashes the word), or -1: the word is not cut out of the text to be looked up.
   */
  idIn(text: string, start: number, end: number, hash: number): number {
    const mask = this.hashes.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = this.hashes[slot];
      if (stored === 0) return -1;
      if (stored === hash) {
        const key = this.keys[slot];
        if (key.length === end - start && text.startsWith(key, start)) return this.ids[slot];
      }
    }
  }

  /** The value of the word with id `id`. */
  value(id: number): V {
    return this.values[id];
  }

  /** Adds `word`, not yet in the table, with its value; returns its id. */
  add(word: string, value: V): number {
    if ((this.values.length + 1) * 2 > this.hashes.length) this.grow();
    const id = this.values.length;
    this.values.push(value);
    this.place(hashOf(word), word, id);
    return id;
  }

  private place(hash: number, word: string, id: number): void {
    const mask = this.hashes.length - 1;
    let slot = hash & mask;
    while (this.hashes[slot] !== 0) slot = (slot + 1) & mask;
    this.hashes[slot] = hash;
    this.keys[slot] = word;
    this.ids[slot] = id;
  }

  private grow(): void {
    const { hashes, keys, ids } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.keys = new Array(hashes.length * 2);
    this.ids = new Int32Array(hashes.length * 2);
    for (let slot = 0; slot < hashes.length; slot++) {
      if (hashes[slot] !== 0) this.place(hashes[slot], keys[slot], ids[slot]);
    }
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const HYPHEN = 0x2d;
const POINT = 0x2e;

/** FNV-1a of the word's UTF-16 code units, never 0 (the mark of an empty slot). */
function hashOf(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash === 0 ? 1 : hash;
}
