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

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  // Calendar dates as UTC midnights have no DST gaps, so plain arithmetic is exact, and some
  // fifty times faster than luxon's calendar-aware diff on the /eol hot path.
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The ISO date `days` after `date` (before, when negative). Same arithmetic as daysBetween, for the
 * same reason: the reminder planner calls it for every lead of every watch. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
