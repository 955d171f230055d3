import { CorpusEngine } from '../../src/answer/engine';
import { assembleDocuments } from '../../src/corpus/load-corpus';
import { firstFile } from './answer-reading';

/** People paste a headline they saw as their question; the story under that headline should lead. */
function engineOver(corpus: [string, string][]): CorpusEngine {
  return CorpusEngine.fromDocuments(
    assembleDocuments(
      corpus.map(([file, text]) => ({ file, text, size: text.length, mtimeMs: 0, contentHash: file })),
    ),
  );
}

describe('a headline asked as a question', () => {
  // Look-alikes come first and say the question's words at least as often, so only how closely each
  // headline matches the question can put the asked story first.
  const engine = engineOver([
    [
      'alder-sold.txt',
      'ALDER CHEMICAL SELLS CONVERTIBLE DEBT\n\nAlder Chemical Corp said it sold 50 mln dlrs of convertible debt due 2012 through underwriters.',
    ],
    [
      'alder-plans.txt',
      'ALDER CHEMICAL TO SELL CONVERTIBLE DEBT\n\nAlder Chemical Corp said it plans to sell 50 mln dlrs of convertible debt due 2012 through underwriters.',
    ],
    [
      'treasury-ecu.txt',
      'NEW ITALIAN TREASURY ECU BILL OFFER UNDERSUBSCRIBED\n\nA new Italian Treasury offer of ECU bills was undersubscribed, the Bank of Italy said. The new Italian Treasury offer drew bids for only part of the ECU bills, and the Treasury said another offer would follow.',
    ],
    [
      'treasury-new.txt',
      'NEW ITALIAN TREASURY OFFER UNDERSUBSCRIBED\n\nA new Italian Treasury offer of certificates was undersubscribed, the Bank of Italy said.',
    ],
    [
      'unemployment-japan.txt',
      "JAPAN UNEMPLOYMENT FALLS IN FEBRUARY\n\nJapan's unemployment rate fell in February to 2.9 pct from 3.0 pct in January, the government said. Unemployment fell as factories hired.",
    ],
    [
      'unemployment-uk.txt',
      'U.K. UNEMPLOYMENT FALLS IN FEBRUARY\n\nUnemployment in the U.K. fell by 44,100 in February to 3.07 mln, the Employment Department said.',
    ],
  ]);

  it('leads with the story whose headline says the question as typed', () => {
    expect(firstFile(engine.answer('alder chemical to sell convertible debt?'))).toBe('alder-plans.txt');
    expect(firstFile(engine.answer('alder chemical sells convertible debt'))).toBe('alder-sold.txt');
  });

  it('leads with the headline that says the question and little else', () => {
    expect(firstFile(engine.answer('new italian treasury offer undersubscribed'))).toBe('treasury-new.txt');
  });

  it('keeps a country typed in lowercase with dots', () => {
    expect(firstFile(engine.answer('u.k. unemployment falls in february'))).toBe('unemployment-uk.txt');
  });

  it('finds a story that names its subject only in its headline, among many that say it throughout', () => {
    // Other stories say the question's common words throughout, and the publisher's stories say its
    // name in both headline and text: the table of figures says the name only in its headline.
    const tables = Array.from({ length: 150 }, (_, i): [string, string] => [
      `group-${i}.txt`,
      `FIRM ${i} GROUP 4TH QTR NET\n\nFirm ${i} Group said its 4th qtr net rose. Group 4th qtr net was ${i + 2} mln dlrs against ${i + 1} mln, and the group said 4th qtr net sales rose.`,
    ]);
    const publisher = Array.from({ length: 15 }, (_, i): [string, string] => [
      `publisher-${i}.txt`,
      `MARLOW TALKS GO ON ${i}\n\nMarlow and Sons said talks with Marlow shareholders went on. Marlow said a Marlow board meeting is due, and Marlow staff were told.`,
    ]);
    const harbour = Array.from({ length: 600 }, (_, i): [string, string] => [
      `harbour-${i}.txt`,
      `HARBOUR STORY ${i}\n\nThe harbour board met on day ${i} and said ships waited for berths while cranes were repaired.`,
    ]);
    const asked: [string, string] = [
      'marlow-group.txt',
      'MARLOW GROUP 4TH QTR NET\n\nShr 24 cts vs 31 cts\n    Net 2,245,000 vs 2,885,000\n    Revs 50.7 mln vs 46.5 mln',
    ];
    const crowded = engineOver([...tables, ...publisher, ...harbour, asked]);
    expect(firstFile(crowded.answer('marlow group 4th qtr net?'))).toBe('marlow-group.txt');
  });
});
