import type { Concept } from '../../src/answer/query';
import { documentSupport, readsAsHeadline, recency } from '../../src/answer/ranking';
import type { CorpusDocument } from '../../src/corpus/types';
import type { PassageHit } from '../../src/search/passage-index';
import { engineOver, firstFile } from './small-corpus';

const hit = (file: string, score: number, date?: string): PassageHit => {
  const document: CorpusDocument = {
    file,
    title: file,
    date,
    passages: [],
    size: 1,
    mtimeMs: 0,
    contentHash: file,
  };
  return { document, score, passage: { id: `${file}#0`, file, position: 0, sentences: ['Text.'] } };
};

const concept = (label: string, fromHistory = false): Concept => ({
  label,
  weight: 1,
  coverageShare: 1,
  isVerb: false,
  nameHead: false,
  isName: false,
  fromHistory,
  alternatives: [{ terms: [label], weight: 1 }],
});

describe('document support', () => {
  it('sums each document over its candidate passages, against the best document', () => {
    // A story that says the subject in two passages outweighs one that mentions it once, more strongly.
    const support = documentSupport([hit('story.txt', 2), hit('story.txt', 2), hit('mention.txt', 3)]);
    expect(support.get('story.txt')).toBe(1);
    expect(support.get('mention.txt')).toBe(0.75);
  });
});

describe('recency', () => {
  it('places each dated document between the oldest (0) and the newest (1), and leaves undated ones out', () => {
    const places = recency([
      hit('old.txt', 1, '2024-01-01'),
      hit('undated.txt', 1),
      hit('new.txt', 1, '2024-01-11'),
      hit('middle.txt', 1, '2024-01-03'),
    ]);
    expect(places.get('old.txt')).toBe(0);
    expect(places.get('new.txt')).toBe(1);
    expect(places.get('middle.txt')).toBeCloseTo(0.2);
    expect(places.has('undated.txt')).toBe(false);
  });

  it('counts documents all of one day as the newest', () => {
    const places = recency([hit('a.txt', 1, '2024-02-02'), hit('b.txt', 1, '2024-02-02')]);
    expect(places.get('a.txt')).toBe(1);
    expect(places.get('b.txt')).toBe(1);
  });
});

describe('a question read as a headline', () => {
  it('needs three words of its own: the words of earlier turns do not count', () => {
    expect(readsAsHeadline([concept('taiwan'), concept('relax'), concept('curbs')])).toBe(true);
    expect(readsAsHeadline([concept('taiwan'), concept('curbs')])).toBe(false);
    expect(readsAsHeadline([concept('taiwan'), concept('curbs'), concept('import', true)])).toBe(false);
  });
});

// Each pair of candidates is close on BM25, so the ranking rule under test decides which leads.
const engine = engineOver([
  [
    'wick-whole.txt',
    'Wick news\n\nThe coast guard station at Wick opened a new boathouse for the lifeboat crews of the northern isles.',
  ],
  [
    'wick-scattered.txt',
    'Wick news\n\nThe station guard at Wick opened a boathouse on the coast, with lottery money.',
  ],
  [
    'timetable.txt',
    'Ferry timetable cut\n\nThe operator of the island service said on Tuesday that it would run two sailings a day instead of four from June, citing fuel costs and a shortage of crew, and that the winter service would be reviewed in the autumn after talks with the council.\n\nIslanders said the ferry timetable cut would hurt shops and schools, and the council said it would ask the operator to keep the ferry timetable as it was, at least through the summer season when visitors come.',
  ],
  [
    'orkney-a.txt',
    'Island fares\n\nFares on the Orkney ferry rose by 12 percent this spring, the operator said on its website.\n\nThe Orkney ferry operator also said that the older of its two boats, which has served the islands for thirty years, will be replaced by a new vessel built in Poland, due to arrive in the spring of next year.\n\nOrkney ferry fares have risen every spring for five years, and islanders say the fares on the Orkney ferry now cost a family more than a week of food, so that many of them no longer cross to the mainland for shopping or to see relatives.',
  ],
  [
    'orkney-b.txt',
    'Island fares\n\nFares on the Orkney ferry rose by 10 percent this spring, said the operator.',
  ],
]);

describe('ranking on a small corpus', () => {
  it('puts a passage saying the question’s words side by side above one saying them scattered', () => {
    // The scattered passage is shorter, so BM25 alone would prefer it.
    const answer = engine.answer('What did the coast guard station at Wick open?');
    expect(answer.passages.map((passage) => passage.id)).toEqual([
      'wick-whole.txt#0',
      'wick-scattered.txt#0',
    ]);
  });

  it('puts a story about the subject above one that mentions it once', () => {
    // The one-paragraph story is shorter; the longer story says Orkney ferry fares in two passages.
    const answer = engine.answer('How much did fares on the Orkney ferry rise?');
    expect(firstFile(answer)).toBe('orkney-a.txt');
    expect(answer.passages[0].sentences[0]).toContain('12 percent');
  });

  it('leads with the lead passage of the story whose headline the question restates', () => {
    // The second passage says the headline's words in its text; the lead says what happened.
    const answer = engine.answer('ferry timetable cut');
    expect(answer.passages.map((passage) => passage.id)).toEqual(['timetable.txt#0', 'timetable.txt#1']);
  });
});

describe('answers to "who"', () => {
  const who = engineOver([
    [
      'vale.txt',
      'Terminal\n\nHarbour Master Tom Vale opened the ferry terminal in June after a long dispute with the city over the cost of the new quay and the car park beside it.',
    ],
    ['crowd.txt', 'Terminal\n\nRui Alves was there on the day that they opened the ferry terminal.'],
  ]);

  it('rank first the passage naming someone beside the question’s words', () => {
    // The shorter passage names someone who was there; the longer one names who opened it.
    const answer = who.answer('Who opened the ferry terminal?');
    expect(answer.passages.map((passage) => passage.id)).toEqual(['vale.txt#0', 'crowd.txt#0']);
  });
});
