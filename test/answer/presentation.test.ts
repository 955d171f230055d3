import { engineOver, firstFile, leadSentence } from './small-corpus';

// One story about dredging a channel told in five passages, a copy of one of them, a brief repeating one
// sentence of it, a city story that mentions the dredging once, and a rates story for relative dates.
const engine = engineOver([
  [
    'channel.txt',
    'Channel works planned\n\ndate 2024-03-14\n\n' +
      [
        'The harbour board will dredge the northern channel this summer, its chair told members on Monday, so that the largest cruise ships can reach the quay at low tide without scraping the bottom, as two of them did last August in front of hundreds of passengers.',
        'Dredging the northern channel will cost about four million euros, which the port and the city have each said the other should pay, and the board expects the argument over the bill to run well into the autumn, long after the work itself has begun.',
        'Fishermen fear that dredging the northern channel will drive the mullet away from the estuary for a season, and their association has asked the board to wait until the winter months, when few boats go out and the catch matters less to the town.',
        'Divers surveyed the northern channel in February and found two wrecks that must be lifted before any dredging, the board said, adding that the work would not start before June and that the wrecks would be shown in the maritime museum afterwards.',
        'Sailing clubs have asked the board to keep one lane of the northern channel open while the dredging goes on, so that their summer regattas, which bring thousands of visitors to the town each year, can go ahead as planned in July and August.',
      ].join('\n\n'),
  ],
  [
    'city.txt',
    'City budget\n\ndate 2024-03-20\n\nThe city council, meeting late on Tuesday after a long debate about parking fees, school meals, street lighting and the state of the old market hall, said it would not pay a single euro towards the northern channel, and asked the national government to fund the dredging instead, as it did for the southern basin.',
  ],
  [
    'copy.txt',
    'Port digest\n\ndate 2024-03-21\n\nDredging the northern channel will cost about four million euros, which the port and the city have each said the other should pay, and the board expects the argument over the bill to run well into the autumn, long after the work itself has begun.',
  ],
  ['brief.txt', 'In brief\n\ndate 2024-03-23\n\nDredging the northern channel will cost four million euros.'],
  ['rates.txt', 'Rates\n\ndate 2024-03-22\n\nThe bank kept rates on hold on Wednesday.'],
]);

const files = (passage: { citations: { file: string }[] }) =>
  passage.citations.map((citation) => citation.file);

