import type { ParsedParagraph } from '../../src/corpus/parse-document';
import { buildPassages, PASSAGE_MAX_CHARS } from '../../src/corpus/passages';

const paragraph = (text: string, isListItem = false): ParsedParagraph => ({ text, key: text, isListItem });
/** A paragraph of `count` sentences of about 60 characters each, numbered from `from`. */
const sentences = (count: number, from = 1) =>
  Array.from(
    { length: count },
    (_, i) => `Sentence number ${from + i} says something about the trade talks.`,
  );

describe('buildPassages', () => {
  it('numbers passages in order and names each by its file and position', () => {
    const passages = buildPassages('x.txt', [
      paragraph(sentences(5).join(' ')),
      paragraph(sentences(5, 6).join(' ')),
    ]);
    expect(passages.map((passage) => [passage.id, passage.position, passage.file])).toEqual([
      ['x.txt#0', 0, 'x.txt'],
      ['x.txt#1', 1, 'x.txt'],
    ]);
  });

  it('takes a short paragraph together with the next one, up to the size of a passage', () => {
    const passages = buildPassages('x.txt', [
      paragraph('A short lead.'),
      paragraph('Another short paragraph.'),
      paragraph(sentences(6).join(' ')),
    ]);
    expect(passages[0].sentences.slice(0, 2)).toEqual(['A short lead.', 'Another short paragraph.']);
    for (const passage of passages)
      expect(passage.sentences.join(' ').length).toBeLessThanOrEqual(PASSAGE_MAX_CHARS);
  });

  it('does not join a paragraph to one already long enough to read on its own', () => {
    const long = sentences(5).join(' ');
    expect(long.length).toBeGreaterThanOrEqual(240);
    const passages = buildPassages('x.txt', [paragraph(long), paragraph('A short coda.')]);
    expect(passages.map((passage) => passage.sentences.length)).toEqual([5, 1]);
  });

  it('cuts a long paragraph into pieces of whole sentences, of balanced size, each within the limit', () => {
    const text = sentences(12).join(' ');
    expect(text.length).toBeGreaterThan(PASSAGE_MAX_CHARS);
    const passages = buildPassages('x.txt', [paragraph('A lead.'), paragraph(text), paragraph('A coda.')]);
    expect(passages[0].sentences).toEqual(['A lead.']);
    expect(passages[passages.length - 1].sentences).toEqual(['A coda.']);
    const pieces = passages.slice(1, -1).map((passage) => passage.sentences);
    expect(pieces.flat()).toEqual(sentences(12));
    expect(pieces).toHaveLength(2);
    // Balanced, not filled to the limit: no short tail of a sentence or two.
    for (const piece of pieces) expect(piece.join(' ').length).toBeGreaterThan(240);
    for (const piece of pieces) expect(piece.join(' ').length).toBeLessThanOrEqual(PASSAGE_MAX_CHARS);
  });

  it('keeps a lead-in ending in a colon with its list, each item whole and marked', () => {
    const passages = buildPassages('x.txt', [
      paragraph(`${sentences(4).join(' ')} The partners agreed on:`),
      paragraph('jet engines. Made in India', true),
      paragraph('drones', true),
      paragraph('space launches', true),
    ]);
    expect(passages).toHaveLength(1);
    expect(passages[0].sentences.slice(-3)).toEqual([
      'jet engines. Made in India',
      'drones',
      'space launches',
    ]);
    expect(passages[0].listItems).toEqual([5, 6, 7]);
  });

  it('keeps list items together after a long lead-in passage, and marks where each is', () => {
    const passages = buildPassages('x.txt', [
      paragraph(sentences(5).join(' ')),
      paragraph('first item', true),
      paragraph('second item', true),
    ]);
    expect(passages.map((passage) => passage.sentences)).toEqual([
      sentences(5),
      ['first item', 'second item'],
    ]);
    expect(passages[1].listItems).toEqual([0, 1]);
    expect(passages[0].listItems).toBeUndefined();
  });

  it('splits a list item too long for a passage into sentences, unmarked', () => {
    const item = sentences(10).join(' ');
    const passages = buildPassages('x.txt', [paragraph(item, true)]);
    expect(passages.length).toBeGreaterThan(1);
    expect(passages.flatMap((passage) => passage.sentences)).toEqual(sentences(10));
    for (const passage of passages) expect(passage.listItems).toBeUndefined();
  });

  it('gives nothing for no paragraphs', () => {
    expect(buildPassages('x.txt', [])).toEqual([]);
  });
});

describe('buildPassages at the passage size exactly', () => {
  /** Two sentences of exactly `length` characters together, the first of `firstLength`. */
  const twoSentences = (length: number, firstLength = 46) =>
    `${'B'.repeat(firstLength - 1)}. ${'A'.repeat(length - firstLength - 4)}ok.`;

  it('keeps a paragraph of exactly the passage size whole, in one passage', () => {
    // A first sentence over half the passage: cut as a long paragraph, it would stand alone.
    const text = twoSentences(PASSAGE_MAX_CHARS, 300);
    expect(text).toHaveLength(PASSAGE_MAX_CHARS);
    const passages = buildPassages('x.txt', [paragraph(text)]);
    expect(passages.map((passage) => passage.sentences.length)).toEqual([2]);
  });

  it('joins a short paragraph to the next when the two fill the passage exactly, and not when one character over', () => {
    const lead = 'A short lead.';
    const fill = (extra: number) => twoSentences(PASSAGE_MAX_CHARS - lead.length - 1 + extra);
    expect(buildPassages('x.txt', [paragraph(lead), paragraph(fill(0))])).toHaveLength(1);
    expect(buildPassages('x.txt', [paragraph(lead), paragraph(fill(1))])).toHaveLength(2);
  });
});
