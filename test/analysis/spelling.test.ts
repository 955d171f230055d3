import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance';
import { editDistanceWithin, Vocabulary } from '../../src/analysis/spelling';

/** Every word one edit from `word`: each letter dropped, doubled, replaced by "x", or swapped with the next. */
function oneEditFrom(word: string): string[] {
  const edits: string[] = [];
  for (let i = 0; i < word.length; i++) {
    edits.push(word.slice(0, i) + word.slice(i + 1));
    edits.push(word.slice(0, i) + word[i] + word.slice(i));
    edits.push(`${word.slice(0, i)}x${word.slice(i + 1)}`);
    if (i + 1 < word.length) edits.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return edits;
}

describe('editDistanceWithin', () => {
  const words = ['minister', 'semiconductor', 'ocean', 'aabb', 'abab', 'talks', 'accord'];
  const variants = words.flatMap((word) => [
    word,
    ...oneEditFrom(word).flatMap((once) => [once, ...oneEditFrom(once)]),
  ]);

  it('is the restricted Damerau–Levenshtein distance wherever that is within the limit', () => {
    for (const word of words) {
      for (const variant of variants) {
        const expected = DamerauLevenshteinDistance(word, variant, { restricted: true });
        const found = editDistanceWithin(word, variant, 2);
        if (expected <= 2) expect([word, variant, found]).toEqual([word, variant, expected]);
        else expect(found).toBeGreaterThan(2);
      }
    }
  });

  it('counts a swap of neighbours as one edit, but a letter edited twice as more', () => {
    expect(editDistanceWithin('minsiter', 'minister', 1)).toBe(1);
    // "ca" to "abc" needs three edits in this distance: the swap may not be followed by an insertion between.
    expect(editDistanceWithin('ca', 'abc', 3)).toBe(3);
    expect(editDistanceWithin('ocean', 'ocean', 0)).toBe(0);
    expect(editDistanceWithin('ocean', 'oceanic', 1)).toBeGreaterThan(1);
  });
});

describe('Vocabulary beyond the letters a to z', () => {
  it('corrects words written in other letters, and words with them', () => {
    const vocabulary = new Vocabulary();
    for (const word of ['αθηνα', 'αθηναι', 'straße', 'strand']) vocabulary.add(word, word);
    expect(vocabulary.nearest('αθηαν')?.surface).toBe('αθηνα');
    expect(vocabulary.nearest('strße')?.surface).toBe('straße');
    expect(vocabulary.nearest('stranx')?.surface).toBe('strand');
  });
});

describe('Vocabulary corrections', () => {
  it('find a word added after the first correction, and a restored vocabulary corrects as its original did', () => {
    const vocabulary = new Vocabulary();
    for (const word of ['minister', 'ministers', 'ministry']) vocabulary.add(word, word);
    expect(vocabulary.nearest('minsiter')?.surface).toBe('minister');
    expect(vocabulary.nearest('semicondutor')).toBeUndefined();

    vocabulary.add('semiconductor', 'semiconductor');

    expect(vocabulary.nearest('semicondutor')?.surface).toBe('semiconductor');
    const restored = Vocabulary.fromEntries(vocabulary.entries());
    for (const typed of ['minsiter', 'ministy', 'semicondutor', 'minstres']) {
      expect(restored.nearest(typed)).toEqual(vocabulary.nearest(typed));
    }
  });
});
