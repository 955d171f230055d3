/** A vocabulary word proposed for a misspelt query word. */
export interface SpellingCorrection {
  surface: string;
  term: string;
  distance: number;
}

/** Words by first letter and length ({@link bucketKey}), each beside the mask of its letters. */
type LetterBuckets = Map<string, { words: string[]; masks: number[] }>;

/**
 * The corpus's words, for correcting query words the corpus does not contain ("semicondutor",
 * "minsiter"). Candidates share a length band and the first letter (or the second, for a slip on the
 * first key); the restricted Damerau–Levenshtein distance then decides, transpositions counting as one
 * edit ({@link editDistanceWithin}). Ties go to the more frequent word.
 */
export class Vocabulary {
  /**
   * Words by first letter and length, each beside the mask of its letters ({@link letterMask}), in the
   * order they came: made when a word is first corrected, as only correcting reads them (making them
   * was most of restoring a vocabulary from a snapshot, before a bot could listen).
   */
  private buckets?: LetterBuckets;
  private readonly words = new Map<string, { term: string; count: number }>();

  /** Records `count` occurrences (one unless said) of a word and its index term: the first term given stays. */
  add(surface: string, term: string, count = 1): void {
    const entry = this.words.get(surface);
    if (entry) {
      entry.count += count;
      return;
    }
    this.words.set(surface, { term, count });
    if (this.buckets) addToBucket(this.buckets, surface);
  }

  /** Number of distinct words. */
  get size(): number {
    return this.words.size;
  }

  /** Every word with its term and count, for snapshots. */
  entries(): [string, string, number][] {
    return [...this.words].map(([surface, { term, count }]) => [surface, term, count]);
  }

  /** Rebuilds a vocabulary from {@link entries} output. */
  static fromEntries(entries: [string, string, number][]): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const [surface, term, count] of entries) vocabulary.words.set(surface, { term, count });
    return vocabulary;
  }

  /** True when the corpus contains this exact word. */
  has(surface: string): boolean {
    return this.words.has(surface);
  }

  /**
   * The closest corpus word within the allowed edits (1 up to 7 letters, 2 from 8), or undefined.
   * Words under 4 letters and numbers are never corrected: too many near neighbours.
   */
  nearest(word: string): SpellingCorrection | undefined {
    if (word.length < 4 || /\d/.test(word)) return undefined;
    const maxEdits = word.length >= 8 ? 2 : 1;
    let best: (SpellingCorrection & { count: number; dropped: boolean }) | undefined;
    const firstLetters = new Set([word[0], word[1]]);
    const mask = letterMask(word);
    const buckets = this.wordsByLetter();
    countLetters(word, 1);
    try {
      for (let length = word.length - maxEdits; length <= word.length + maxEdits; length++) {
        for (const first of firstLetters) {
          const { words, masks } = buckets.get(bucketKey(first, length)) ?? { words: [], masks: [] };
          for (let i = 0; i < words.length; i++) {
            const candidate = words[i];
            // Each letter one word has and the other lacks is at least one letter of difference.
            if (bitCount(masks[i] ^ mask) > maxEdits * 2) continue;
            if (!closeEnough(word.length, candidate, maxEdits)) continue;
            const distance = editDistanceWithin(word, candidate, maxEdits);
            if (distance > maxEdits) continue;
            const entry = this.words.get(candidate);
            if (!entry) continue;
            // At equal distance, a word the typist dropped letters from ("ocen" → "ocean") beats one with
            // letters changed ("open"): dropped letters are the commonest typo. Then the commoner word wins.
            const dropped = candidate.length > word.length;
            if (
              !best ||
              distance < best.distance ||
              (distance === best.distance && dropped && !best.dropped) ||
              (distance === best.distance && dropped === best.dropped && entry.count > best.count)
            ) {
              best = { surface: candidate, term: entry.term, distance, count: entry.count, dropped };
            }
          }
        }
      }
    } finally {
      countLetters(word, -1);
    }
    return best && { surface: best.surface, term: best.term, distance: best.distance };
  }

  private wordsByLetter(): LetterBuckets {
    if (!this.buckets) {
      this.buckets = new Map();
      for (const surface of this.words.keys()) addToBucket(this.buckets, surface);
    }
    return this.buckets;
  }
}

function addToBucket(buckets: LetterBuckets, surface: string): void {
  const key = bucketKey(surface[0], surface.length);
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = { words: [], masks: [] };
    buckets.set(key, bucket);
  }
  bucket.words.push(surface);
  bucket.masks.push(letterMask(surface));
}

/**
 * The restricted Damerau–Levenshtein distance between `a` and `b` (the optimal string alignment distance:
 * insertions, deletions, substitutions and swaps of two neighbouring letters each count one edit, no
 * letter edited twice), counted in UTF-16 code units; once it must exceed `limit`, some number over it.
 * natural has the same distance, but it builds an object per cell of the table and took about 40 µs a
 * word here, for the thousands of candidates that correcting one word may compare.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // Three rows of the table: two rows back (for a swap), the last one, and the one being filled.
  let twoBack = new Int32Array(b.length + 1);
  let last = Int32Array.from({ length: b.length + 1 }, (_, column) => column);
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const same = a.charCodeAt(i - 1) === b.charCodeAt(j - 1);
      let cost = Math.min(last[j] + 1, row[j - 1] + 1, last[j - 1] + (same ? 0 : 1));
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        cost = Math.min(cost, twoBack[j - 2] + 1);
      }
      row[j] = cost;
      if (cost < least) least = cost;
    }
    // No later row can fall below this one's least: every edit path crosses it.
    if (least > limit) return limit + 1;
    [twoBack, last, row] = [last, row, twoBack];
  }
  return last[b.length];
}

/**
 * Which letters a word has: a bit for each of a to z, and five more shared by every other character. Two
 * words whose masks differ in `n` bits differ by at least `n` letters, which rules most candidates out
 * without reading them.
 */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    mask |= 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 5));
  }
  return mask;
}

/** Bits set in a 32-bit number. */
function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
}

/**
 * The letters of the word being corrected, counted by UTF-16 code unit (as the edit distance counts
 * them): filled by {@link countLetters} for the length of one {@link Vocabulary.nearest}, and all zero
 * again after it. One table for every call: a `Map` per candidate, built for each of the thousands of
 * words sharing a first letter and a length, made correcting one word take several milliseconds on a large
 * corpus.
 */
const letterCounts = new Int32Array(0x10000);

function countLetters(word: string, by: 1 | -1): void {
  for (let i = 0; i < word.length; i++) letterCounts[word.charCodeAt(i)] += by;
}

/**
 * Cheap filter before the edit distance: the letters used by the counted word (of `wordLength` letters)
 * and by `candidate` may differ by at most two per edit.
 */
function closeEnough(wordLength: number, candidate: string, maxEdits: number): boolean {
  const allowed = maxEdits * 2;
  // How far the letters differ, kept as each of the candidate's letters is taken from the counts: each
  // letter taken changes it by one, so once it exceeds what the letters left could take back, it stays over.
  let difference = wordLength;
  let taken = 0;
  let close = true;
  for (; taken < candidate.length; taken++) {
    const count = letterCounts[candidate.charCodeAt(taken)]--;
    difference += count > 0 ? -1 : 1;
    if (difference - (candidate.length - taken - 1) > allowed) {
      close = false;
      taken++;
      break;
    }
  }
  for (let i = 0; i < taken; i++) letterCounts[candidate.charCodeAt(i)]++;
  return close && difference <= allowed;
}
