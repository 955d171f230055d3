import type { Answer } from '../../src/answer/types';
import { renderAnswerText } from '../../src/console/render';

it('the console cites the page and heading path as Slack does, with the link', () => {
  const answer: Answer = {
    question: 'when do new starters get laptops?',
    searchedTerms: [],
    answered: true,
    passages: [
      {
        id: 'report.pdf#3',
        sentences: ['Laptops are handed out on the first morning.'],
        answerSentence: 0,
        citations: [
          {
            file: 'report.pdf',
            title: 'Annual report',
            date: '2024-03-12',
            location: { page: 12 },
            url: 'https://files.example.com/report.pdf',
          },
          { file: 'handbook.md', title: 'Staff handbook', location: { headings: ['Onboarding', 'Laptops'] } },
        ],
        score: 1,
      },
    ],
    morePassages: [],
  };
  const text = renderAnswerText(answer);
  expect(text).toContain(
    '— report.pdf · p. 12 · Annual report · 2024-03-12 · https://files.example.com/report.pdf#page=12',
  );
  expect(text).toContain('— handbook.md › Onboarding › Laptops · Staff handbook');
});
