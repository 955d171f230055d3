import { dateField, validDay } from '../../../src/corpus/readers/iso-date';

describe('validDay', () => {
  it.each([
    ['2024', '02', '29', '2024-02-29'],
    ['2023', '02', '29', undefined],
    ['2024', '02', '30', undefined],
    ['2024', '13', '01', undefined],
    ['2024', '00', '10', undefined],
    ['2024', '12', '31', '2024-12-31'],
    ['1900', '02', '29', undefined],
    ['2000', '02', '29', '2000-02-29'],
    ['2023', '04', '31', undefined],
  ])('%s-%s-%s is %s', (year, month, day, expected) => {
    expect(validDay(year, month, day)).toBe(expected);
  });
});

describe('dateField', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a plain day', '2024-03-12', '2024-03-12'],
    ['a day with spaces around it', '  2024-03-12 \n', '2024-03-12'],
    // The day as the page wrote it, not moved to UTC: the evening of the 12th in New York is the 12th.
    ['a full timestamp with an offset', '2024-03-12T23:30:00-05:00', '2024-03-12'],
    ['a YAML date', new Date('2024-02-01T00:00:00Z'), '2024-02-01'],
    ['a PDF date', 'D:20240312093000Z', '2024-03-12'],
    ['a PDF date with an offset', "D:20231105120000+01'00'", '2023-11-05'],
    ['a month alone', '2024-03', undefined],
    ['a year alone', '2024', undefined],
    ['a PDF year alone', 'D:2024', undefined],
    ['a day that does not exist', '2024-02-30', undefined],
    ['a PDF day that does not exist', 'D:20241340', undefined],
    ['a date in words', 'March 12, 2024', undefined],
    ['a day-first date', '12/03/2024', undefined],
    ['a date after other text', 'updated 2024-03-12', undefined],
    ['a number', 20240312, undefined],
    ['nothing', undefined, undefined],
  ])('reads %s', (_name, value, expected) => {
    expect(dateField(value)).toBe(expected);
  });
});
