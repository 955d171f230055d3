import { CorpusEngine } from '../../src/answer/engine';
import { answerPlainText } from '../../src/answer/plain-text';
import { assembleDocuments } from '../../src/corpus/load-corpus';
import { firstFile, leadSentence } from './answer-reading';

// A small news corpus written for these cases: each question has one passage that answers it and at
// least one that tempts the engine without answering.
const corpus: [string, string][] = [
  [
    'premier.txt',
    'Talks in Lisbon\n\ndate 2024-03-14\n\nThe agreement was delivered by the foreign secretary on behalf of the prime minister of Portugal, the readout said. It builds on earlier work between the two governments.',
  ],
  [
    'premier-named.txt',
    'A visit to the port\n\ndate 2024-03-02\n\nPrime Minister Luis Montenegro of Portugal toured the harbour works for the second time and met dock workers.',
  ],
  [
    'rates.txt',
    'Central bank holds rates\n\ndate 2024-03-14\n\nThe central bank kept interest rates at 4.5 percent on Wednesday, citing slower inflation. Analysts had expected the pause.',
  ],
  [
    'dispute.txt',
    'Row over fishing\n\ndate 2024-03-01\n\nHe said the row over harbour rates should not have happened, and that what is happening now between two old allies is worse.',
  ],
  [
    'fees.txt',
    'Port charges rise\n\ndate 2024-03-08\n\nHarbour fees for container ships rose 5 percent this month.',
  ],
  [
    'word.txt',
    'Dockers angry\n\ndate 2024-03-09\n\nThe union said there was not a word on any deal from the harbour board, and any word on it was welcome.',
  ],
  [
    'corning.txt',
    'Glassmaker expands\n\ndate 2024-03-05\n\nShareholders of Corning Glass Works approved a new plant for the glassmaker, which Corning will build in Ohio.',
  ],
  [
    'corn.txt',
    'Grain harvest\n\ndate 2024-03-06\n\nFarmers reported a record corn harvest this season as yields rose across the plains.',
  ],
  [
    'board.txt',
    'Trade council names its board\n\nThe council announced its board for the year:\n\n• Maria Silva, Chair, Atlantic Trade Council\n• Joao Pereira, Treasurer, Harbour Fund\n• Ana Costa, Secretary, Lisbon Chamber of Commerce',
  ],
  [
    'earnings.txt',
    'Harbour Fund year net\n\nShr 1.20 dlrs vs 1.05 dlrs\n    Net 12.3 mln vs 10.1 mln\n    Revs 250 mln vs 230 mln\n Reuter',
  ],
  [
    'workshop.txt',
    'Shipping workshop opens\n\nThe first shipping safety workshop was held this week in Porto, bringing together port operators and insurers.',
  ],
  [
    'bridge.txt',
    'Bridge funding\n\ndate 2024-02-20\n\nThe government announced 40 million euros for repairs to the river bridge, with work to start in May.',
  ],
  [
    'minister-quote.txt',
    'Minister on trade\n\ndate 2024-03-10\n\n"Our ports are open for business and we want more trade with Asia," Costa said at the chamber dinner. Officials later toured the docks.',
  ],
  [
    'passports.txt',
    'Ferry queues\n\ndate 2024-03-11\n\nTravellers holding Portuguese passports queued at the harbour in Porto on Monday.',
  ],
  [
    'lease.txt',
    'Lease renewed\n\ndate 2024-03-12\n\nThe port authority renewed the ferry company lease for ten years, and dockers said a tip from a porter led customs to a stolen car.',
  ],
  [
    'iberia.txt',
    'Iberian ports pact\n\ndate 2024-03-13\n\nPortugal and Spain signed a ports pact in Vigo on Tuesday, after a year of talks between their transport ministries, which had met every month since last spring to settle how ships, cargo and crews would move between the ports of the two coasts in future.\n\nThe pact follows a dispute over fishing quotas that strained relations last spring, when trawlers were held in harbour for weeks and the fish markets of the northern coast stood empty, until the fleets were allowed to sail again under a temporary deal.\n\nThe two sides agreed to share berth schedules and customs data from June, officials said, so that a ship cleared in one port need not wait for the same checks in the next, and so that cargo can be tracked along the whole coast by both administrations.',
  ],
  [
    'dredging.txt',
    'Harbour season planned\n\ndate 2024-03-14\n\nThe harbour board met on Monday to plan the summer season for the cruise terminal, with more ships booked than in any year before and the car parks, buses and guides of the old town expected to be stretched on the busiest days of July and August.\n\nLater that day, Pereira held talks with the board about dredging the northern channel before June, since the largest ships now scrape the bottom at low tide, and about who would pay for the work, which the port and the city have each said the other should fund.\n\nDuring the talks, the dockers union flagged its concerns over night shifts and pay for overtime, saying that crews had worked past midnight for weeks without the extra pay agreed last year, and that safety suffered when the same crews came back at dawn.',
  ],
  [
    'trade-older.txt',
    'Port traffic rises\n\ndate 2023-06-01\n\nContainer traffic through the port of Porto rose sharply last year as trade with Asia grew.',
  ],
  [
    'trade-newer.txt',
    'Port traffic slows\n\ndate 2024-03-12\n\nContainer traffic through the port of Porto slowed this quarter as trade with Asia cooled.',
  ],
];

