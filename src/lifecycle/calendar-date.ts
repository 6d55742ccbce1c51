// Calendar dates as ISO strings (`2023-01-10`): the unit every fact and answer is in.
import { DateTime } from 'luxon';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The ISO date for a moment, read in the moment's own zone. */
export function toIsoDate(moment: DateTime): string {
  return moment.toISODate() ?? '';
}

/** Parses `YYYY-MM-DD`, refusing impossible dates such as 2023-02-30. */
export function parseIsoDate(text: string): string | null {
  if (!ISO_DATE.test(text)) return null;
  return DateTime.fromISO(text, { zone: 'utc' }).isValid ? text : null;
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const start = DateTime.fromISO(from, { zone: 'utc' });
  const end = DateTime.fromISO(to, { zone: 'utc' });
  return Math.round(end.diff(start, 'days').days);
}

export function addDays(date: string, days: number): string {
  return toIsoDate(DateTime.fromISO(date, { zone: 'utc' }).plus({ days }));
}
