import { weightedShare } from '../../src/answer/passage-match';
import { engineOver, firstFile, leadSentence } from './small-corpus';

describe('weighted share', () => {
  it('weighs what is said by each concept’s weight', () => {
    // The rare word said in full, the common one at half: (1·3 + 0.5·1) / 4.
    expect(weightedShare([1, 0.5], [3, 1])).toBe(0.875);
    expect(weightedShare([0, 1], [3, 1])).toBe(0.25);
  });

  it('is nothing when nothing weighs', () => {
    expect(weightedShare([1, 1], [0, 0])).toBe(0);
    expect(weightedShare([], [])).toBe(0);
  });
});

// Each document tempts the engine in one way a rule of passage-match.ts is there to resist.
const engine = engineOver([
  [
    'skerry.txt',
    'Coastal works\n\nThe Skerry lighthouse repairs were approved by the harbour board after a long debate. The repairs began in March.',
  ],
  [
    'vardo.txt',
    'Coastal works\n\nThe Vardo lighthouse repairs at the northern pier were approved by the harbour board and the Vardo council in a long and heated meeting. The work on the repairs started in March.',
  ],
  [
    'quote-near.txt',
    'Minister on trade\n\nCosta spoke at the chamber dinner. "Our ports are open for business," the minister said.',
  ],
  [
    'quote-far.txt',
    'Fishing minister at the docks\n\nSilva opened the fish market. Officials later toured the docks and the cold stores. Crews unloaded the catch. "Our fleet is ready for the season," the minister said.',
  ],
  [
    'terminal.txt',
    'Terminal opens\n\nThe ceremony for the ferry terminal was attended by the mayor, Rui Alves, and hundreds of residents from the town. Harbour Minister Ana Costa opened the terminal.',
  ],
  [
    'ferry.txt',
    'Ferry timetable cut\n\nThe operator will run two sailings a day from June, citing fuel costs.',
  ],
  ['buses.txt', 'Bus routes\n\nThe council will cut two bus routes from June.'],
  [
    'brenna.txt',
    'Harbour notes\n\nThe Brenna quay works began in March. The Brenna quay works began in May, a report later said.',
  ],
]);

describe('the answering sentence', () => {
  it('is the one of the asked kind, when it says at least half of what the best sentence says', () => {
    // The first sentence says more of the question, but only the second says when.
    const answer = engine.answer('When did the Skerry lighthouse repairs begin?');
    expect(firstFile(answer)).toBe('skerry.txt');
    expect(leadSentence(answer)).toBe('The repairs began in March.');
  });

  it('is the first of two sentences of the asked kind that say as much', () => {
    const answer = engine.answer('When did the Brenna quay works begin?');
    expect(firstFile(answer)).toBe('brenna.txt');
    expect(leadSentence(answer)).toBe('The Brenna quay works began in March.');
  });

  it('is not a sentence of the asked kind that says too little of the question: then there is no answer', () => {
    // "The work on the repairs started in March" says only "repairs" of the Vardo question.
    expect(engine.answer('When did the Vardo lighthouse repairs begin?').answered).toBe(false);
  });

  it('for "who", names someone beside the question’s words rather than someone elsewhere in the passage', () => {
    // The mayor is named in the sentence saying "ferry terminal", but not as the one who opened it.
    const answer = engine.answer('Who opened the ferry terminal?');
    expect(leadSentence(answer)).toBe('Harbour Minister Ana Costa opened the terminal.');
  });

  it('for "what did X say", is a quote with X named beside it', () => {
    const answer = engine.answer('What did Costa say about the ports?');
    expect(firstFile(answer)).toBe('quote-near.txt');
    expect(leadSentence(answer)).toContain('open for business');
  });

  it('for "what did X say", is never a quote far from any mention of X', () => {
    // Three sentences lie between Silva and "the minister said": the quote may be anyone's.
    expect(engine.answer('What did Silva say about the fleet?').answered).toBe(false);
  });

  it('for a follow-up "what did he say", is a quote with the earlier turn’s name beside it', () => {
    const earlier = ['Who opened the fish market at the docks, Silva?'];
    expect(engine.answer('what did he say about the fleet?', { history: earlier }).answered).toBe(false);
    const answer = engine.answer('what did she say about the ports?', {
      history: ['Where did Costa speak?'],
    });
    expect(firstFile(answer)).toBe('quote-near.txt');
    expect(leadSentence(answer)).toContain('open for business');
  });
});

describe('headlines', () => {
  it('answer a question that restates one, though the story’s text says none of its words', () => {
    const answer = engine.answer('ferry timetable cut');
    expect(firstFile(answer)).toBe('ferry.txt');
    expect(engine.answer('why was the ferry timetable cut').answered).toBe(true);
  });
});

describe('words said apart', () => {
  const apart = engineOver([
    [
      'hand-tools.txt',
      'Market\n\nAnn Wood sells hand tools from a small shop in the old covered market of Leeds, near the station and the bus stop on Park Row.',
    ],
    ['hand-held.txt', 'Market\n\nBo Chen sells hand-held tools in Leeds.'],
    ['together.txt', 'Music week\n\nTickets for the concert went on sale on Monday at the old town hall.'],
    ['apart.txt', 'Music week\n\nThe concert was loud. Tickets for the match went on sale on Tuesday.'],
    [
      'tavira.txt',
      'Bridge news\n\nJoao Reis met the builders at Tavira on Monday. Marta Lima signed the bridge contract with him there.',
    ],
    [
      'olhao.txt',
      'Road news\n\nJoao Reis toured the road works at Olhao. The council met on Friday to discuss budgets. Inspectors checked the site again in the spring. Marta Lima signed a letter of thanks.',
    ],
  ]);

  it('count a word met only inside a hyphenated one for less than the word itself', () => {
    // The short passage says "hand" only within "hand-held"; BM25 alone would put it first.
    const answer = apart.answer('Who sells hand tools in Leeds?');
    expect(answer.passages.map((passage) => passage.id)).toEqual(['hand-tools.txt#0', 'hand-held.txt#0']);
  });

  it('count the head of a compound said away from the words before it for less: it may be another thing', () => {
    // BM25 prefers the story whose tickets are for a match; only the other says the concert's tickets.
    const answer = apart.answer('When did concert tickets go on sale?');
    expect(answer.passages.map((passage) => passage.id)).toEqual(['together.txt#0', 'apart.txt#0']);
    expect(leadSentence(answer)).toContain('Monday');
  });

  it('join two names said in adjacent sentences, but not two sentences further apart', () => {
    const answer = apart.answer('What did Joao Reis and Marta Lima sign?');
    expect(firstFile(answer)).toBe('tavira.txt');
    expect(leadSentence(answer)).toBe('Marta Lima signed the bridge contract with him there.');
    expect(answer.passages.flatMap((passage) => passage.citations.map((c) => c.file))).not.toContain(
      'olhao.txt',
    );
  });
});