function engineOver(documents: [string, string][]): CorpusEngine {
  return CorpusEngine.fromDocuments(
    assembleDocuments(
      documents.map(([file, text]) => ({ file, text, size: text.length, mtimeMs: 0, contentHash: file })),
    ),
  );
}

const engine = engineOver(corpus);

describe('the kind of answer asked for', () => {
  it('answers "who" with a sentence that names someone other than the question\'s own names', () => {
    // The readout mentions "the prime minister" but names no one; the harbour story names him.
    const answer = engine.answer('who is the prime minister of portugal');
    expect(firstFile(answer)).toBe('premier-named.txt');
    expect(leadSentence(answer)).toContain('Luis Montenegro');
  });

  it('answers "which <people> minister" with the person, whether or not the passage says "minister"', () => {
    expect(leadSentence(engine.answer('Which Portuguese minister toured the harbour works?'))).toContain(
      'Montenegro',
    );
  });

  it('answers "where" only with a place', () => {
    const answer = engine.answer('Where was the first shipping safety workshop held?');
    expect(leadSentence(answer)).toContain('Porto');
    // The bridge story says what and when, never where.
    expect(engine.answer('Where will the river bridge repairs happen?').answered).toBe(false);
  });

  it('answers "how much" only with an amount', () => {
    const answer = engine.answer('How much was announced for the river bridge?');
    expect(leadSentence(answer)).toContain('40 million');
    // The workshop story says nothing of money or numbers.
    expect(engine.answer('How many insurers attended the shipping safety workshop?').answered).toBe(false);
  });

  it('answers a question about money only with a sum, and never with a date or a named year', () => {
    // The pact story counts two coasts and dates June; the bridge story names a sum.
    expect(engine.answer('How much is the Iberian ports pact worth in euros?').answered).toBe(false);
    expect(engine.answer("What is the harbour board's cruise budget for the summer season?").answered).toBe(
      false,
    );
    expect(
      leadSentence(engine.answer("What is the government's repair budget for the river bridge?")),
    ).toContain('40 million');
  });

  it('answers "how many times" with a count said as an ordinal', () => {
    expect(leadSentence(engine.answer('How many times has Montenegro toured the harbour works?'))).toContain(
      'second time',
    );
  });

  it('answers "what did X say" with X\'s own words', () => {
    const answer = engine.answer('What did Costa say about trade with Asia?');
    expect(firstFile(answer)).toBe('minister-quote.txt');
    expect(leadSentence(answer)).toContain('open for business');
  });

  it('answers "when" with a relative date, resolved by the document\'s date', () => {
    const answer = engine.answer('When did the central bank keep interest rates on hold?');
    expect(leadSentence(answer)).toContain('on Wednesday');
    // The story is dated Thursday 14 March 2024: its "Wednesday" is the day before.
    expect(answer.passages[0].dateNote).toContain('Wednesday 13 March 2024');
    expect(answerPlainText(answer)).toContain('Wednesday 13 March 2024');
  });

  it('quotes a relative date as written when the document has no date', () => {
    const answer = engine.answer('When was the shipping safety workshop held?');
    expect(leadSentence(answer)).toContain('this week');
    expect(answer.passages[0].dateNote).toBeUndefined();
  });
});

