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
function tokenByToken(sentences: readonly string[]) {
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

/** What the coder makes of `sentences`, in the shape of {@link tokenByToken}'s. */
function coded(sentences: readonly string[]) {
  const coder = new SentenceCoder();
  const writer = new PassageWordsWriter();
  const ids: number[] = [];
  for (const sentence of sentences) coder.sentence(sentence, writer, ids);
  return resultOf(coder, writer, ids);
}

function resultOf(coder: SentenceCoder, writer: PassageWordsWriter, ids: number[]) {
  return {
    termIds: [...coder.termIds],
    vocabulary: coder.vocabulary().entries(),
    words: [...writer.finish()],
    ids,
  };
}

describe('SentenceCoder', () => {
  it('gives the words, term ids and vocabulary that analyzing each sentence token by token gives', () => {
    expect(coded(sentences)).toEqual(tokenByToken(sentences));
    // What the comparison rests on: case, names, hyphen parts and pairs all occur.
    const tokens = sentences.flatMap((sentence) => analyze(sentence));
    expect(tokens.some((token) => token.isPart)).toBe(true);
    expect(
      new Set(tokens.filter((token) => token.surface === 'rogers').map((token) => token.term)).size,
    ).toBe(2);
    expect(pairings(analyze(sentences[1]))).toContain(true);
    expect(coded(sentences).vocabulary).toContainEqual(['delhi', 'delhi', 4]);
  });

  it('keeps apart every word of a corpus that says thousands, each said again later', () => {
    const many = Array.from({ length: 600 }, (_, i) =>
      Array.from({ length: 10 }, (_, j) => `Word${i}x${j} said${(i * 7 + j) % 4000}`).join(' '),
    );
    const result = coded(many);
    expect(result.vocabulary.length).toBeGreaterThan(8000);
    expect(result).toEqual(tokenByToken(many));
  });

  it('finds the words of text of every kind of run, hyphen, point and character as the analyzer does', () => {
    // Pieces whose joins the word pattern decides: hyphens and points before letters, digits or nothing,
    // apostrophes, initialisms, and characters beyond ASCII (accented, and letters of no ASCII form).
    const pieces = [
      'co',
      '-',
      '--',
      '.',
      '3',
      '5',
      'op',
      'U.S.',
      "'s",
      'O’Neil',
      'café',
      'Łódź',
      'Ørsted',
      'e.g.',
      ' ',
      '  ',
      ',',
      'Port',
      'x9',
      '_',
      '(',
      '2024',
      '…',
    ];
    let seed = 7;
    const random = (below: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % below;
    };
    const texts = Array.from({ length: 400 }, () =>
      Array.from({ length: 1 + random(14) }, () => pieces[random(pieces.length)]).join(''),
    );
    expect(coded(texts)).toEqual(tokenByToken(texts));
    // What the comparison rests on: both ASCII texts and texts beyond it, and joined words among them.
    expect(texts.some((text) => /[\u0080-\uffff]/.test(text))).toBe(true);
    expect(texts.filter((text) => !/[\u0080-\uffff]/.test(text)).length).toBeGreaterThan(100);
    expect(texts.flatMap((text) => analyze(text)).filter((token) => token.isPart).length).toBeGreaterThan(10);
  });

  it('keeps apart words of the same hash', () => {
    // Pairs whose FNV-1a hashes are equal, which the coder's table of words files by.
    const colliding = [
      'The costarring liquid was declinate.',
      'Macallums and liquid, costarring again.',
      'An altarage by Zinke; altarages and zinkes.',
    ];
    expect(coded(colliding)).toEqual(tokenByToken(colliding));
  });

  it('writes sentences read ahead as it writes them unread, passing over those read and never written', () => {
    const coder = new SentenceCoder();
    const dropped = 'Zanzibar boilerplate closes every page, well-known and co-produced.';
    const notReadAhead = 'Mombasa treaty producers said nothing.';
    // Read ahead in another order than written: files arrive as their threads read them.
    coder.readAhead('b.txt', [sentences[3], dropped, sentences[4]]);
    coder.readAhead('a.txt', [sentences[0], dropped, sentences[1], sentences[2]]);
    const writer = new PassageWordsWriter();
    const ids: number[] = [];
    const a = coder.takeRead('a.txt');
    for (const sentence of [sentences[0], sentences[1], notReadAhead, sentences[2]]) {
      coder.sentence(sentence, writer, ids, a);
    }
    const b = coder.takeRead('b.txt');
    for (const sentence of [sentences[3], sentences[4]]) coder.sentence(sentence, writer, ids, b);

    expect(resultOf(coder, writer, ids)).toEqual(
      tokenByToken([sentences[0], sentences[1], notReadAhead, ...sentences.slice(2)]),
    );
    expect(coder.takeRead('a.txt')).toBeUndefined();
  });

  it('analyzes a headline as a sentence, numbering and counting none of its words', () => {
    const coder = new SentenceCoder();
    const headline = 'Zanzibar co-production treaty: Rogers in DELHI';
    expect(coder.headline(headline)).toEqual(analyze(headline));
    const writer = new PassageWordsWriter();
    const ids: number[] = [];
    for (const sentence of sentences) coder.sentence(sentence, writer, ids);
    expect(resultOf(coder, writer, ids)).toEqual(tokenByToken(sentences));
  });

  it('gives a term said first in a headline the next id after the passages’ terms', () => {
    const coder = new SentenceCoder();
    coder.sentence('Ships sail.', new PassageWordsWriter(), []);
    expect(coder.termId('harbour')).toBe(2);
    expect(coder.termId('ship')).toBe(0);
  });
});
