// "on 28 June 2017", "as of june 2017", "in Q3 2027", "by end of 2027", "still supported in 2027?":
// the time a question names, as a day or a period (a month, quarter, half or year), or why it cannot
// be read. chrono-node reads days and months as people write them (US and British order both, so a
// day that reads two ways is asked about); years, quarters and "end of" are ours; luxon says whether
// a day exists. A question that names a time is never answered silently as of today.
import { createRequire } from 'node:module';
import type * as ChronoEnglish from 'chrono-node/en';
import { DateTime } from 'luxon';

// Loaded on first use, English only: all of chrono-node's locales cost 130-150 ms at start (measured),
// and most questions name no time or one written as digits, which need none of it.
let chrono: typeof ChronoEnglish | undefined;
const english = (): typeof ChronoEnglish => (chrono ??= createRequire(import.meta.url)('chrono-node/en') as typeof ChronoEnglish);

export interface Period {
  /** First and last day (ISO dates). */
  from: string;
  to: string;
  /** How people say it: "2027", "June 2017", "Q3 2027". */
  label: string;
}

export type When = { kind: 'day'; date: string } | ({ kind: 'period' } & Period);

export type WhenReading =
  | { kind: 'none' }
  | { kind: 'when'; when: When; rest: string; phrase: string }
  /** `dates`: the days an ambiguous phrase may be, for the asker to pick; `phrase`: the words as typed. */
  | { kind: 'unreadable'; reason: string; phrase: string; dates: string[] };

// Words that put a question at a time. Not "for" ("eol for 2016" names a release), nor "before" or
// "after", whose day is not the period's last.
const PREPOSITIONS = ['as of', 'as at', 'on', 'at', 'by', 'in', 'during', 'through', 'throughout', 'until', 'till'];
const PREPOSITION = new RegExp(`(?:^|\\s)(${PREPOSITIONS.map((word) => word.replace(' ', '\\s+')).join('|')})\\s+`, 'gi');
// The words a time phrase is made of; anything else ("on windows server 2012") is part of the question.
const TIME_WORD = /^(?:\d{1,4}(?:st|nd|rd|th)?|\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?|q[1-4]|h[1-2]|the|of|end|start|beginning)$/i;
const MIN_YEAR = 1970;
const MAX_YEAR = 2199;

const iso = (moment: DateTime): string => moment.toISODate() ?? '';
/** "2017-04-03" -> "3 April 2017": a day no reader can take the other way round. */
export const spelledOut = (date: string): string => DateTime.fromISO(date, { zone: 'utc' }).setLocale('en-US').toFormat('d LLLL yyyy');
const isYear = (year: number): boolean => year >= MIN_YEAR && year <= MAX_YEAR;

// Words already read, so a question costs luxon's parse only for words not seen before.
const monthsRead = new Map<string, number | null>();
const MAX_MONTHS_READ = 1000;

/** A month name as luxon reads it in English ("jun", "June", "sept"), or null. */
function monthNumber(word: string): number | null {
  const cleaned = word.toLowerCase().replace(/\.$/, '').replace(/^sept$/, 'sep');
  if (!/^[a-z]{3,9}$/.test(cleaned)) return null;
  const known = monthsRead.get(cleaned);
  if (known !== undefined) return known;
  let month: number | null = null;
  for (const format of ['LLLL', 'LLL']) {
    const parsed = DateTime.fromFormat(cleaned, format, { locale: 'en-US' });
    if (parsed.isValid) month = parsed.month;
  }
  if (monthsRead.size >= MAX_MONTHS_READ) monthsRead.clear();
  monthsRead.set(cleaned, month);
  return month;
}

function periodOf(start: DateTime, unit: 'month' | 'quarter' | 'year', label: string, halves = 1): When {
  const end = start.plus(unit === 'quarter' ? { months: 3 * halves } : { [`${unit}s`]: 1 }).minus({ days: 1 });
  return { kind: 'period', from: iso(start), to: iso(end), label };
}

const monthStart = (year: number, month: number) => DateTime.utc(year, month, 1);
const monthLabel = (year: number, month: number) => monthStart(year, month).setLocale('en-US').toFormat('LLLL yyyy');

/** A day that does not exist, said plainly: "February 2017 has 28 days". */
function noSuchDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) return null;
  const start = monthStart(year, month);
  const days = start.daysInMonth ?? 31;
  const name = start.setLocale('en-US').toFormat('LLLL');
  return day > days || day < 1 ? `There is no ${day} ${name} ${year}: ${monthLabel(year, month)} has ${days} days.` : null;
}

type PhraseReading = { when: When } | { reason: string; dates?: string[] } | null;

function dayOf(year: number, month: number, day: number): PhraseReading {
  if (!isYear(year)) return { reason: `${year} is not a year I can answer for.` };
  const missing = noSuchDay(year, month, day);
  if (missing) return { reason: missing };
  if (month < 1 || month > 12) return { reason: `There is no month ${month}.` };
  return { when: { kind: 'day', date: iso(DateTime.utc(year, month, day)) } };
}

/** "28/06/2017" (day first, as 28 > 12 shows), "06/28/2017", or "03/04/2017", which could be either. */
function numericDay(first: number, second: number, year: number): PhraseReading {
  const fullYear = year < 100 ? 2000 + year : year;
  const dayFirst = first <= 31 && second <= 12 ? dayOf(fullYear, second, first) : null;
  const monthFirst = first <= 12 && second <= 31 ? dayOf(fullYear, first, second) : null;
  const days = [dayFirst, monthFirst].flatMap((reading) => (reading && 'when' in reading && reading.when.kind === 'day' ? [reading.when.date] : []));
  const distinct = [...new Set(days)];
  if (distinct.length === 2) return { reason: `It could be ${distinct.map(spelledOut).join(' or ')}: which did you mean?`, dates: distinct };
  if (distinct.length === 1) return { when: { kind: 'day', date: distinct[0] as string } };
  return dayFirst ?? monthFirst ?? { reason: `There is no month ${Math.max(first, second)}.` };
}