describe('what a question asks, apart from how it is asked', () => {
  it('does not search the frame of a question as its subject', () => {
    // "happening" would find the dispute story's "should not have happened".
    const answer = engine.answer('what is happening with interest rates?');
    expect(firstFile(answer)).toBe('rates.txt');
    // Searched as words, "any word on" would lead with the dockers' "not a word on any deal from the harbour".
    expect(firstFile(engine.answer('any word on harbour fees?'))).toBe('fees.txt');
  });

  it('answers a long, polite question by its core', () => {
    const answer = engine.answer(
      'Hi there, my manager asked me to find out quickly, before our team meeting this afternoon, who exactly chairs the Atlantic Trade Council, because we need it for the briefing document',
    );
    expect(firstFile(answer)).toBe('board.txt');
    expect(leadSentence(answer)).toContain('Maria Silva');
  });

  it('does not stem a name onto a common word', () => {
    // "Corning" stems to "corn"; the grain story is the one about corn.
    const answer = engine.answer('what is happening with corn?');
    expect(firstFile(answer)).toBe('corn.txt');
    expect(engine.answer('what is Corning building?').passages[0]?.citations[0]?.file).toBe('corning.txt');
  });

  it('prefers the newer story when asked for the latest', () => {
    expect(firstFile(engine.answer("what's the latest on container traffic through Porto?"))).toBe(
      'trade-newer.txt',
    );
  });

  it('gives no answer to an off-topic question that shares a word or two with the corpus', () => {
    expect(engine.answer('how do I fix a leaking kitchen tap at the port').answered).toBe(false);
    expect(engine.answer('which smartphone has the best camera for harbour photos').answered).toBe(false);
  });

  it('answers from a later passage of a story that names its subject in its lead or just before', () => {
    // "The two sides" are Portugal and Spain, named in the story's first paragraph only.
    const answer = engine.answer('What data did Portugal and Spain agree to share?');
    expect(leadSentence(answer)).toContain('berth schedules and customs data');
    // "The talks" are those with Pereira, named in the passage before.
    expect(
      leadSentence(engine.answer('What concerns did the union flag in the talks with Pereira?')),
    ).toContain('night shifts');
  });

  it('reads chat spellings as the asking, not as names to look for', () => {
    expect(leadSentence(engine.answer('wat did Costa say abt trade with Asia'))).toContain(
      'open for business',
    );
  });

  it('gives no answer to what the asker means to do when no passage says that deed', () => {
    expect(engine.answer('how do I renew my passport').answered).toBe(false);
    expect(engine.answer('how to renew a Portuguese passport').answered).toBe(false);
    expect(engine.answer('how much should I tip a ferry porter in Porto').answered).toBe(false);
    expect(leadSentence(engine.answer('where did travellers with passports queue'))).toContain('Porto');
  });

  it("gives no answer when the corpus says the question's words only in another sense, or not together", () => {
    // Everyday words ("world", "won", "final") are common in news; "cup" and "tickets" are not. The tea
    // story's cup is a cup of tea, and the ferry sells tickets, not concert tickets.
    const everyday = ['won new orders', 'travelled the world', 'signed a final deal'];
    const news = Array.from({ length: 60 }, (_, i): [string, string] => [
      `news-${i}.txt`,
      `Markets ${i}\n\nExporters ${everyday[i % 3]} on quota ${i}.`,
    ]);
    const compounds = engineOver([
      ...news,
      [
        'tea.txt',
        'Tea prices\n\nA cup of tea in Lisbon cafes costs more after a final rise this season, Costa said.',
      ],
      [
        'gold.txt',
        'Gold tax\n\nDealers in Lisbon said gold jewellery and coins are now taxed at 15 percent.',
      ],
      ['fashion.txt', 'Fashion week\n\nLisbon fashion week opened with a show of linen dresses.'],
      ['fashion-retail.txt', 'Fashion retail\n\nFashion retailers in Porto reported higher sales in March.'],
      ...[1, 2, 3].map((i): [string, string] => [
        `gold-price-${i}.txt`,
        `Gold price ${i}\n\nThe gold price rose for a ${i}th week as investors bought bullion.`,
      ]),
      [
        'ferry.txt',
        'Ferry fares cut\n\nThe ferry company said travellers can buy cheap tickets in Porto from Monday, with tickets on sale at the harbour.',
      ],
    ]);
    expect(compounds.answer('who won the world cup final').answered).toBe(false);
    // The gold story says "gold" and "jewellery", never "fashion": a question of three things is about its
    // two most specific together.
    expect(compounds.answer('what gold jewellery is in fashion in Lisbon').answered).toBe(false);
    expect(leadSentence(compounds.answer('what gold jewellery is taxed in Lisbon'))).toContain('15 percent');
    expect(compounds.answer('where can I buy cheap concert tickets').answered).toBe(false);
    expect(leadSentence(compounds.answer('where can I buy cheap ferry tickets'))).toContain('Porto');
    expect(leadSentence(compounds.answer('who says a cup of tea costs more'))).toContain('Costa');
  });
});

describe('lists and tables', () => {
  it('marks the list item that answers and shows each item as a bullet', () => {
    const answer = engine.answer('Who chairs the Atlantic Trade Council?');
    expect(leadSentence(answer)).toBe('Maria Silva, Chair, Atlantic Trade Council');
    expect(answerPlainText(answer)).toContain('\n• Joao Pereira, Treasurer, Harbour Fund');
    expect(answerPlainText(answer)).toContain('• **Maria Silva, Chair, Atlantic Trade Council**');
  });

  it('indexes lines of figures and quotes them as rows', () => {
    const answer = engine.answer('What was the Harbour Fund net for the year?');
    expect(firstFile(answer)).toBe('earnings.txt');
    expect(answerPlainText(answer)).toMatch(/\n• (\*\*)?Net 12\.3 mln vs 10\.1 mln/);
  });
});
