import { analyze } from '../../src/analysis/analyzer';
import { nameBesideQuestion, questionKind, sentenceFitsKind } from '../../src/answer/question-kind';

/** The index terms of a question, as the answer decision passes them. */
const termsOf = (question: string) => new Set(analyze(question).map((token) => token.term));

describe('questionKind', () => {
  it.each([
    ['quantity', ['How much did the deal cost?', 'how many jets', 'how big is it', 'how large is the plant']],
    [
      'quantity',
      ['how long did it take', 'how far is it', 'how often do they meet', 'What amount was pledged?'],
    ],
    [
      'quantity',
      ['what number of jets', 'what percentage of sales', 'what share of trade', 'what sum was paid'],
    ],
    ['quantity', ['what value was put on it', "What's the price of the jets?", 'What is the total budget?']],
    ['quantity', ["What was the company's value?", 'What were the costs?', 'What will be the cost?']],
    [
      'time',
      ['When did it happen?', 'What year was it?', 'what date', 'what day', 'what month', 'what time'],
    ],
    ['time', ['which date', 'which year', 'which day', 'which month']],
    [
      'said',
      ['What did Modi say about the pact?', 'What has the minister said?', 'What does Lammy think of it?'],
    ],
    ['said', ['What did he tell reporters?', 'What did they announce?', 'How did Modi describe the talks?']],
    ['said', ['How did Modi characterise it', 'How does India view the deal', 'How did the markets react']],
    [
      'said',
      ['How have they responded?', 'What was the reaction of China?', 'What is the UK position on it?'],
    ],
    ['said', ['What was her stance']],
    ['person', ['Who signed?', 'To whom was it sent?', 'Whose idea was it?', 'Which officials attended?']],
    ['person', ['Which Indian defence companies signed?', 'which minister', 'which leaders', 'which firms']],
    [
      'person',
      ['which organisation', 'which organizations', 'which agency', 'which agencies', 'which banks'],
    ],
    ['person', ['which person', 'which people']],
    [
      'place',
      ['Where was it signed?', 'which city', 'which country', 'which place', 'which venue', 'which town'],
    ],
    ['place', ['what city', 'what country', 'what place', 'what venue']],
    [
      'other',
      ['Why did they sign?', 'What is TSI?', 'somewhere nice', 'whoever wins', 'whenever', 'nowhere'],
    ],
  ])('reads %s from %j', (kind, questions) => {
    for (const question of questions) expect([question, questionKind(question)]).toEqual([question, kind]);
  });

  it('takes the kind asked first, the rest describing the subject', () => {
    expect(questionKind('Where was Lammy when he announced the deal?')).toBe('place');
    expect(questionKind('When and where was it signed?')).toBe('time');
    expect(questionKind('Who said how much it cost?')).toBe('person');
  });
});

