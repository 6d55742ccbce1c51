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
  // Day numbers are integer arithmetic on the digits: no Date parsing (luxon's calendar-aware diff
  // was fifty times slower, Date.parse twice a phase still most of a lifecycle's cost on /eol).
  return dayNumber(to) - dayNumber(from);
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

// Whole days since 1970-01-01, and back, by Howard Hinnant's days_from_civil and civil_from_days
// (http://howardhinnant.github.io/date_algorithms.html): integer arithmetic, no Date object, no
// parsing. The reminder planner and the Home tab work in these for every lead of every watch (half a
// million for 1,000 teams) and write out a date only for what they keep.

/** The number the decimal digits at [start, end) spell: no substring, no parse. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let index = start; index < end; index += 1) value = value * 10 + text.charCodeAt(index) - 48;
  return value;
}

/** `2023-01-10` -> 19367. */
export function dayNumber(date: string): number {
  const month = digits(date, 5, 7);
  const year = digits(date, 0, 4) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + digits(date, 8, 10) - 1;
  return (
    era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468
  );
}

/** 19367 -> `2023-01-10`. */
export function dateOfDay(dayNumberValue: number): string {
  const day = dayNumberValue + 719_468;
  const era = Math.floor(day / 146_097);
  const dayOfEra = day - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return `${pad(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`;
}

/** The ISO date `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}
