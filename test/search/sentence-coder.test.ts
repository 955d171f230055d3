import { analyze } from '../../src/analysis/analyzer';
import { Vocabulary } from '../../src/analysis/spelling';
import { PassageWordsWriter, pairings } from '../../src/search/passage-tokens';
import { SentenceCoder } from '../../src/search/sentence-coder';

// A word said again with another case ("Rogers", "rogers"), a name and the common word it would stem to,
// hyphenated words whose parts are said alone too, stopwords between words that pair and words that do not.
const sentences = [
  'Rogers said the co-production treaty was signed in Delhi.',
  'The treaty of the two countries covers co-production and production alike.',
  'rogers and Rogers met; the well-known producers said nothing of the state-of-the-art studio.',
  'Delhi, Delhi and DELHI: the treaty, signed.',
  'Of the of.',
];

/** The index's words, term ids and vocabulary made token by token, as analyzing each sentence gives them. */
function tokenByToken() {
  const termIds = new Map<string, number>();
  const vocabulary = new Vocabulary();
  const writer = new PassageWordsWriter();
  const ids: number[] = [];
  for (const sentence of sentences) {
    const tokens = analyze(sentence);
    const sentenceIds = tokens.map((token) => {
      vocabulary.add(token.surface, token.term);
      if (!termIds.has(token.term)) termIds.set(token.term, termIds.size);
      return termIds.get(token.term) ?? -1;
    });
    writer.sentence(tokens, sentenceIds);
    ids.push(...sentenceIds);
  }
  return { termIds: [...termIds], vocabulary: vocabulary.entries(), words: [...writer.finish()], ids };
}

describe('SentenceCoder', () => {
  it('gives the words, term ids and vocabulary that analyzing each sentence token by token gives', () => {
    const coder = new SentenceCoder();
    const writer = new PassageWordsWriter();
    const ids: number[] = [];
    for (const sentence of sentences) coder.sentence(sentence, writer, ids);
    const expected = tokenByToken();
    expect([...coder.termIds]).toEqual(expected.termIds);
    expect(coder.vocabulary().entries()).toEqual(expected.vocabulary);
    expect(ids).toEqual(expected.ids);
    expect([...writer.finish()]).toEqual(expected.words);
    // What the comparison rests on: case, names, hyphen parts and pairs all occur.
    const tokens = sentences.flatMap((sentence) => analyze(sentence));
    expect(tokens.some((token) => token.isPart)).toBe(true);
    expect(
      new Set(tokens.filter((token) => token.surface === 'rogers').map((token) => token.term)).size,
    ).toBe(2);
    expect(pairings(analyze(sentences[1]))).toContain(true);
    expect(coder.vocabulary().entries()).toContainEqual(['delhi', 'delhi', 4]);
  });

  it('gives a term said first in a headline the next id after the passages’ terms', () => {
    const coder = new SentenceCoder();
    coder.sentence('Ships sail.', new PassageWordsWriter(), []);
    expect(coder.termId('harbour')).toBe(2);
    expect(coder.termId('ship')).toBe(0);
  });
});