describe('sentenceFitsKind', () => {
  const fits = (sentence: string, kind: Parameters<typeof sentenceFitsKind>[1], question = '') =>
    sentenceFitsKind(sentence, kind, termsOf(question));

  it('finds a date or time, relative ones included, but not a year that is part of a name', () => {
    for (const sentence of [
      'The pact was signed in March.',
      'It opened in Dec.',
      'They met on Monday.',
      'It began in 2023.',
      'It began in June 2023.',
      'It began yesterday.',
      'It began two weeks ago.',
      'It began last year.',
      'Sales rose earlier this month.',
      'Sales rose in Q3.',
      'Sales rose in the first quarter.',
      'It came days before the summit.',
    ])
      expect([sentence, fits(sentence, 'time')]).toEqual([sentence, true]);
    for (const sentence of ['Roadmap 2030 sets goals.', 'The pact covers defence.', 'It was built in 1750.'])
      expect([sentence, fits(sentence, 'time')]).toEqual([sentence, false]);
  });

  it('finds a person or body the question does not name', () => {
    expect(fits('The deal was signed by Narendra Modi.', 'person', 'who signed the deal')).toBe(true);
    expect(fits('Prime Minister Modi signed it.', 'person', 'who signed it')).toBe(true);
    expect(fits('“Prime Minister Modi” signed.', 'person', 'who signed')).toBe(true);
    expect(fits('It was signed by the CEO.', 'person', 'who signed')).toBe(true);
    expect(fits('The finance team handles it.', 'person', 'who handles it')).toBe(true);
  });

  it('does not take a place, the question’s own name or role, a month, or a first word for a person', () => {
    expect(fits('India signed the deal.', 'person', 'who signed the deal')).toBe(false);
    expect(fits('Modi signed it.', 'person', 'did Modi sign it')).toBe(false);
    expect(fits('The finance team handles it.', 'person', 'which team handles it')).toBe(false);
    expect(fits('The minister signed it.', 'person', 'who is the prime minister')).toBe(false);
    expect(fits('Signed in March by officials.', 'person', 'who signed')).toBe(false);
  });

  it('wants a name, not another role, when the question itself names a role', () => {
    expect(fits('The president signed it.', 'person', 'who is the prime minister')).toBe(false);
    expect(fits('The president signed it.', 'person', 'who signed it')).toBe(true);
    // "Prime Minister" is the question's own role, however the sentence runs its words together.
    expect(fits('The Prime Minister arrived.', 'person', 'who is the prime minister')).toBe(false);
  });

  it('takes neither a place named mid-sentence nor a sentence’s first word for a person', () => {
    expect(fits('The deal was signed by India.', 'person', 'who signed the deal')).toBe(false);
    expect(fits('Officials signed it.', 'person', 'who signed it')).toBe(false);
    // Quotes, bullets and spaces before the first word leave it the first word.
    expect(fits('• “Officials signed it.”', 'person', 'who signed')).toBe(false);
    expect(fits('  Officials signed it.', 'person', 'who signed')).toBe(false);
  });

  it('takes neither a calendar word with punctuation after it nor a capitalised pronoun for a person', () => {
    expect(fits('They met on Monday.', 'person', 'who met')).toBe(false);
    expect(fits("It is due in 'March.'", 'person', 'who signs it')).toBe(false);
    expect(fits('He said: “We signed it.”', 'person', 'who signed it')).toBe(false);
  });

  it('finds a place named after a preposition, or a place-like noun, that the question does not name', () => {
    expect(fits('The talks were held in Geneva.', 'place', 'where were the talks held')).toBe(true);
    expect(fits('The talks were held in India.', 'place', 'where were talks held')).toBe(true);
    expect(fits('He flew into the New York area.', 'place', 'where did he fly')).toBe(true);
    expect(fits('Forms are at the front desk.', 'place', 'where are forms')).toBe(true);
    expect(fits('It is on the finance portal.', 'place', 'where is it')).toBe(true);
    expect(fits('The talks were held in India.', 'place', 'where in India were talks held')).toBe(false);
    expect(fits('It is on the portal.', 'place', 'where is the portal')).toBe(false);
    expect(fits('The talks went well.', 'place', 'where were talks')).toBe(false);
  });

  it('finds an amount, not a day of the month or a year; and a sum of money when money is asked', () => {
    expect(fits('It rose 30 percent.', 'quantity', 'how much did it rise')).toBe(true);
    expect(fits('They met twice.', 'quantity', 'how often did they meet')).toBe(true);
    expect(fits('It was his second visit.', 'quantity', 'how many visits')).toBe(true);
    expect(fits('Three firms signed.', 'quantity', 'how many firms')).toBe(true);
    expect(fits('Several firms signed.', 'quantity', 'how many firms')).toBe(false);
    expect(fits('They met on June 22.', 'quantity', 'how many meetings')).toBe(false);
    expect(fits('They met on 22nd of June.', 'quantity', 'how many meetings')).toBe(false);
    expect(fits('They met in 2023.', 'quantity', 'how many meetings')).toBe(false);
    expect(fits('It cost $5 billion.', 'quantity', 'how much did it cost')).toBe(true);
    expect(fits('It is worth 5 million.', 'quantity', 'how much is it worth')).toBe(true);
    expect(fits('It cost Rs 500 crore.', 'quantity', 'what did it cost')).toBe(true);
    expect(fits('Two countries signed.', 'quantity', 'how much did it cost')).toBe(false);
  });

  it('finds quoted or reported words', () => {
    expect(fits('"We are ready," he said.', 'said')).toBe(true);
    expect(fits('According to officials, it went well.', 'said')).toBe(true);
    expect(fits("He called it 'a new chapter in our ties' at the event.", 'said')).toBe(true);
    expect(fits('The pact covers defence.', 'said')).toBe(false);
  });

  it('asks nothing of a sentence for any other question', () => {
    expect(fits('"We met in Geneva on Monday," Modi said of the $5 billion deal.', 'other')).toBe(false);
  });
});

describe('nameBesideQuestion', () => {
  const beside = (sentence: string) => nameBesideQuestion(sentence, termsOf('who is the prime minister'));

  it('finds a name beside the role the question asks about, before or after it', () => {
    expect(beside('On Monday, Modi, the prime minister, arrived.')).toBe(true);
    expect(beside('Prime Minister Narendra Modi arrived.')).toBe(true);
    expect(beside('The visit was led by Prime Minister Narendra Modi.')).toBe(true);
  });

  it('counts words, not spaces, and reads a word inside brackets', () => {
    expect(beside('The prime minister  met  Modi.')).toBe(true);
    expect(beside('On Monday Modi  met the  prime minister.')).toBe(true);
    expect(beside('Then Modi (minister) arrived.')).toBe(true);
  });

  it('does not take the role’s own words, or the country it belongs to, for the holder’s name', () => {
    expect(beside('The Prime Minister arrived late.')).toBe(false);
    expect(beside('The Prime Minister of India arrived.')).toBe(false);
  });

  it('does not take a name several words from the role, or a month, for the holder', () => {
    expect(beside('Modi arrived in Delhi on Monday after a long flight and met the prime minister.')).toBe(
      false,
    );
    expect(
      beside('The prime minister arrived with many others from the long list of guests, and Lammy.'),
    ).toBe(false);
    expect(beside('The prime minister arrived in March.')).toBe(false);
  });
});
