import { renderDigestText } from '../../src/digest/render-digest-text';
import { digestOf } from './fixtures';

// The console's `/digest`: the same sections as the Slack message, as plain lines.
describe('renderDigestText', () => {
  it('lists new, changed and removed documents, then the questions with their counts and ratings', () => {
    const text = renderDigestText(
      digestOf({
        changedDocuments: [{ file: 'tariffs.md', title: 'Tariff table', leadSentence: 'Duties rose.' }],
        removedDocuments: ['old.txt', 'older.txt'],
        questions: {
          ...digestOf().questions,
          poorlyRated: [{ question: 'Who won?', count: 1, up: 0, down: 2 }],
        },
      }),
    );
    expect(text.split('\n')).toEqual([
      'Coop digest for Monday 2 March 2026 (Europe/London), since the digest of Friday 27 February 2026',
      '',
      'New documents (1):',
      '  • Lighthouse keepers strike (2026-03-01) — norway.txt',
      '    The keepers went on strike over pay.',
      '',
      'Changed documents (1):',
      '  • Tariff table — tariffs.md',
      '    Duties rose.',
      '',
      'Removed (2): old.txt, older.txt',
      '',
      'Questions: 4 questions (1 follow-up) from 3 people · 👍 1 · 👎 1',
      '  Most asked:',
      '    • “Why did they strike?” (asked 2×, 👍 1 👎 0)',
      '  No answer in the corpus:',
      '    • “What is the price of copper?” (asked once, 👍 0 👎 1)',
      '  Answers rated 👎:',
      '    • “Who won?” (asked once, 👍 0 👎 2)',
      '',
      '12 documents in the corpus.',
    ]);
  });

  it('leaves out follow-ups and ratings nobody gave, and lists nothing absent', () => {
    const text = renderDigestText(
      digestOf({
        previousDay: undefined,
        questions: {
          total: 1,
          followUps: 0,
          askers: 1,
          mostAsked: [{ question: 'Why did they strike?', count: 1, up: 0, down: 0 }],
          unanswered: [],
          poorlyRated: [],
          up: 0,
          down: 0,
        },
      }),
    );
    expect(text).toContain('Coop digest for Monday 2 March 2026 (Europe/London), since 2026-02-27 09:00 UTC');
    expect(text).toContain('Questions: 1 question from 1 person · 👍 0 · 👎 0');
    expect(text).toContain('    • “Why did they strike?” (asked once)');
    expect(text).not.toMatch(/Changed documents|Removed|No answer in the corpus|Answers rated/);
  });

  it('says nothing is new on an empty day, with a document from the corpus when there is one', () => {
    const empty = digestOf({ empty: true, newDocuments: [] });
    expect(renderDigestText(empty).split('\n').slice(1)).toEqual([
      '',
      'Nothing new in the corpus and no questions.',
    ]);
    const withItem = renderDigestText({
      ...empty,
      fromTheCorpus: {
        file: 'glacier.txt',
        title: 'Glacier melt',
        date: '2026-01-05',
        leadSentence: 'Ice was lost.',
      },
    });
    expect(withItem.split('\n').slice(1)).toEqual([
      '',
      'Nothing new in the corpus and no questions.',
      '',
      'From the corpus:',
      '  Glacier melt (2026-01-05) — glacier.txt',
      '    “Ice was lost.”',
    ]);
  });
});