const wholeMatch = (results: ChronoEnglish.ParsedResult[], phrase: string) => results.find((result) => result.index === 0 && result.text.length === phrase.length);

/** The phrase after a preposition as a time, or why it cannot be one; null when it is no time at all. */
function readPhrase(phrase: string): PhraseReading {
  const text = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
  let match: RegExpExecArray | null;
  if ((match = /^(?:the )?(end|start|beginning) of (.+)$/.exec(text))) {
    const inner = readPhrase(match[2] as string);
    if (!inner || !('when' in inner)) return inner;
    const date = inner.when.kind === 'day' ? inner.when.date : match[1] === 'end' ? inner.when.to : inner.when.from;
    return { when: { kind: 'day', date } };
  }
  if ((match = /^(\d{4})$/.exec(text))) {
    const year = Number(match[1]);
    return isYear(year) ? { when: periodOf(DateTime.utc(year, 1, 1), 'year', String(year)) } : null;
  }
  if ((match = /^(?:q([1-4]) ?(\d{4})|(\d{4}) ?q([1-4]))$/.exec(text))) {
    const quarter = Number(match[1] ?? match[4]);
    const year = Number(match[2] ?? match[3]);
    if (!isYear(year)) return { reason: `${year} is not a year I can answer for.` };
    return { when: periodOf(monthStart(year, quarter * 3 - 2), 'quarter', `Q${quarter} ${year}`) };
  }
  if ((match = /^(?:h([12]) ?(\d{4})|(\d{4}) ?h([12]))$/.exec(text))) {
    const half = Number(match[1] ?? match[4]);
    const year = Number(match[2] ?? match[3]);
    if (!isYear(year)) return { reason: `${year} is not a year I can answer for.` };
    return { when: periodOf(monthStart(year, half * 6 - 5), 'quarter', `H${half} ${year}`, 2) };
  }
  if ((match = /^(\d{4})[-/.](\d{1,2})$/.exec(text))) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) return { reason: `There is no month ${month}.` };
    return isYear(year) ? { when: periodOf(monthStart(year, month), 'month', monthLabel(year, month)) } : null;
  }
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text))) return dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
  if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(text))) return numericDay(Number(match[1]), Number(match[2]), Number(match[3]));

  const reference = new Date(Date.UTC(2000, 0, 1));
  // A day, month or year is needed, so only words with a digit or a month's name are worth reading.
  if (!/\d/.test(text) && !text.split(' ').some((word) => monthNumber(word) !== null)) return null;
  const found = wholeMatch(english().parse(text, reference), text) ?? wholeMatch(english().GB.parse(text, reference), text);
  if (found) {
    const { start } = found;
    const year = start.get('year') ?? 0;
    const month = start.get('month') ?? 1;
    if (!start.isCertain('year')) return { reason: `Which year? Say “${text}” with its year, for example “June 2017”.` };
    if (start.isCertain('day')) return dayOf(year, month, start.get('day') ?? 1);
    if (start.isCertain('month')) return isYear(year) ? { when: periodOf(monthStart(year, month), 'month', monthLabel(year, month)) } : null;
    return null;
  }
  // chrono reads no day that does not exist: "30 February 2017", "February 30, 2017".
  if ((match = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+\.?),? (\d{4})$/.exec(text)) || (match = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text))) {
    const dayFirst = /^\d/.test(match[1] as string);
    const month = monthNumber((dayFirst ? match[2] : match[1]) as string);
    if (month !== null) return dayOf(Number(match[3]), month, Number(dayFirst ? match[1] : match[2]));
  }
  return null;
}

/** Whether every word of the phrase could belong to a time, with a number or a month among them. */
function looksLikeTime(phrase: string): boolean {
  const words = phrase.trim().split(/[\s,]+/).filter((word) => word !== '');
  if (words.length === 0 || words.length > 6 || !words.every((word) => TIME_WORD.test(word) || monthNumber(word) !== null)) return false;
  // A year, a day written with separators, a quarter or a half: "at 5" is no time.
  return words.some((word) => /^\d{4}$|\d[-/.]\d|^q[1-4]$|^h[12]$/i.test(word));
}

/** The time at the end of a question ("… on 28 June 2017?"), the question without it, or why it cannot be read. */
export function readWhen(text: string): WhenReading {
  const question = text.trim().replace(/[?!.\s]+$/, '');
  const starts = [...question.matchAll(PREPOSITION)].map((match) => ({ at: match.index ?? 0, phraseAt: (match.index ?? 0) + match[0].length }));
  // The earliest preposition whose words to the end are a time: "on 28 June 2017", not "June 2017".
  for (const { at, phraseAt } of starts) {
    const phrase = question.slice(phraseAt);
    if (!looksLikeTime(phrase) && readPhrase(phrase) === null) continue;
    const reading = readPhrase(phrase);
    const rest = question.slice(0, at).trim();
    if (reading && 'when' in reading) return { kind: 'when', when: reading.when, rest, phrase };
    if (reading) return { kind: 'unreadable', reason: reading.reason, phrase, dates: reading.dates ?? [] };
    return {
      kind: 'unreadable',
      reason: `I could not read “${phrase}” as a date. Write it like 2017-06-28, 28 June 2017, June 2017, Q3 2027 or 2027.`,
      phrase,
      dates: [],
    };
  }
  return { kind: 'none' };
}
