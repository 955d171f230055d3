import { LIST_BULLET, layOutSentences } from '../../src/answer/passage-layout';
import { answerPlainText, formatCitation, NO_ANSWER_TEXT } from '../../src/answer/plain-text';
import type { Answer, AnswerPassage } from '../../src/answer/types';

const passage = (overrides: Partial<AnswerPassage> = {}): AnswerPassage => ({
  id: 'ferry.txt#0',
  sentences: ['The ferry left Dover at noon.', 'It reached Calais two hours later.', 'Crews were tired.'],
  answerSentence: 1,
  citations: [{ file: 'ferry.txt', title: 'Ferry crossing', date: '2024-05-01' }],
  score: 1,
  ...overrides,
});

const answer = (passages: AnswerPassage[]): Answer => ({
  question: 'when did the ferry reach Calais',
  searchedTerms: ['ferri', 'calai'],
  answered: true,
  passages,
  morePassages: [],
});

describe('citations as text', () => {
  it('read file, title, date and link in that order, leaving out what the document lacks', () => {
    expect(formatCitation({ file: 'ferry.txt', title: 'Ferry crossing', date: '2024-05-01' })).toBe(
      'ferry.txt · Ferry crossing · 2024-05-01',
    );
    expect(formatCitation({ file: 'ferry.txt', title: 'Ferry crossing' })).toBe('ferry.txt · Ferry crossing');
    expect(
      formatCitation({
        file: 'report.pdf',
        title: 'Annual report',
        location: { page: 4 },
        url: 'https://files.example.com/report.pdf',
      }),
    ).toBe('report.pdf · p. 4 · Annual report · https://files.example.com/report.pdf#page=4');
  });
});

describe('an answer as plain text', () => {
  it('says the corpus does not answer, and quotes nothing, when there is no answer', () => {
    const none: Answer = { ...answer([passage()]), answered: false };
    expect(answerPlainText(none)).toBe(NO_ANSWER_TEXT);
  });

  it('marks only the answering sentence in bold, then lists the sources under the passage', () => {
    expect(answerPlainText(answer([passage()]))).toBe(
      'The ferry left Dover at noon. **It reached Calais two hours later.** Crews were tired.\n' +
        '  — ferry.txt · Ferry crossing · 2024-05-01',
    );
  });

  it('leaves the sentence unmarked when asked to, and cites every document of a merged passage', () => {
    const merged = passage({
      citations: [
        { file: 'ferry.txt', title: 'Ferry crossing' },
        { file: 'port.txt', title: 'Port news' },
      ],
    });
    expect(answerPlainText(answer([merged]), { markAnswer: false })).toBe(
      'The ferry left Dover at noon. It reached Calais two hours later. Crews were tired.\n' +
        '  — ferry.txt · Ferry crossing\n' +
        '  — port.txt · Port news',
    );
  });

  it('gives the day a relative date means between the passage and its sources, and parts passages by a blank line', () => {
    const dated = passage({ dateNote: '“on Monday” is Monday 29 April 2024' });
    const second = passage({ sentences: ['Calais was busy.'], answerSentence: 0 });
    expect(answerPlainText(answer([dated, second]))).toBe(
      'The ferry left Dover at noon. **It reached Calais two hours later.** Crews were tired.\n' +
        '  (“on Monday” is Monday 29 April 2024)\n' +
        '  — ferry.txt · Ferry crossing · 2024-05-01\n\n' +
        '**Calais was busy.**\n' +
        '  — ferry.txt · Ferry crossing · 2024-05-01',
    );
  });

  it('shows list items as bullets, the answering item marked whole', () => {
    const list = passage({
      sentences: ['The board for the year:', 'Ann Lee, Chair', 'Bo Chen, Treasurer'],
      listItems: [1, 2],
      answerSentence: 2,
    });
    expect(
      answerPlainText(answer([list]))
        .split('\n')
        .slice(0, 3),
    ).toEqual([
      'The board for the year:',
      `${LIST_BULLET}Ann Lee, Chair`,
      `${LIST_BULLET}**Bo Chen, Treasurer**`,
    ]);
  });
});

describe('passage layout', () => {
  it('keeps prose on one line and puts each item on its own line behind a bullet', () => {
    expect(layOutSentences(['One.', 'Two.'])).toBe('One. Two.');
    expect(layOutSentences(['Items:', 'a', 'b'], [1, 2])).toBe('Items:\n• a\n• b');
  });

  it('starts prose after a list on a line of its own, without a bullet', () => {
    expect(layOutSentences(['a', 'b', 'After the list.', 'More.'], [0, 1])).toBe(
      '• a\n• b\nAfter the list. More.',
    );
  });

  it('reads item indexes from the passage start when quoting only part of it', () => {
    // Parts 0 and 1 are sentences 3 and 4 of the passage; sentence 4 is an item.
    expect(layOutSentences(['Lead-in:', 'item'], [4], 3)).toBe('Lead-in:\n• item');
    expect(layOutSentences(['item', 'prose'], [3], 3)).toBe('• item\nprose');
    expect(layOutSentences([], [0])).toBe('');
  });
});
