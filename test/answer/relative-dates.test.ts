import { resolveRelativeDates } from '../../src/answer/relative-dates';

/** The day or span an answer gives for the one relative date in `sentence`, written on `documentDate`. */
function meaning(sentence: string, documentDate = '2024-07-26'): string | undefined {
  const resolved = resolveRelativeDates(sentence, documentDate);
  expect(resolved.length).toBeLessThanOrEqual(1);
  return resolved[0]?.meaning;
}

// 26 July 2024, the date of most documents here, was a Friday.
describe('resolveRelativeDates', () => {
  it.each([
    ['the deal was signed on Wednesday', 'Wednesday 24 July 2024'],
    ['the minister spoke on Friday', 'Friday 26 July 2024'],
    ['talks began last Saturday', 'Saturday 20 July 2024'],
    ['prices have risen since Monday', 'Monday 22 July 2024'],
    ['the envoy will arrive next Monday', 'Monday 29 July 2024'],
    ['the panel reports next Friday', 'Friday 2 August 2024'],
    ['the offer is open until Tuesday', 'Tuesday 30 July 2024'],
    ['a reply is due by Sunday', 'Sunday 28 July 2024'],
  ])('gives the day a weekday means: %s', (sentence, day) => {
    expect(meaning(sentence)).toBe(day);
  });

  it.each([
    ['the accord was announced yesterday', 'Thursday 25 July 2024'],
    ['the ministers meet today', 'Friday 26 July 2024'],
    ['the summit opens tonight', 'Friday 26 July 2024'],
    ['the vote is tomorrow', 'Saturday 27 July 2024'],
    ['the order was placed three days ago', 'Tuesday 23 July 2024'],
    ['the order was placed seven days ago', 'Friday 19 July 2024'],
    ['the plant closed 10 days ago', 'Tuesday 16 July 2024'],
    ['the team left a day ago', 'Thursday 25 July 2024'],
  ])('gives the day a named or counted day means: %s', (sentence, day) => {
    expect(meaning(sentence)).toBe(day);
  });

  it.each([
    ['the talks were held this week', 'the week of 22 July 2024'],
    ['the talks were held earlier this week', 'the week of 22 July 2024'],
    ['the talks were held last week', 'the week of 15 July 2024'],
    ['the talks resume next week', 'the week of 29 July 2024'],
    ['the exercise ended a week ago', 'the week of 15 July 2024'],
    ['the exercise ended two weeks ago', 'the week of 8 July 2024'],
    ['the report came out this month', 'July 2024'],
    ['the report is due later this month', 'July 2024'],
    ['the report came out last month', 'June 2024'],
    ['the report is due next month', 'August 2024'],
    ['exports grew this year', '2024'],
    ['exports fell last year', '2023'],
    ['exports will grow next year', '2025'],
  ])('gives the span a relative week, month or year means: %s', (sentence, span) => {
    expect(meaning(sentence)).toBe(span);
  });

  it('starts a week on its Monday, also for a document written on a Sunday', () => {
    expect(meaning('the talks were held this week', '2024-07-28')).toBe('the week of 22 July 2024');
    expect(meaning('the talks were held this week', '2024-07-22')).toBe('the week of 22 July 2024');
  });

  it('crosses the year for the month before January and after December', () => {
    expect(meaning('sales fell last month', '2024-01-10')).toBe('December 2023');
    expect(meaning('sales rise next month', '2024-12-15')).toBe('January 2025');
  });

  it('keeps the words as the sentence says them, each different day once, in order', () => {
    expect(
      resolveRelativeDates(
        'On Wednesday the deal was signed, yesterday it was filed, on Thursday too.',
        '2024-07-26',
      ),
    ).toEqual([
      { expression: 'On Wednesday', meaning: 'Wednesday 24 July 2024' },
      { expression: 'yesterday', meaning: 'Thursday 25 July 2024' },
    ]);
  });

  it('resolves nothing without a usable document date, or without a relative date', () => {
    expect(resolveRelativeDates('the deal was signed on Wednesday', undefined)).toEqual([]);
    expect(resolveRelativeDates('the deal was signed on Wednesday', 'not a date')).toEqual([]);
    expect(resolveRelativeDates('the market is closed on Mondays and in the weekend', '2024-07-26')).toEqual(
      [],
    );
  });
});
