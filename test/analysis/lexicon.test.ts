import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  englishTagger,
  LEXICON_TABLE_FILE,
  lexiconTable,
  loadEnglishLexicon,
  SortedLexicon,
} from '../../src/analysis/lexicon';

// natural's own Lexicon and tagger, which coop's table stands in for.
const natural = require('natural/lib/natural/brill_pos_tagger') as {
  Lexicon: new (
    language: string,
    defaultCategory: string,
    defaultCapitalised: string,
  ) => { lexicon: Record<string, string[]>; tagWord(word: string): string[] };
  BrillPOSTagger: new (
    lexicon: unknown,
    ruleSet: unknown,
  ) => { tag(words: string[]): { taggedWords: { tag: string }[] } };
  RuleSet: new (language: string) => unknown;
};

describe('the English lexicon as a sorted table', () => {
  const theirs = new natural.Lexicon('EN', 'N', 'NNP');
  const ours = loadEnglishLexicon();
  const listed = Object.keys(theirs.lexicon);

  it("lists every word of natural's lexicon and no other, with its likeliest tag", () => {
    expect(ours.size).toBe(listed.length);
    const unlike = (probe: (word: string) => boolean) => listed.filter((word) => !probe(word));
    expect(unlike((word) => ours.has(word))).toEqual([]);
    expect(unlike((word) => ours.tagOf(word) === (theirs.lexicon[word][0] ?? ''))).toEqual([]);
    // Words near the listed ones, which searching by halving passes on its way: a letter more or less,
    // another case.
    const near = listed.flatMap((word) => [`${word}q`, word.slice(0, -1), word.toUpperCase()]);
    expect(near.filter((word) => ours.has(word) !== Object.hasOwn(theirs.lexicon, word))).toEqual([]);
  });

  it("tags words as natural's lexicon does, lowercase and unknown words included", () => {
    const words = [...listed.slice(0, 5000), 'Washington', 'NASA', 'Minsiter', 'bitcoinz', 'TRADE', 'Said'];
    expect(words.filter((word) => ours.tagWord(word)[0] !== theirs.tagWord(word)[0])).toEqual([]);
    const tagger = new natural.BrillPOSTagger(theirs, new natural.RuleSet('EN'));
    for (const question of [
      'When did the UK and India first pledge to cooperate on telecom?',
      'How do I fix a leaking tap?',
      'Which officials did the US defence secretary meet in New Delhi last week',
    ]) {
      const words = question.split(' ');
      expect(englishTagger().tag(words).taggedWords).toEqual(tagger.tag(words).taggedWords);
    }
  });
});

describe('the table kept beside the bundle', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'coop-lexicon-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("is written on the first load and read on the next, instead of natural's JSON", () => {
    const file = path.join(dir, LEXICON_TABLE_FILE);
    const first = loadEnglishLexicon(file);
    const table = readFileSync(file, 'utf8');
    expect(SortedLexicon.parse(table)?.size).toBe(first.size);
    // A table of two words, read back as it is: the next load went to the file.
    writeFileSync(file, lexiconTable({ pledge: ['VB', 'NN'], zebra: ['NN'] }));
    const kept = loadEnglishLexicon(file);
    expect(kept.size).toBe(2);
    expect(kept.tagOf('pledge')).toBe('VB');
  });

  it.each([
    ['out of order', 'zebra\tNN\napple\tNN\n'],
    ['a line without its tag', 'apple\tNN\nzebra\n'],
    ['cut short', 'apple\tNN\nzeb'],
  ])("is not used when %s: natural's lexicon is read and the table written again", (_, broken) => {
    const file = path.join(dir, LEXICON_TABLE_FILE);
    writeFileSync(file, broken);
    expect(loadEnglishLexicon(file).has('pledge')).toBe(true);
    expect(SortedLexicon.parse(readFileSync(file, 'utf8'))?.has('pledge')).toBe(true);
  });

  it('still loads where the table cannot be written', () => {
    const file = path.join(dir, 'no-such-folder', LEXICON_TABLE_FILE);
    expect(loadEnglishLexicon(file).has('pledge')).toBe(true);
  });
});
