import { analyze } from '../../src/analysis/analyzer';
import { Readings } from '../../src/answer/readings';
import { assembleDocuments } from '../../src/corpus/load-corpus';
import { PassageIndex } from '../../src/search/passage-index';
import {
  PassageWordsTable,
  PassageWordsWriter,
  pairings,
  SENTENCE_END,
  visitWords,
} from '../../src/search/passage-tokens';
import { corpusFile } from '../corpus/document-text';
import { copiedSnapshot } from './support/copied-snapshot';

const paragraph = (n: number) =>
  `Paragraph ${n} weighs the cost of the film, its well-known co-stars and the state of the market. ` +
  'The producers said the technology security rules of both countries would apply to every frame shot.';
const texts = [
  [
    'Co-production deal',
    'The UK–India co-production treaty was signed in Delhi. Lammy met the minister of state.',
    ...[1, 2, 3, 4, 5, 6].map(paragraph),
  ].join('\n\n'),
  "Harbour report\n\nThe harbour's new crane arrived. Ships wait. The U.S. Navy said nothing of it.",
  'Notes\n\nOne.',
];
const documents = assembleDocuments(texts.map((text, i) => corpusFile(`doc-${i}.txt`, text)));
const index = PassageIndex.build(documents);
const passages = documents.flatMap((document) => document.passages);

describe('the words an index keeps of each passage', () => {
  it('read as the same passage analyzed afresh, sentence by sentence, hyphen parts, names and pairs alike', () => {
    expect(documents[0].passages.length).toBeGreaterThan(2);
    for (const passage of passages) {
      expect(index.wordsOf(passage)).toBeDefined();
      expect(new Readings(index).passage(passage)).toEqual(new Readings().passage(passage));
    }
  });

  it('read each headline as it analyzed afresh, a word said only in a headline too', () => {
    // "Co-production deal": "deal" is in no passage.
    expect(index.documentFrequency('deal')).toBe(0);
    for (const document of documents) {
      expect(index.headlineWordsOf(document)).toBeDefined();
      const kept = new Readings(index).headline(document);
      const fresh = new Readings().headline(document);
      expect([kept.terms, kept.pairs, kept.words]).toEqual([fresh.terms, fresh.pairs, fresh.words]);
    }
    expect(new Readings(index).headline(documents[0]).terms).toContain('deal');
  });

  it('read the same after a snapshot', async () => {
    const restored = await PassageIndex.fromSnapshot(copiedSnapshot(index.toSnapshot()));
    const [first] = restored.documents.values();
    for (const passage of first.passages) {
      expect(new Readings(restored).passage(passage)).toEqual(new Readings().passage(passage));
    }
    for (const document of restored.documents.values()) {
      const kept = new Readings(restored).headline(document);
      const fresh = new Readings().headline(document);
      expect([kept.terms, kept.pairs, kept.words]).toEqual([fresh.terms, fresh.pairs, fresh.words]);
    }
  });

  it('are not given for a passage of another index, which is analyzed instead', () => {
    // The same file read again: equal passages, but not the ones this index holds.
    const other = PassageIndex.build(assembleDocuments([corpusFile('doc-0.txt', texts[0])]));
    expect(other.wordsOf(passages[0])).toBeUndefined();
    expect(index.wordsOf({ ...passages[0] })).toBeUndefined();
    expect(index.headlineWordsOf(documents[0])).toBeDefined();
    expect(other.headlineWordsOf(documents[0])).toBeUndefined();
  });
});

describe('PassageWordsTable', () => {
  const terms = ['ship', 'sail', 'port'];
  const writer = new PassageWordsWriter();
  // Passage 0: two sentences; passage 1: one sentence without a word kept.
  for (const sentence of ['Ships sail.', 'Ships port.']) {
    const tokens = analyze(sentence);
    writer.sentence(
      tokens,
      tokens.map((token) => terms.indexOf(token.term)),
    );
  }
  writer.sentence([], []);
  const words = writer.finish();

  it("finds each passage's words by counting its sentences, and reads them back", () => {
    const table = new PassageWordsTable(words, [2, 1], terms);
    const read: string[] = [];
    visitWords(table.at(0), {
      token: (term, isPart, pairs) => read.push(`${term}${isPart ? '-part' : ''}${pairs ? '+pair' : ''}`),
      sentenceEnd: () => read.push('.'),
    });
    expect(read).toEqual(['ship', 'sail+pair', '.', 'ship', 'port+pair', '.']);
    expect([...table.at(1).words]).toEqual([SENTENCE_END]);
  });

  it('comes back whole, as the same words at the same places, from a copy of all its words', () => {
    const table = new PassageWordsTable(words, [2, 1], terms);
    const restored = new PassageWordsTable(table.all().slice(), [2, 1], terms);
    expect([...restored.all()]).toEqual([...words]);
    expect([...restored.at(0).words]).toEqual([...table.at(0).words]);
  });

  it('refuses words that disagree with the passages or the terms', () => {
    expect(() => new PassageWordsTable(words, [2, 2], terms)).toThrow(/end before their sentences/);
    expect(() => new PassageWordsTable(words, [2], terms)).toThrow(/more sentences/);
    expect(() => new PassageWordsTable(words, [2, 1], ['ship'])).toThrow(/names no term/);
  });
});

describe('pairings', () => {
  it('pairs a whole word with the whole word before it, across one stopword at most, never a hyphen part', () => {
    // "technology" and "security": side by side; "of the" puts "cost" two stopwords from "film".
    const tokens = analyze('technology security, the cost of the film and co-production');
    expect(tokens.map((token) => token.term)).toEqual([
      'technolog',
      'secur',
      'cost',
      'film',
      'coproduct',
      'co',
      'product',
    ]);
    expect(pairings(tokens)).toEqual([false, true, true, false, true, false, false]);
  });
});