describe('the passages shown', () => {
  it('are at most three answering passages, best first, with the rest kept for "More results"', () => {
    const answer = engine.answer('dredging the northern channel');
    expect(answer.passages).toHaveLength(3);
    expect(answer.passages.every((passage) => files(passage).includes('channel.txt'))).toBe(true);
    const scores = answer.passages.map((passage) => passage.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(answer.morePassages.length).toBeGreaterThan(0);
  });

  it('show a passage quoted by two documents once, citing both', () => {
    const answer = engine.answer('how much will dredging the northern channel cost');
    expect(leadSentence(answer)).toContain('four million euros');
    expect(files(answer.passages[0])).toEqual(['channel.txt', 'copy.txt']);
    const quotes = [...answer.passages, ...answer.morePassages].filter((passage) =>
      passage.sentences.join(' ').includes('long after the work itself has begun'),
    );
    expect(quotes).toHaveLength(1);
  });

  it('keep apart a short brief that repeats one sentence of a longer passage', () => {
    // The brief says little besides that sentence: it is not a copy of the passage around it.
    const answer = engine.answer('how much will dredging the northern channel cost');
    expect(answer.passages.map(files)).toContainEqual(['brief.txt']);
  });

  it('leave out passages that do not hold the kind of answer asked for, keeping them for "More results"', () => {
    // Only the cost passage (and its copy and brief) names a sum; the other passages of the story do not.
    const answer = engine.answer('how much will dredging the northern channel cost');
    for (const passage of answer.passages) expect(passage.sentences.join(' ')).toContain('million euros');
    expect(answer.morePassages.map((passage) => passage.id)).toContain('channel.txt#2');
  });

  it('carry a score rounded to three decimals', () => {
    for (const passage of engine.answer('dredging the northern channel').passages) {
      expect(passage.score).toBe(Number(passage.score.toFixed(3)));
      expect(passage.score).toBeGreaterThan(0);
    }
  });
});

describe('"More results"', () => {
  it('offers a further document before further passages of the story already quoted', () => {
    // The city story ranks below the fourth and fifth passages of the channel story, but a reader
    // who asks for more wants another source first.
    const more = engine.answer('dredging the northern channel').morePassages;
    expect(more.map((passage) => passage.id)).toEqual([
      'brief.txt#0',
      'city.txt#0',
      'channel.txt#3',
      'channel.txt#4',
    ]);
    expect(more[1].score).toBeLessThan(more[2].score);
  });
});

describe('no answer', () => {
  it('quotes and offers nothing, but says what was searched', () => {
    const answer = engine.answer('What is the capital of France?');
    expect(answer.answered).toBe(false);
    expect(answer.passages).toEqual([]);
    expect(answer.morePassages).toEqual([]);
    expect(answer.searchedTerms).toEqual(expect.arrayContaining(['capit', 'france']));
  });
});

describe('relative dates', () => {
  it('are given as days, by the document’s date, only in answer to "when"', () => {
    const when = engine.answer('When did the bank keep rates on hold?');
    expect(firstFile(when)).toBe('rates.txt');
    expect(when.passages[0].dateNote).toBe(
      "“on Wednesday” is Wednesday 20 March 2024, going by the document's date (2024-03-22).",
    );
    const what = engine.answer('What did the bank keep on hold?');
    expect(firstFile(what)).toBe('rates.txt');
    expect(what.passages[0].dateNote).toBeUndefined();
  });

  it('are not looked for in an answer to "when" that names its month outright', () => {
    const answer = engine.answer('When will the dredging of the northern channel start?');
    expect(leadSentence(answer)).toContain('before June');
    expect(answer.passages[0].dateNote).toBeUndefined();
  });
});

describe('a passage a document says again nearly word for word', () => {
  const paragraph = (opening: string) =>
    `${opening} ${'The crossing takes forty minutes in calm weather and longer in winter storms when the sea runs high. '.repeat(6)}`;
  const repeating = () =>
    engineOver([
      [
        'twice.txt',
        `Ferry\n\n${paragraph('The Skerry ferry was launched by Ana Costa in May 2020 at the harbour.')}\n\n${paragraph('The Skerry ferry was launched by Ana Costa in May 2020 at the old harbour.')}`,
      ],
      [
        'copy.txt',
        `Ferry copy\n\n${paragraph('The Skerry ferry was launched by Ana Costa in May 2020 at the harbour.')}`,
      ],
    ]);

  it('is shown once, citing each document once', () => {
    const answer = repeating().answer('Who launched the Skerry ferry?');
    expect(answer.passages).toHaveLength(1);
    expect(answer.passages[0].citations.map((citation) => citation.file)).toEqual(['twice.txt', 'copy.txt']);
  });
});

describe('a quote that another document extends or alters', () => {
  const quote =
    'The Skerry ferry, launched by Ana Costa in May 2020, carries four hundred passengers between the two harbours every hour, in all weathers, and its crew of twelve live on the island.';
  const over = (other: string) =>
    engineOver([
      ['ferry.txt', `Ferry news\n\n${quote}`],
      ['other.txt', `Harbour notes\n\n${other}`],
    ]).answer('Who launched the Skerry ferry?');
  const cited = (answer: ReturnType<typeof over>) =>
    [...answer.passages, ...answer.morePassages].map((passage) => files(passage));

  it('is the same quote with a sentence added, shown once citing both', () => {
    expect(cited(over(`${quote} Tickets cost more since June.`))).toEqual([['ferry.txt', 'other.txt']]);
  });

  it('is another passage once much of its wording differs', () => {
    const altered = quote
      .replace('four hundred passengers', 'sixty cars')
      .replace('every hour, in all weathers', 'twice daily when calm')
      .replace('crew of twelve live', 'captain lives');
    expect(cited(over(altered))).toHaveLength(2);
  });
});
