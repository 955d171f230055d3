import type { Answer } from '../../src/answer/types';
import { renderAnswerText, renderMorePassagesText, renderSourcesText } from '../../src/console/render';

const passage = (file: string, sentences: string[], answerSentence = 0) => ({
  id: `${file}#0`,
  sentences,
  answerSentence,
  citations: [{ file, title: `Title ${file}`, date: '2024-07-24' }],
  score: 1,
});

describe('renderAnswerText', () => {
  it('prints the passage with the answering sentence marked, then its citation', () => {
    const answer: Answer = {
      question: 'q',
      searchedTerms: [],
      answered: true,
      passages: [passage('a.txt', ['Before.', 'The answer.'], 1)],
      morePassages: [passage('b.txt', ['More.'])],
    };
    expect(renderAnswerText(answer)).toBe(
      'Before. **The answer.**\n  — a.txt · Title a.txt · 2024-07-24\n\n(1 more result: type /more)',
    );
    expect(renderMorePassagesText(answer, answer.morePassages, 0)).toBe(
      '**More.**\n  — b.txt · Title b.txt · 2024-07-24',
    );
  });

  it('says the corpus has no answer and how to see what it covers', () => {
    const text = renderAnswerText({
      question: 'q',
      searchedTerms: [],
      answered: false,
      passages: [],
      morePassages: [],
    });
    expect(text).toMatch(/corpus doesn't answer/);
    expect(text).toContain('/sources');
  });

  it('lists no documents for an empty corpus', () => {
    expect(renderSourcesText([])).toMatch(/empty/);
  });
});
