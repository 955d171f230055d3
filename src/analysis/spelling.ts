import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';

/** A vocabulary word proposed for a misspelt query word. */
export interface SpellingCorrection {
  surface: string;
  term: string;
  distance: number;
}

/**
 * The corpus's words, for correcting query words the corpus does not contain ("semicondutor",
 * "minsiter"). Candidates share a length band and the first letter (or the second, for a slip on the
 * first key); natural's Damerau–Levenshtein distance then decides, transpositions counting as one
 * edit. Ties go to the more frequent word.
 */
export class Vocabulary {
  private readonly buckets = new Map<string, string[]>();
  private readonly words = new Map<string, { term: string; count: number }>();

  /** Records one occurrence of a word and its index term. */
  add(surface: string, term: string): void {
    const entry = this.words.get(surface);
    if (entry) {
      entry.count++;
      return;
    }
    this.words.set(surface, { term, count: 1 });
    const key = bucketKey(surface[0], surface.length);
    const bucket = this.buckets.get(key);
    if (bucket) bucket.push(surface);
    else this.buckets.set(key, [surface]);
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
    for (const [surface, term, count] of entries) {
      vocabulary.add(surface, term);
      const entry = vocabulary.words.get(surface);
      if (entry) entry.count = count;
    }
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
    for (let length = word.length - maxEdits; length <= word.length + maxEdits; length++) {
      for (const first of firstLetters) {
        for (const candidate of this.buckets.get(bucketKey(first, length)) ?? []) {
          if (!closeEnough(word, candidate, maxEdits)) continue;
          const distance = DamerauLevenshteinDistance(word, candidate, { restricted: true });
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
    return best && { surface: best.surface, term: best.term, distance: best.distance };
  }
}

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
}

/** Cheap filter before the edit distance: the letters used may differ by at most two per edit. */
function closeEnough(a: string, b: string, maxEdits: number): boolean {
  const counts = new Map<string, number>();
  for (const char of a) counts.set(char, (counts.get(char) ?? 0) + 1);
  for (const char of b) counts.set(char, (counts.get(char) ?? 0) - 1);
  let difference = 0;
  for (const count of counts.values()) difference += Math.abs(count);
  return difference <= maxEdits * 2;
}
