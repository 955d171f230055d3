import { analyze } from '../../src/analysis/analyzer';
import { Readings } from '../../src/answer/readings';
import type { CorpusDocument, Passage } from '../../src/corpus/types';
import { PassageWordsWriter } from '../../src/search/passage-tokens';

const passage = (id: string): Passage => ({
  id,
  file: `${id}.txt`,
  position: 0,
  sentences: [`Ships sail from ${id}.`],
});
const document = (file: string): CorpusDocument => ({
  file,
  title: `Port of ${file} reopens`,
  passages: [],
  size: 1,
  mtimeMs: 0,
  contentHash: file,
});

describe('the readings of one question', () => {
  it('analyze each passage and headline once, however often the question comes back to it', () => {
    const readings = new Readings();
    const [dover, calais] = ['dover', 'calais'].map(passage);
    const first = readings.passage(dover);
    expect(first.terms.has('dover')).toBe(true);
    readings.passage(calais);
    expect(readings.passage(dover)).toBe(first);

    const [port, harbour] = ['leith', 'hull'].map(document);
    const headline = readings.headline(port);
    expect(headline.terms.has('leith')).toBe(true);
    readings.headline(harbour);
    expect(readings.headline(port)).toBe(headline);
  });
});

describe('readings of passages and headlines their index kept', () => {
  it('decode what the index kept rather than analyze the text again', () => {
    // The kept words say "harbour crane" where the text says "Ships sail": a reading that analyzed
    // the text again would say ships.
    const tokens = analyze('harbour crane');
    const terms = tokens.map((token) => token.term);
    const writer = new PassageWordsWriter();
    writer.sentence(
      tokens,
      tokens.map((token) => terms.indexOf(token.term)),
    );
    const kept = { words: writer.finish(), terms };
    const readings = new Readings({ wordsOf: () => kept, headlineWordsOf: () => kept });
    const reading = readings.passage(passage('dover'));
    expect([...reading.terms]).toEqual(terms);
    expect([...reading.pairs]).toEqual([terms.join(' ')]);
    expect([...readings.headline(document('leith')).terms]).toEqual(terms);
  });
});

describe('what a reading holds', () => {
  const readings = new Readings();
  const reading = readings.passage({
    id: 'tsi.txt#0',
    file: 'tsi.txt',
    position: 0,
    sentences: ['The long-standing technology security initiative grew.', 'Security talks followed.'],
  });

  it('keeps each sentence’s terms apart, hyphen parts included', () => {
    expect(reading.sentences).toEqual([
      'The long-standing technology security initiative grew.',
      'Security talks followed.',
    ]);
    expect([...reading.sentenceTerms[0]]).toEqual(
      expect.arrayContaining(['longstand', 'stand', 'technolog']),
    );
    expect(reading.sentenceTerms[1].has('technolog')).toBe(false);
    expect(reading.sentenceTerms[1].has('talk')).toBe(true);
  });

  it('tells whole words from the parts of hyphenated ones', () => {
    // "standing" is said only inside "long-standing": it counts for less than a word said whole.
    expect(reading.terms.has('stand')).toBe(true);
    expect(reading.wholeWords.has('stand')).toBe(false);
    expect(reading.wholeWords.has('longstand')).toBe(true);
  });

  it('pairs words side by side within a sentence only, never a hyphen part', () => {
    expect(reading.pairs).toEqual(
      new Set([
        'longstand technolog',
        'technolog secur',
        'secur initiativ',
        'initiativ grow',
        'secur talk',
        'talk follow',
      ]),
    );
  });

  it('reads a headline’s terms, its pairs across one stopword at most, and its words as written', () => {
    const headline = readings.headline({
      file: 'taiwan.txt',
      title: 'Taiwan sells more goods to the US',
      passages: [],
      size: 1,
      mtimeMs: 0,
      contentHash: 'taiwan.txt',
    });
    expect(headline.pairs).toEqual(new Set(['taiwan sell', 'sell good']));
    expect(headline.terms.has('sell')).toBe(true);
    expect(headline.words.has('sells')).toBe(true);
    expect(headline.words.has('sell')).toBe(false);
  });
});

describe('readings focused on the terms a question looks for', () => {
  const tsi: Passage = {
    id: 'tsi.txt#0',
    file: 'tsi.txt',
    position: 0,
    sentences: ['The long-standing technology security initiative grew.', 'Security talks followed.'],
  };
  const focus = new Set(['technolog', 'initiativ', 'talk', 'follow', 'stand']);
  const focused = new Readings(undefined, focus).passage(tsi);
  const whole = new Readings().passage(tsi);

  it('find each of those terms, and each pair of them, as a reading of every term does', () => {
    for (const term of focus) {
      expect(focused.terms.has(term)).toBe(whole.terms.has(term));
      expect(focused.wholeWords.has(term)).toBe(whole.wholeWords.has(term));
      focused.sentenceTerms.forEach((terms, i) => {
        expect(terms.has(term)).toBe(whole.sentenceTerms[i].has(term));
      });
    }
    expect(focused.wholeWords.has('stand')).toBe(false);
    expect(focused.pairs).toEqual(new Set(['talk follow']));
  });

  it('never pair two of them that a word outside the focus stands between', () => {
    // "security" stands between "technology" and "initiative": they are not said side by side.
    expect(focused.pairs.has('technolog initiativ')).toBe(false);
    expect(focused.terms.has('secur')).toBe(false);
  });
});

describe('the terms of a passage as ids', () => {
  const passageOf = (id: string, sentences: string[]): Passage => ({
    id,
    file: `${id}.txt`,
    position: 0,
    sentences,
  });

  it('are each term once, whatever the focus, and the same for passages saying the same words', () => {
    const readings = new Readings(undefined, new Set(['port']));
    const first = readings.termIds(passageOf('a', ['Ships sail from the port.', 'The port reopens.']));
    const second = readings.termIds(passageOf('b', ['The port reopens; ships sail from the port.']));
    expect(first.size).toBe(analyze('ships sail port reopens').length);
    expect(second).toEqual(first);
    expect(readings.termIds(passageOf('c', ['Ships sail.']))).not.toEqual(first);
  });

  it('are the ids its index kept, when it kept the passage’s words', () => {
    const tokens = analyze('harbour crane harbour');
    const terms = [tokens[1].term, tokens[0].term];
    const writer = new PassageWordsWriter();
    writer.sentence(
      tokens,
      tokens.map((token) => terms.indexOf(token.term)),
    );
    const kept = { words: writer.finish(), terms };
    const readings = new Readings({ wordsOf: () => kept, headlineWordsOf: () => kept });
    expect(readings.termIds(passageOf('dover', ['Ships sail.']))).toEqual(new Set([0, 1]));
  });
});
