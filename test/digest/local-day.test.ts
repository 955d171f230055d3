import { dayNumber, localDay, startOfLocalDay } from '../../src/digest/local-day';

describe('local days', () => {
  it('puts an instant on the calendar day of the zone', () => {
    const instant = new Date('2026-03-02T23:30:00Z');
    expect(localDay(instant, 'UTC')).toBe('2026-03-02');
    expect(localDay(instant, 'Asia/Tokyo')).toBe('2026-03-03');
    expect(localDay(instant, 'America/Los_Angeles')).toBe('2026-03-02');
  });

  it('finds the first instant of a day, DST days included', () => {
    expect(startOfLocalDay('2026-03-02', 'UTC').toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(startOfLocalDay('2026-03-03', 'Asia/Tokyo').toISOString()).toBe('2026-03-02T15:00:00.000Z');
    // New York moves to EDT at 02:00 on 8 March 2026; midnight is still EST.
    expect(startOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfLocalDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    // London moves to BST at 01:00 UTC on 29 March 2026.
    expect(startOfLocalDay('2026-03-30', 'Europe/London').toISOString()).toBe('2026-03-29T23:00:00.000Z');
  });

  it('numbers consecutive days consecutively', () => {
    expect(dayNumber('2026-03-03') - dayNumber('2026-03-02')).toBe(1);
  });
});

describe('local days around a change of clocks far from UTC', () => {
  it('starts a day at its local midnight when the clocks go back later that night (Auckland)', () => {
    // New Zealand leaves daylight time at 03:00 on 5 April 2026 (14:00 UTC the day before): that day's
    // midnight is still +13, though UTC midnight of the same date is already +12.
    expect(startOfLocalDay('2026-04-05', 'Pacific/Auckland').toISOString()).toBe('2026-04-04T11:00:00.000Z');
  });

  it('starts a day at 01:00 when its midnight never happens (Santiago)', () => {
    // Chile's clocks jump from 24:00 on 5 September 2026 to 01:00 on the 6th.
    expect(startOfLocalDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
});

describe('local days in zones off the hour', () => {
  it('counts the minutes of an offset such as India’s +05:30', () => {
    expect(startOfLocalDay('2026-03-02', 'Asia/Kolkata').toISOString()).toBe('2026-03-01T18:30:00.000Z');
    expect(localDay(new Date('2026-03-01T18:29:59Z'), 'Asia/Kolkata')).toBe('2026-03-01');
    expect(localDay(new Date('2026-03-01T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-03-02');
  });

  it('counts the seconds of an offset, as Monrovia kept until 1972 (-00:44:30)', () => {
    expect(startOfLocalDay('1970-06-01', 'Africa/Monrovia').toISOString()).toBe('1970-06-01T00:44:30.000Z');
  });
});
