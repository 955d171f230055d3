import { engineOver, firstFile, leadSentence } from './small-corpus';

// Each pair of articles differs in the one thing a case turns on, so only the expansion under test can
// pick the right one.
const engine = engineOver([
  [
    'envoy-uk.txt',
    'Envoys named\n\nThe ambassador of Chile to the UK is Maria Soto, who took up the post in May.',
  ],
  [
    'envoy-france.txt',
    'Envoys named\n\nThe ambassador of Chile to France is Pedro Diaz, who took up the post in June.',
  ],
  [
    'fishing-kingdom.txt',
    'Fishing deal\n\nThe United Kingdom signed a fishing deal with Norway in April 2021 after long talks.',
  ],
  [
    'fishing-iceland.txt',
    'Fishing deal\n\nIceland signed a fishing deal with Norway in March 2020 after long talks.',
  ],
  [
    'chips.txt',
    'Chip plant\n\nThe semiconductor plant in Dresden will open in 2027, the company said on Friday.',
  ],
  ['car-plant.txt', 'Car plant\n\nThe car plant in Leipzig will open in 2026, the company said on Monday.'],
  ['minister.txt', 'Visit\n\nThe trade minister visited Osaka on Friday to open a battery factory.'],
  ['secretary.txt', 'Visit\n\nThe trade secretary visited Kyoto on Monday to open a car factory.'],
]);

describe('place names said in several words', () => {
  it('reads "United Kingdom" in a question as the UK of the corpus', () => {
    // Only the UK article names the country asked about; France's envoy says all the other words.
    const answer = engine.answer('Who is the ambassador of Chile to the United Kingdom?');
    expect(firstFile(answer)).toBe('envoy-uk.txt');
    expect(leadSentence(answer)).toContain('Maria Soto');
  });

  it('reads "Britain" in a question as "the United Kingdom" of the corpus', () => {
    const answer = engine.answer('When did Britain sign a fishing deal with Norway?');
    expect(firstFile(answer)).toBe('fishing-kingdom.txt');
    expect(leadSentence(answer)).toContain('April 2021');
  });
});

describe('typos', () => {
  it('corrects a word whose first two letters are swapped', () => {
    // The car plant and the trade secretary say every other word of the questions.
    const chips = engine.answer('When will the esmiconductor plant open?');
    expect(firstFile(chips)).toBe('chips.txt');
    const visit = engine.answer('Which factory did the trade imnister open?');
    expect(firstFile(visit)).toBe('minister.txt');
    expect(leadSentence(visit)).toContain('battery factory');
  });
});
