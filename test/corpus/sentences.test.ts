import { splitSentences } from '../../src/corpus/sentences';

/** Each way a period can sit inside a sentence, and each way a sentence can still end there. */
describe('splitSentences, rule by rule', () => {
  it.each([
    ['a title', 'The report was sent to Sen. Warren on Monday.'],
    ['a military rank', 'The unit was led by Lt. Col. Arora during the exercise.'],
    ['a company suffix', 'Acme Corp. Chairman John Smith resigned on Friday.'],
    ['a month', 'The plant opens on Sept. 12 near Pune.'],
    ['"e.g."', 'Some minerals, e.g. Lithium and cobalt, are scarce.'],
    ['"i.e."', 'The older plan, i.e. The one from 2019, was dropped.'],
    ['"a.m."', 'Talks began at 10 a.m. Tuesday in Delhi.'],
    ['"vs."', 'The score was India vs. England in the final.'],
    ['a single initial', 'The book by J. K. Rowling sold well.'],
    ['an initialism before a name', 'Ambassador P.S. Raghavan spoke first.'],
    ['an initialism before a noun', 'The U.K. Ministry of Defence agreed.'],
    ['"No." before a number', 'The minister lives at No. 10 Downing Street.'],
    ['"Nos." before a number', 'Units Nos. 3 and 4 were closed.'],
    ['an abbreviation after an opening quote', 'The panel, “Prof. Rao said”, met twice.'],
    ['an abbreviation after a bracket', 'The panel (Dr. Rao and others) met twice.'],
    ['a period not followed by a sentence start', 'Profit was 5 dlrs. vs 4 dlrs a year ago.'],
  ])('keeps one sentence across %s', (_, text) => {
    expect(splitSentences(text)).toEqual([text]);
  });

  it.each([
    [
      'an initialism before "The"',
      'He flew to the U.S. The talks began.',
      ['He flew to the U.S.', 'The talks began.'],
    ],
    [
      'an initialism before "However"',
      'The deal was signed in the U.K. However, details were not given.',
      ['The deal was signed in the U.K.', 'However, details were not given.'],
    ],
    ['"No." before a word', 'The answer was No. Talks ended.', ['The answer was No.', 'Talks ended.']],
    [
      'a period before a currency sign',
      'Prices rose in May. £5 was the new fee.',
      ['Prices rose in May.', '£5 was the new fee.'],
    ],
    [
      '"nos." before a word',
      'The plan says nos. But they agreed.',
      ['The plan says nos.', 'But they agreed.'],
    ],
    [
      '"No." before a word with a figure inside',
      'The answer was No. A4 sheets were used.',
      ['The answer was No.', 'A4 sheets were used.'],
    ],
    [
      'a question mark after an abbreviation',
      'Was the buyer Acme Inc? The filing says so.',
      ['Was the buyer Acme Inc?', 'The filing says so.'],
    ],
    [
      'an ellipsis after an abbreviation',
      'The money went to Acme Inc... The rest is unknown.',
      ['The money went to Acme Inc...', 'The rest is unknown.'],
    ],
    [
      'an exclamation before a quote',
      'It worked! “We are delighted,” she said.',
      ['It worked!', '“We are delighted,” she said.'],
    ],
    [
      'a sentence before a number',
      'Sales rose 5%. 2024 will be better.',
      ['Sales rose 5%.', '2024 will be better.'],
    ],
    [
      'a closing bracket',
      '(The figures are provisional.) Officials expect a revision.',
      ['(The figures are provisional.)', 'Officials expect a revision.'],
    ],
    [
      'a question in quotes',
      'He asked, “Will it work?” Nobody answered.',
      ['He asked, “Will it work?”', 'Nobody answered.'],
    ],
    ['an ordinary word', 'Prices rose in the area. Costs fell.', ['Prices rose in the area.', 'Costs fell.']],
  ])('ends a sentence at %s', (_, text, sentences) => {
    expect(splitSentences(text)).toEqual(sentences);
  });

  it('trims each sentence and keeps the spacing inside it', () => {
    expect(splitSentences('  First  one here.   Second one.  ')).toEqual(['First  one here.', 'Second one.']);
  });

  it('gives no sentence for an empty or blank paragraph', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   ')).toEqual([]);
  });

  it('keeps a last sentence without closing punctuation', () => {
    expect(splitSentences('The talks ended. Both sides will meet again')).toEqual([
      'The talks ended.',
      'Both sides will meet again',
    ]);
  });
});
