// Calendar arithmetic in whole days, checked against the JavaScript Date it replaced on the hot path:
// every day of two and a half centuries, leap days and century years included.
import { describe, expect, it } from '@jest/globals';
import { addDays, dateOfDay, dayNumber, daysBetween } from '../../src/leaf/calendar-date.js';

const viaDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('calendar dates in whole days', () => {
  it('numbers every day from 1900 to 2150 as Date does, and back', () => {
    const start = dayNumber('1900-01-01');
    expect(start).toBe(Date.parse('1900-01-01T00:00:00Z') / 86_400_000);
    for (let day = start; day < dayNumber('2150-01-01'); day += 1) {
      const date = new Date(day * 86_400_000).toISOString().slice(0, 10);
      if (dateOfDay(day) !== date || dayNumber(date) !== day)
        throw new Error(`day ${day}: ${dateOfDay(day)} / ${dayNumber(date)} for ${date}`);
    }
  });

  it.each([
    ['2014-04-08', 1, '2014-04-09'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2000-02-29', 365, '2001-02-28'],
    ['2100-03-01', -1, '2100-02-28'],
    ['2023-01-10', -180, '2022-07-14'],
    ['1999-12-31', 1, '2000-01-01'],
    ['2028-10-10', 0, '2028-10-10'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(viaDate(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });
});
