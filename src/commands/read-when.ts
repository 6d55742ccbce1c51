// "on 28 June 2017", "as of june 2017", "in Q3 2027", "by end of 2027", "still supported in 2027?":
// the time a question names, as a day or a period (a month, quarter, half or year), or why it cannot
// be read. chrono-node reads days and months as people write them (US and British order both, so a
// day that reads two ways is asked about); years, quarters and "end of" are ours; luxon says whether
// a day exists. A question that names a time is never answered silently as of today.
import { createRequire } from 'node:module';
import type * as ChronoEnglish from 'chrono-node/en';
import { DateTime } from 'luxon';
import { isOnlyQuestionWords } from '../catalog/names/question-words.js';
import { tokensOf } from '../catalog/normalize-name.js';
import { TIME_UNIT_WORDS } from '../leaf/time-units.js';

// Loaded on first use, English only: all of chrono-node's locales cost 130-150 ms at start (measured),
// and most questions name no time or one written as digits, which need none of it.
let chrono: typeof ChronoEnglish | undefined;
const english = (): typeof ChronoEnglish =>
  (chrono ??= createRequire(import.meta.url)('chrono-node/en') as typeof ChronoEnglish);

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
  /** "next year", "in 6 months": a time counted from today, read again with the clock (readRelativeWhen). */
  | { kind: 'relative'; rest: string; phrase: string }
  /** `dates`: the days an ambiguous phrase may be, for the asker to pick; `phrase`: the words as typed. */
  | { kind: 'unreadable'; reason: string; phrase: string; dates: string[] };

// Words that put a question at a time. Not "before" or "after", whose day is not the period's last;
// "for" only after a name ("windows 10 for 2027"), since "eol for 2016" names a release; "within" and
// "over" ask about the days from today to then ("within 6 months").
const SPAN_PREPOSITIONS = ['within', 'over'];
// "between 2027 and 2028", "from June 2027 to March 2028": only as a range ("from 2027" alone is refused).
const RANGE_PREPOSITIONS = ['between', 'from'];
const PREPOSITIONS = [
  'as of',
  'as at',
  'on',
  'at',
  'by',
  'in',
  'during',
  'through',
  'throughout',
  'until',
  'till',
  'til',
  'thru',
  'up to',
  'up until',
  // "come 2029": when 2029 comes.
  'come',
  'for',
  ...SPAN_PREPOSITIONS,
  ...RANGE_PREPOSITIONS,
];
const PREPOSITION_WORDS = PREPOSITIONS.map((word) => word.replace(' ', '\\s+')).join('|');
const PREPOSITION = new RegExp(`(?:^|\\s)(${PREPOSITION_WORDS})\\s+`, 'gi');
// The words a time phrase is made of; anything else ("on windows server 2012") is part of the question.
const TIME_WORD =
  /^(?:\d{1,4}(?:st|nd|rd|th)?|\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?|\d{1,2}[-/.][a-z]{3,9}[-/.]\d{2,4}|q[1-4]|h[1-2]|\d\dq[1-4]|q[1-4]\d\d|the|of|end|start|beginning|first|second|third|fourth|quarter)$/i;
const MIN_YEAR = 1970;
const MAX_YEAR = 2199;

const iso = (moment: DateTime): string => moment.toISODate() ?? '';
/** "2017-04-03" -> "3 April 2017": a day no reader can take the other way round; "2027-02" -> "February 2027". */
export const spelledOut = (date: string): string =>
  DateTime.fromISO(date, { zone: 'utc' })
    .setLocale('en-US')
    .toFormat(date.length === 7 ? 'LLLL yyyy' : 'd LLLL yyyy');
const isYear = (year: number): boolean => year >= MIN_YEAR && year <= MAX_YEAR;

// The words of every refusal of a time, one place each.
/** The century of a two-digit year: this one's, or the last one's from '70 on. */
const centuryOf = (year: string): string => (Number(year) >= 70 ? '19' : '20');

const couldNotRead = (words: string): string =>
  `I could not read “${words}” as a date. Write it like 2017-06-28, 28 June 2017, June 2017, Q3 2027 or 2027.`;
/** "june", "june 30th": the example is a month, or a day when the words name one. */
const whichYear = (words: string): string =>
  `Which year? Say “${words}” with its year, for example “${/\d/.test(words) ? '30 June 2027' : 'June 2027'}”.`;
const HOW_MANY = 'How many? Write the number, like in 6 months or in 2 years.';
/** "after 2028", "since june 2025": the year in the words is the example's. */
const notBeforeOrAfter = (words: string): string => {
  const year = /(?:19|20)\d\d/.exec(words)?.[0] ?? '2028';
  return `I answer for a day or a period, not for before or after one: ask for a day (on ${year}-01-01) or a period (in ${year}).`;
};

// Words already read, so a question costs luxon's parse only for words not seen before.
const monthsRead = new Map<string, number | null>();
const MAX_MONTHS_READ = 1000;

/** A month name as luxon reads it in English ("jun", "June", "sept"), or null. */
export function monthNumber(word: string): number | null {
  const cleaned = word
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^sept$/, 'sep');
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

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const pad2 = (value: number) => String(value).padStart(2, '0');
// Calendar arithmetic with Date.UTC, not luxon: these run for most questions that name a time, and
// luxon's objects were 5% of /eol's time under load (bench/README.md).
const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthLabel = (year: number, month: number) => `${MONTH_NAMES[month - 1]} ${year}`;

/** `months` whole months from the first of (year, month). */
function periodOf(year: number, month: number, months: number, label: string): When {
  const endMonth = month + months - 1;
  const endYear = year + Math.floor((endMonth - 1) / 12);
  const lastMonth = ((endMonth - 1) % 12) + 1;
  return {
    kind: 'period',
    from: `${year}-${pad2(month)}-01`,
    to: `${endYear}-${pad2(lastMonth)}-${pad2(daysInMonth(endYear, lastMonth))}`,
    label,
  };
}
const MONTHS_IN = { month: 1, quarter: 3, year: 12 } as const;

/** A day that does not exist, said plainly: "February 2017 has 28 days". */
function noSuchDay(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12) return null;
  const days = daysInMonth(year, month);
  return day > days || day < 1
    ? `There is no ${day} ${MONTH_NAMES[month - 1]} ${year}: ${monthLabel(year, month)} has ${days} days.`
    : null;
}

type PhraseReading = { when: When } | { reason: string; dates?: string[] } | { relative: true } | null;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  sixty: 60,
  ninety: 90,
};
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const WEEKDAY = new RegExp(`^(?:(?:next|this|coming|last) )?(?:${WEEKDAYS})$`);
const UNITS = { day: 'days', week: 'weeks', month: 'months', quarter: 'quarters', year: 'years' } as const;
const UNIT = `(?:${Object.keys(TIME_UNIT_WORDS).join('|')})`;
// "1.5 years" is read; "1.3 years" is seen as a time, and said to be unread.
const AMOUNT = `(?:\\d{1,3}(?:\\.\\d{1,2})?|${Object.keys(NUMBER_WORDS).join('|')})`;
/** "2 years and 6 months", "a year and a half", "half a year": amounts of time as written. */
const AMOUNT_OF_TIME = `(?:${AMOUNT}\\s+and\\s+a\\s+half\\s+${UNIT}|an?\\s+${UNIT}\\s+and\\s+a\\s+half|half\\s+an?\\s+${UNIT}|${AMOUNT}\\s?${UNIT}(?:(?:,\\s*|,?\\s+and\\s+)${AMOUNT}\\s?${UNIT})*)`;
/** "6 months", "a year", "6mo", "1.5 years": an amount of time, as luxon's plus() takes it. */
const DURATION = new RegExp(`^(\\d{1,3}(?:\\.\\d{1,2})?) ?(${UNIT})$|^([a-z]+) (${UNIT})$`);
// A half of a unit in the next smaller one, where that is whole: half a month is no number of days.
const HALF_OF: Partial<Record<keyof typeof UNITS | 'fortnight', Record<string, number>>> = {
  year: { months: 6 },
  fortnight: { weeks: 1 },
};
function durationOf(words: string): Record<string, number> | null {
  // "half a year", "a year and a half", "2 and a half years", "2 years and 6 months", "1 year, 6 months".
  const half = /^(?:half an? |a half )(\S+)$/.exec(words);
  if (half) return durationOf(`0.5 ${half[1]}`);
  const andAHalf = /^(?:an? (\S+) and a half|(\S+) and a half (\S+))$/.exec(words);
  if (andAHalf) {
    const whole = andAHalf[2] === undefined ? 1 : (NUMBER_WORDS[andAHalf[2]] ?? Number(andAHalf[2]));
    return Number.isInteger(whole) ? durationOf(`${whole}.5 ${andAHalf[1] ?? andAHalf[3]}`) : null;
  }
  const parts = words.split(/,? and |, /);
  if (parts.length > 1) {
    const durations = parts.map(durationOf);
    if (durations.some((duration) => duration === null)) return null;
    const total: Record<string, number> = {};
    for (const duration of durations as Record<string, number>[])
      for (const [unit, amount] of Object.entries(duration)) total[unit] = (total[unit] ?? 0) + amount;
    return total;
  }
  const match = DURATION.exec(words);
  if (!match) return null;
  const amount = match[1] !== undefined ? Number(match[1]) : NUMBER_WORDS[match[3] as string];
  const unit = TIME_UNIT_WORDS[(match[2] ?? match[4]) as string];
  if (amount === undefined || unit === undefined) return null;
  const whole = Math.floor(amount);
  const halves = amount === whole ? {} : amount - whole === 0.5 ? HALF_OF[unit] : undefined;
  if (!halves) return null;
  const duration: Record<string, number> = unit === 'fortnight' ? { weeks: 2 * whole } : { [UNITS[unit]]: whole };
  for (const [smaller, amountOf] of Object.entries(halves)) duration[smaller] = (duration[smaller] ?? 0) + amountOf;
  return duration;
}
// "in a few months", "a couple of years from now": how many is not said.
const VAGUE_AMOUNT = new RegExp(
  `^(?:(?:within|over|in|during) )?(?:the )?(?:next |coming |past |last )?(?:(?:a )?few|(?:a )?couple(?: of)?|several|some|many) ${UNIT}(?: from (?:now|today)| ago| later)?$`,
);
const negated = (duration: Record<string, number>) =>
  Object.fromEntries(Object.entries(duration).map(([unit, amount]) => [unit, -amount]));

/**
 * "today", "next year", "in 6 months", "2 years from now": a day or period counted from `today`;
 * "within 6 months", "the next 90 days", "the past year": the days from today to then.
 */
function relativePhrase(text: string, today: string | null): PhraseReading {
  let match: RegExpExecArray | null;
  // Part of a year counted from today: "q1 next year", "the first half of next year", "1st of jan next year".
  if (
    (match = /^(.+?) (?:of )?(this|next|last) year$/.exec(text)) &&
    !/^(?:the )?this time$/.test(match[1] as string)
  ) {
    const offset = match[2] === 'next' ? 1 : match[2] === 'last' ? -1 : 0;
    // Without the clock, any year shows whether the words read as a time.
    const year = today ? Number(today.slice(0, 4)) + offset : 2027;
    const reading = readPhrase(`${match[1] as string} ${year}`, today);
    if (reading && 'when' in reading) return today ? reading : { relative: true };
    if (reading && 'reason' in reading) return reading;
  }
  const start = () => DateTime.fromISO(today as string, { zone: 'utc' });
  const day = (offset: Record<string, number>): PhraseReading =>
    today ? { when: { kind: 'day', date: iso(start().plus(offset)) } } : { relative: true };
  if (VAGUE_AMOUNT.test(text)) return { reason: HOW_MANY };
  if (/^(?:today|now|right now)$/.test(text)) return day({});
  if (text === 'tomorrow') return day({ days: 1 });
  if (text === 'yesterday') return day({ days: -1 });
  if (/^(?:the )?day after tomorrow$/.test(text)) return day({ days: 2 });
  // "this time next month": the same day a month on, not the whole of next month.
  if ((match = /^this time (next|last) (year|month|week)$/.exec(text)))
    return day({ [`${match[2] as string}s`]: match[1] === 'next' ? 1 : -1 });
  // "the 3rd of next month": that day of the month counted from today's.
  if ((match = /^(?:the )?(\d{1,2})(?:st|nd|rd|th)? of (this|next|last) month$/.exec(text))) {
    if (!today) return { relative: true };
    const month = start()
      .startOf('month')
      .plus({ months: match[2] === 'next' ? 1 : match[2] === 'last' ? -1 : 0 });
    return dayOf(month.year, month.month, Number(match[1]));
  }
  if (/^(?:the )?day before yesterday$/.test(text)) return day({ days: -2 });
  // A week from today, not a period: "supported next week?" is asked of the days ahead.
  if ((match = /^(this|next|last) week$/.exec(text)))
    return day({ days: match[1] === 'next' ? 7 : match[1] === 'last' ? -7 : 0 });
  if ((match = /^(this|next|last) (year|quarter|month)$/.exec(text))) {
    if (!today) return { relative: true };
    const unit = match[2] as 'year' | 'quarter' | 'month';
    const first = start()
      .startOf(unit)
      .plus({ [UNITS[unit]]: match[1] === 'next' ? 1 : match[1] === 'last' ? -1 : 0 });
    const label =
      unit === 'year'
        ? String(first.year)
        : unit === 'quarter'
          ? `Q${first.quarter} ${first.year}`
          : monthLabel(first.year, first.month);
    return { when: periodOf(first.year, first.month, MONTHS_IN[unit], label) };
  }
  // The days from today to then: "within 6 months", "within a year", "over the next year", "the next
  // 90 days"; or from then to today: "the past 6 months".
  if (
    (match = /^(?:(?:within|over) (?:the )?(?:next |coming )?|(?:the )?(?:next|coming) )(.+)$/.exec(text)) ||
    (match = /^(?:(?:within|over|in|during) )?(?:the )?(past|last|previous) (.+)$/.exec(text))
  ) {
    const back = match[2] !== undefined;
    const words = (back ? match[2] : match[1]) as string;
    // "the coming weeks": how many is not said.
    if (/^(?:days|weeks|months|quarters|years)$/.test(words)) return { reason: HOW_MANY };
    const duration = durationOf(words) ?? durationOf(`1 ${words}`);
    if (!duration) return null;
    if (!today) return { relative: true };
    const [from, to] = back ? [iso(start().plus(negated(duration))), today] : [today, iso(start().plus(duration))];
    return { when: { kind: 'period', from, to, label: `the ${back ? 'past' : 'next'} ${words}` } };
  }
  const count = /^\+?(.+?)( from (?:now|today)| from tomorrow| ago| later| hence)?$/.exec(text);
  const duration = count ? durationOf(count[1] as string) : null;
  if (count && duration) {
    if (count[2] === ' ago') return day(negated(duration));
    return day(count[2] === ' from tomorrow' ? { ...duration, days: (duration.days ?? 0) + 1 } : duration);
  }
  return null;
}

function dayOf(year: number, month: number, day: number): PhraseReading {
  if (!isYear(year)) return { reason: `${year} is not a year I can answer for.` };
  const missing = noSuchDay(year, month, day);
  if (missing) return { reason: missing };
  if (month < 1 || month > 12) return { reason: `There is no month ${month}.` };
  return { when: { kind: 'day', date: `${year}-${pad2(month)}-${pad2(day)}` } };
}

/** "28/06/2017" (day first, as 28 > 12 shows), "06/28/2017", or "03/04/2017", which could be either. */
function numericDay(first: number, second: number, year: number): PhraseReading {
  const fullYear = year < 100 ? 2000 + year : year;
  const dayFirst = first <= 31 && second <= 12 ? dayOf(fullYear, second, first) : null;
  const monthFirst = first <= 12 && second <= 31 ? dayOf(fullYear, first, second) : null;
  const days = [dayFirst, monthFirst].flatMap((reading) =>
    reading && 'when' in reading && reading.when.kind === 'day' ? [reading.when.date] : [],
  );
  const distinct = [...new Set(days)];
  if (distinct.length === 2)
    return { reason: `It could be ${distinct.map(spelledOut).join(' or ')}: which did you mean?`, dates: distinct };
  if (distinct.length === 1) return { when: { kind: 'day', date: distinct[0] as string } };
  return dayFirst ?? monthFirst ?? { reason: `There is no month ${Math.max(first, second)}.` };
}

const SEASONS_DIFFER =
  'Seasons fall in different months from one place to the next: ask for the months instead, like in June 2027 or in Q3 2027.';
// Seasons fall in different months north and south; "spring" and "fall" only as times ("spring boot").
const SEASON =
  /\b(?:summer|winter|autumn)\b|^(?:(?:the|this|next|last|early|late|mid)[ -])?(?:spring|fall)(?: \d{4})?$/;
const HOLIDAY_DAYS: Readonly<Record<string, [month: number, day: number]>> = {
  christmas: [12, 25],
  'christmas day': [12, 25],
  xmas: [12, 25],
  'christmas eve': [12, 24],
  'new year': [1, 1],
  'new years': [1, 1],
  'new years day': [1, 1],
  'new years eve': [12, 31],
};
const HOLIDAY =
  /^(?:(this|next|coming|last) )?((?:christmas|xmas)(?: day| eve)?|new year(?:[’']?s)?(?: day| eve)?)(?: (\d{4}))?$/;
// Days whose date moves, or that are no date at all.
const NAMED_DAY =
  /^(?:the )?(?:(?:this|next|coming|last) )?(?:easter|thanksgiving|black friday|cyber monday|halloween|patch (?:tuesday|day)|weekend)(?: (?:day|\d{4}))?$/;
/** Holidays as BARE_TIME looks for them after "next", "this", "last". */
const HOLIDAY_WORDS = `(?:christmas|xmas)(?:\\s+(?:day|eve))?|new\\s+year(?:['’]?s)?(?:\\s+(?:day|eve))?|easter|thanksgiving|halloween`;

/** "next christmas": the first after today; "last": the latest before it; "this": this year's. */
function holidayFrom(today: string, which: string, month: number, day: number): PhraseReading {
  const year = Number(today.slice(0, 4));
  const thisYears = `${year}-${pad2(month)}-${pad2(day)}`;
  const shift = which === 'this' ? 0 : which === 'last' ? (thisYears < today ? 0 : -1) : thisYears > today ? 0 : 1;
  return dayOf(year + shift, month, day);
}

const wholeMatch = (results: ChronoEnglish.ParsedResult[], phrase: string) =>
  results.find((result) => result.index === 0 && result.text.length === phrase.length);

/** The phrase after a preposition as a time, or why it cannot be one; null when it is no time at all. */
function readPhrase(phrase: string, today: string | null): PhraseReading {
  const text = phrase
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/,$/, '')
    // A year written '27: this century's, or the last one's from '70 on.
    .replace(/ ?['’](\d\d)$/, (_, year: string) => ` ${centuryOf(year)}${year}`)
    // Excel's d-mmm-yy, and the same with spaces: "14-Oct-25", "8 Apr 14" (a day first, then its month).
    .replace(/^(\d{1,2})(?:st|nd|rd|th)?[- ]([a-z]{3,9})\.?[- ](\d\d)$/, (written, day, month: string, year: string) =>
      monthNumber(month) === null ? written : `${day} ${month} ${centuryOf(year)}${year}`,
    )
    // A quarter or half as finance writes it: "3Q27", "Q3-27", "3Q 2027", "2H27", "H2 27".
    // Two digits straight after "Q3" stay unread: "Q317" is no clearer to people than to us.
    .replace(
      /^(?:q([1-4])[ /-]|([1-4])q[ /-]?)(\d\d|\d{4})$/,
      (_, q = '', qFirst = '', year: string) => `q${q}${qFirst} ${year.length === 2 ? `20${year}` : year}`,
    )
    .replace(
      /^(?:h([12])[ /-]|([12])h[ /-]?)(\d\d)$/,
      (_, h = '', hFirst = '', year: string) => `h${h}${hFirst} 20${year}`,
    )
    // The year's end: "year end", "eoy", "end of the year" (this one), "eoy 2027".
    .replace(/^(?:the )?(?:year[- ]end|eoy|end of (?:the )?year)$/, 'end of this year')
    .replace(/^(this|next|last) year[- ]end$/, 'end of $1 year')
    .replace(/^eoy (\d{4})$/, 'end of $1')
    // "eoy27", "eoy '27", "YE2027", "ye 27": a year's end with the year glued or short.
    .replace(/^(?:eoy|ye) ?['’]?(\d{4}|\d\d)$/, (_, year: string) => `end of ${year.length === 2 ? `20${year}` : year}`)
    // "calendar year 2027", "CY27": the year; "end 2027", "2027 end": its end.
    .replace(/^(?:calendar year|cy) ?(\d{4})$/, '$1')
    .replace(/^cy ?(\d\d)$/, '20$1')
    .replace(/^(?:(?:year[- ])?end (\d{4})|(\d{4}) (?:year[- ])?end)$/, 'end of $1$2')
    // "the rest of 2027", "all of next year": the year itself (a period is answered for its last day).
    .replace(/^(?:the )?(?:rest|remainder|whole|all) of (?:the )?(?=\d{4}$|(?:this|next) year$)/, '')
    // "the year 2028": the year.
    .replace(/^(?:the )?year (\d{4})$/, '$1')
    // "in 3 days' time": the days themselves.
    .replace(/^(.+ (?:days?|weeks?|months?|years?))(?:['’]s|['’])? time$/, '$1')
    // The month's or quarter's end: "eom", "end of the month", "quarter-end" (this one).
    .replace(/^(?:the )?(?:end of (?:the )?(month|quarter)|(month|quarter)[- ]end)$/, 'end of this $1$2')
    .replace(/^eo([mq])$/, (_, unit: string) => `end of this ${unit === 'm' ? 'month' : 'quarter'}`)
    // The week's end: "eow", "end of (the) week" (this one).
    .replace(/^(?:eow|(?:the )?end of (?:the )?week)$/, 'end of this week');
  let match: RegExpExecArray | null;
  // Fiscal years start in a different month from one organisation to the next.
  if (/(?:^|\s|q[1-4])fy(?: ?\d{2,4})?$|\beofy\b|\bfiscal\b/.test(text))
    return {
      reason:
        'Fiscal years start in different months from one organisation to the next: ask for the days instead, like in Q3 2027 or on 2027-06-30.',
    };
  if ((match = /^(?:between|from) (.+?) (?:and|to|until|till|through|thru|-|–) (.+)$/.exec(text))) {
    const [first, last] = [readPhrase(match[1] as string, today), readPhrase(match[2] as string, today)];
    if (!first || !last) return null;
    if ('reason' in first) return first;
    if ('reason' in last) return last;
    if ('relative' in first || 'relative' in last) return { relative: true };
    const from = first.when.kind === 'day' ? first.when.date : first.when.from;
    const to = last.when.kind === 'day' ? last.when.date : last.when.to;
    if (from > to) return { reason: 'It ends before it starts.' };
    return { when: { kind: 'period', from, to, label: `${match[1]} to ${match[2]}` } };
  }
  if (SEASON.test(text)) return { reason: SEASONS_DIFFER };
  if ((match = HOLIDAY.exec(text))) {
    const [month, day] = HOLIDAY_DAYS[(match[2] as string).replace(/[’']/g, '')] ?? [1, 1];
    if (match[3] !== undefined) return dayOf(Number(match[3]), month, day);
    if (match[1] === undefined)
      return { reason: `Which year? Write the day, like ${day} ${MONTH_NAMES[month - 1]} 2027.` };
    return today ? holidayFrom(today, match[1], month, day) : { relative: true };
  }
  if (NAMED_DAY.test(text)) return { reason: 'Which day is that? Write the day, like 2027-06-30 or 30 June 2027.' };
  if ((match = /^(?:the )?(end|start|beginning) of (.+)$/.exec(text))) {
    const inner = readPhrase(match[2] as string, today);
    if (!inner || !('when' in inner)) return inner;
    const date = inner.when.kind === 'day' ? inner.when.date : match[1] === 'end' ? inner.when.to : inner.when.from;
    return { when: { kind: 'day', date } };
  }
  const relative = relativePhrase(text, today);
  if (relative) return relative;
  // "the 28th of June 2017", "the third quarter of 2027".
  if (text.startsWith('the ')) return readPhrase(text.slice(4), today);
  // Which Tuesday "next Tuesday" is, people disagree; a day of no month is no day.
  if (WEEKDAY.test(text))
    return { reason: 'I answer for a date, not a weekday: write the day, like 2017-06-28 or 28 June 2017.' };
  if (/^\d{1,2}(?:st|nd|rd|th)$/.test(text))
    return { reason: `Which month and year? Write the whole day, like 28 June 2017.` };
  if (/^q[1-4]$/.test(text)) return { reason: `Which year? Say “${text.toUpperCase()}” with its year, like Q3 2027.` };
  if ((match = /^(first|second|third|fourth|1st|2nd|3rd|4th) quarter(?: of)? (\d{4})$/.exec(text))) {
    const quarter =
      ['first', 'second', 'third', 'fourth'].indexOf(match[1] as string) + 1 || Number((match[1] as string)[0]);
    return readPhrase(`q${quarter} ${match[2]}`, today);
  }
  // A month without its year ("in dec", "by may"): chrono reads only the whole names.
  if (/^[a-z]+\.?$/.test(text) && monthNumber(text) !== null) return { reason: whichYear(text) };
  // "20251015", as logs and file names write a day.
  if ((match = /^(\d{4})(\d\d)(\d\d)$/.exec(text))) return dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
  // An ISO week: "week 5 2027", "2027-W05", "wk 5 of 2027" (Monday to Sunday).
  if ((match = /^(?:(?:week|wk) ?(\d{1,2})(?: of)?,? (\d{4})|(\d{4})-?w(\d{1,2}))$/.exec(text))) {
    const week = DateTime.fromObject(
      { weekYear: Number(match[2] ?? match[3]), weekNumber: Number(match[1] ?? match[4]) },
      { zone: 'utc' },
    );
    if (!week.isValid || !isYear(week.weekYear))
      return { reason: `There is no week ${match[1] ?? match[4]} in ${match[2] ?? match[3]}.` };
    return {
      when: {
        kind: 'period',
        from: iso(week.startOf('week')),
        to: iso(week.endOf('week')),
        label: `week ${week.weekNumber} of ${week.weekYear}`,
      },
    };
  }
  if (/^(?:week|wk) ?\d{1,2}$/.test(text))
    return { reason: `Which year? Say “${text}” with its year, like week 5 2027.` };
  // Months of one year: "jan-mar 2027", "january to march 2027".
  if ((match = /^([a-z]+)\.? ?(?:-|–|to|through|thru) ?([a-z]+)\.? (\d{4})$/.exec(text))) {
    const [first, last, year] = [monthNumber(match[1] as string), monthNumber(match[2] as string), Number(match[3])];
    if (first !== null && last !== null && last >= first && isYear(year))
      return {
        when: periodOf(year, first, last - first + 1, `${MONTH_NAMES[first - 1]} to ${monthLabel(year, last)}`),
      };
  }
  if ((match = /^(\d{4})$/.exec(text))) {
    const year = Number(match[1]);
    return isYear(year) ? { when: periodOf(year, 1, 12, String(year)) } : null;
  }
  if ((match = /^(first|second|1st|2nd) half(?: of)? (\d{4})$/.exec(text)))
    return readPhrase(`h${match[1]?.startsWith('f') || match[1] === '1st' ? 1 : 2} ${match[2]}`, today);
  if ((match = /^(?:q([1-4])[ /-]?(\d{4})|(\d{4})[ /-]?q([1-4]))$/.exec(text))) {
    const quarter = Number(match[1] ?? match[4]);
    const year = Number(match[2] ?? match[3]);
    if (!isYear(year)) return { reason: `${year} is not a year I can answer for.` };
    return { when: periodOf(year, quarter * 3 - 2, 3, `Q${quarter} ${year}`) };
  }
  if ((match = /^(?:h([12])[ /-]?(\d{4})|(\d{4})[ /-]?h([12])|([12])h[ /-]?(\d{4}))$/.exec(text))) {
    const half = Number(match[1] ?? match[4] ?? match[5]);
    const year = Number(match[2] ?? match[3] ?? match[6]);
    if (!isYear(year)) return { reason: `${year} is not a year I can answer for.` };
    return { when: periodOf(year, half * 6 - 5, 6, `H${half} ${year}`) };
  }
  if ((match = /^(\d{4})[-/.](\d{1,2})$/.exec(text))) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (month < 1 || month > 12) return { reason: `There is no month ${month}.` };
    return isYear(year) ? { when: periodOf(year, month, 1, monthLabel(year, month)) } : null;
  }
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text)))
    return dayOf(Number(match[1]), Number(match[2]), Number(match[3]));
  if ((match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/.exec(text)))
    return numericDay(Number(match[1]), Number(match[2]), Number(match[3]));

  // "feb-27", "02/27": Excel's month and year, or a day without its year; the month is offered. With a
  // space ("dec 25") it is a day, and asked which year.
  const monthAndTwoDigits = /^([a-z]{3,9})\.?[-/'](\d\d)$|^(0?[1-9]|1[0-2])\/(\d\d)$/.exec(text);
  if (monthAndTwoDigits) {
    const [, word, wordYear, number, numberYear] = monthAndTwoDigits;
    const month = word === undefined ? Number(number) : monthNumber(word);
    const year = `${centuryOf(wordYear ?? numberYear ?? '')}${wordYear ?? numberYear}`;
    if (month !== null)
      return {
        reason: `It reads two ways: ${monthLabel(Number(year), month)}, or a day of ${MONTH_NAMES[month - 1]} without its year.`,
        dates: [`${year}-${pad2(month)}`],
      };
  }
  const reference = new Date(Date.UTC(2000, 0, 1));
  // A day, month or year is needed, so only words with a digit or a month's name are worth reading.
  if (!/\d/.test(text) && !text.split(' ').some((word) => monthNumber(word) !== null)) return null;
  const found =
    wholeMatch(english().parse(text, reference), text) ?? wholeMatch(english().GB.parse(text, reference), text);
  if (found) {
    const { start } = found;
    const year = start.get('year') ?? 0;
    const month = start.get('month') ?? 1;
    if (!start.isCertain('year')) return { reason: whichYear(text) };
    // A year chrono worked out from its reference day ("next 6 months" from 2000) is not one typed.
    if (!text.includes(String(year))) return { reason: couldNotRead(text) };
    if (start.isCertain('day')) return dayOf(year, month, start.get('day') ?? 1);
    if (start.isCertain('month'))
      return isYear(year) ? { when: periodOf(year, month, 1, monthLabel(year, month)) } : null;
    return null;
  }
  // chrono reads no day that does not exist: "30 February 2017", "February 30, 2017".
  if (
    (match = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+\.?),? (\d{4})$/.exec(text)) ||
    (match = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(text))
  ) {
    const dayFirst = /^\d/.test(match[1] as string);
    const month = monthNumber((dayFirst ? match[2] : match[1]) as string);
    if (month !== null) return dayOf(Number(match[3]), month, Number(dayFirst ? match[1] : match[2]));
  }
  return null;
}

// Phrases already read without a clock: people write the same few times ("on 28 June 2024", "in
// 2027") after thousands of different releases, and reading one (chrono's parsers among it) was a
// tenth of an unseen question's cost. Pure in the phrase, so kept until full, then started afresh.
const phrasesRead = new Map<string, PhraseReading>();
const MAX_PHRASES_READ = 1000;

function readPhraseOnce(phrase: string): PhraseReading {
  let reading = phrasesRead.get(phrase);
  if (reading === undefined) {
    reading = readPhrase(phrase, null);
    if (phrasesRead.size >= MAX_PHRASES_READ) phrasesRead.clear();
    phrasesRead.set(phrase, reading);
  }
  return reading;
}

/** Whether every word of the phrase could belong to a time, with a number or a month among them. */
function looksLikeTime(phrase: string): boolean {
  const words = phrase
    .trim()
    .split(/[\s,]+/)
    .filter((word) => word !== '');
  if (
    words.length === 0 ||
    words.length > 6 ||
    !words.every((word) => TIME_WORD.test(word) || monthNumber(word) !== null)
  )
    return false;
  // A year, a day written with separators, a quarter or a half: "at 5" is no time.
  return words.some((word) => /^\d{4}$|\d[-/.]\d|\d[-/.][a-z]+[-/.]\d|q[1-4]|^h[12]$|^quarter$/i.test(word));
}

/**
 * A phrase on its own as a time, without the clock ("2027-12-31", "31 December 2027", "end of 2027",
 * "2027"): for a date typed where only a date can be (a contract's end). Null when it is no time, or
 * one counted from today.
 */
export function readTimePhrase(phrase: string): { when: When } | { reason: string; dates: string[] } | null {
  const reading = readPhraseOnce(phrase);
  if (!reading || 'relative' in reading) return null;
  return 'when' in reading ? { when: reading.when } : { reason: reading.reason, dates: reading.dates ?? [] };
}

/** Whether the phrase is a time counted from today ("end of next year", "in 6 months"). */
export const isRelativePhrase = (phrase: string): boolean => {
  const reading = readPhraseOnce(phrase);
  return reading !== null && 'relative' in reading;
};

/** A relative time read before the clock was known ("next year"), as of `today`. */
export function readRelativeWhen(phrase: string, today: string): When | null {
  const reading = readPhrase(phrase, today);
  return reading && 'when' in reading ? reading.when : null;
}

/** Whether the words before a time name something ("windows 10" for 2027), not only ask ("eol" for 2016). */
const namesSomething = (words: string): boolean => !isOnlyQuestionWords(tokensOf(words));

// A word just before a time that moves it: "after October 2026", "mid-December 2026", "since 2015".
const BEFORE_OR_AFTER = /(?:^|\s)(before|after|since|from|past|beyond)$/i;
const ROUGHLY = /(?:^|\s)(mid|early|late|around|about|approximately|approx\.?|circa|ca\.)$/i;

/** Why "after …" or "mid …" is not answered (the day it asks about is not the one named), with the words. */
function movedTime(before: string, phrase: string): { reason: string; phrase: string } | null {
  const moved = BEFORE_OR_AFTER.exec(before);
  if (moved) return { reason: notBeforeOrAfter(phrase), phrase: `${moved[1]} ${phrase}` };
  const roughly = ROUGHLY.exec(before);
  if (!roughly) return null;
  const words = `${roughly[1]} ${phrase}`;
  return { reason: couldNotRead(words), phrase: words };
}

/** The time at the end of a question ("… on 28 June 2017?"), the question without it, or why it cannot be read. */
export function readWhen(text: string): WhenReading {
  const question = text.trim().replace(/[?!.\s]+$/, '');
  const starts = [...question.matchAll(PREPOSITION)].map((match) => ({
    at: match.index ?? 0,
    phraseAt: (match.index ?? 0) + match[0].length,
    preposition: (match[1] as string).toLowerCase(),
    shaped: false,
  }));
  // A time at the very end with no preposition: the words it starts at.
  const endingWith = (match: RegExpExecArray | null, shaped: boolean) => {
    if (match) {
      const phraseAt = question.length - (match[1] as string).length;
      starts.push({ at: match.index, phraseAt, preposition: '', shaped });
    }
  };
  // "supported next year?", "tomorrow", "end of may": these need no preposition. Words shaped like
  // a time that cannot be read ("1.3 years from now") are said so, not left to the name.
  endingWith(BARE_TIME.exec(question), true);
  endingWith(/(?:^|\s)((?:the\s+)?(?:end|start|beginning)\s+of\s+\S.*)$/i.exec(question), false);
  // The earliest start whose words to the end are a time: "on 28 June 2017", not "June 2017"; "end of
  // next year", not "next year".
  starts.sort((a, b) => a.at - b.at);
  for (const { at, phraseAt, preposition, shaped } of starts) {
    const phrase = question.slice(phraseAt);
    const rest = question.slice(0, at).trim();
    // "within 6 months" is the days until then; "within 2027" is 2027.
    const spanned = [...SPAN_PREPOSITIONS, ...RANGE_PREPOSITIONS].includes(preposition)
      ? `${preposition} ${phrase}`
      : null;
    const spanReading = spanned ? readPhraseOnce(spanned) : null;
    if (RANGE_PREPOSITIONS.includes(preposition) && !spanReading) continue;
    const read = spanReading ? spanned : phrase;
    const reading = spanReading ?? readPhraseOnce(phrase);
    if (preposition === 'for' && !(reading && ('when' in reading || 'relative' in reading) && namesSomething(rest)))
      continue;
    // "windows server for 2019" names Server 2019; "windows 10 22h2 for 2027" asks about 2027.
    if (preposition === 'for' && /^\d{4}$/.test(phrase.trim()) && !/\d/.test(rest.split(/\s+/).at(-1) ?? '')) continue;
    if (reading === null && !shaped && !looksLikeTime(phrase)) continue;
    // A range is quoted with its first word: "between 2028 and 2027".
    const shown = RANGE_PREPOSITIONS.includes(preposition) ? (spanned as string) : phrase;
    const moved = movedTime(rest, phrase);
    if (moved) return { kind: 'unreadable', ...moved, dates: [] };
    if (reading && 'when' in reading) return { kind: 'when', when: reading.when, rest, phrase };
    if (reading && 'relative' in reading) return { kind: 'relative', rest, phrase: read as string };
    if (reading) return { kind: 'unreadable', reason: reading.reason, phrase: shown, dates: reading.dates ?? [] };
    return {
      kind: 'unreadable',
      reason: couldNotRead(phrase),
      phrase,
      dates: [],
    };
  }
  // Days counted in words no reading above knows ("on next month 15th"): said so, not dropped.
  const unread = UNREAD_TIME.exec(question);
  if (unread) {
    const phrase = (unread[1] as string).trim();
    return {
      kind: 'unreadable',
      reason: couldNotRead(phrase),
      phrase,
      dates: [],
    };
  }
  // A time eolwatch does not answer for ("after 2028", "mid 2017", "summer 2017") is said so, never
  // answered silently as of today.
  const vague = VAGUE_TIME.exec(question);
  if (vague) {
    const phrase = vague[0].trim();
    const part = PART_OF_YEAR.exec(phrase);
    if (part) {
      const year = part[2] as string;
      const days = PART_OF_YEAR_DAYS[(part[1] as string).toLowerCase()] ?? [];
      return {
        kind: 'unreadable',
        reason: 'It is no one day: which did you mean?',
        phrase,
        dates: days.map((day) => `${year}-${day}`),
      };
    }
    const reason = /^(?:before|after|since|from|past|beyond)\b/i.test(phrase)
      ? notBeforeOrAfter(phrase)
      : /^(?:summer|winter|spring|autumn|fall)\b/i.test(phrase)
        ? SEASONS_DIFFER
        : couldNotRead(phrase);
    return { kind: 'unreadable', reason, phrase, dates: [] };
  }
  return { kind: 'none' };
}

const MONTH_WORD =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const YEAR_WORD = `(?:\\d{4}|['’]\\d\\d)`;
const ORDINAL = '\\d{1,2}(?:st|nd|rd|th)?';
/**
 * A time at the end of a question with no preposition before it: counted from today ("next year", "2
 * years from now", "eoy"), or one no release name ends with: a day or month with its year ("june 2017",
 * "14 april 2014", "2025-10-15"), a quarter or half with its year, a fiscal year. A bare year is not one
 * ("windows server 2019").
 */
const BARE_TIME = new RegExp(
  `(?:^|\\s)(${[
    `(?:next|this|last) (?:year|quarter|month|week)`,
    `(?:next|this|coming|last) (?:${WEEKDAYS})`,
    'tomorrow|today|yesterday',
    `(?:the\\s+)?day\\s+(?:after\\s+tomorrow|before\\s+yesterday)`,
    `\\+?${AMOUNT_OF_TIME}\\s+(?:from\\s+(?:now|today|tomorrow)|ago|later|hence)|\\+\\d{1,3}\\s?${UNIT}`,
    `this\\s+time\\s+(?:next|last)\\s+(?:year|month|week)`,
    `(?:the\\s+)?(?:rest|remainder|whole|all)\\s+of\\s+(?:the\\s+)?(?:\\d{4}|(?:this|next)\\s+year)`,
    `(?:q[1-4]|h[12]|${MONTH_WORD}|(?:the\\s+)?(?:first|second)\\s+half)(?:\\s+of)?\\s+(?:this|next|last)\\s+year`,
    `(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+of\\s+(?:this|next|last)\\s+month`,
    `(?:the\\s+)?(?:next|coming|past|previous|last)\\s+${AMOUNT_OF_TIME}|(?:the\\s+)?(?:past|previous)\\s+${UNIT}`,
    `(?:a\\s+few|a\\s+couple(?:\\s+of)?|several)\\s+${UNIT}\\s+(?:from\\s+(?:now|today)|ago|later)`,
    `(?:(?:this|next|last)\\s+)?year[- ]end(?:\\s+\\d{4})?|\\d{4}\\s+year[- ]end|eoy(?:\\s?['’]?(?:\\d{4}|\\d\\d))?|ye\\s?(?:\\d{4}|\\d\\d)|eo[mqw]|(?:month|quarter)[- ]end`,
    `(?:this|next|last|coming)\\s+(?:summer|winter|spring|autumn|fall|weekend|${HOLIDAY_WORDS})`,
    `\\d{1,2}/\\d{4}|\\d{4}/\\d{1,2}`,
    `(?:q[1-4]|[1-4]q|h[12]|[12]h)\\s?[/-]?\\s?(?:${YEAR_WORD}|\\d\\d)|\\d{4}\\s?[/-]?\\s?(?:q[1-4]|h[12])`,
    `\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}-(?:0[1-9]|1[0-2])`,
    `(?:${ORDINAL}\\s+)?${MONTH_WORD}(?:\\s+${ORDINAL},?)?\\s+${YEAR_WORD}|\\d{1,2}[- ]${MONTH_WORD}[- ]\\d\\d`,
    `(?:q[1-4]\\s+)?fy\\s?['’]?\\d{2,4}|fiscal\\s+(?:year\\s+)?\\d{2,4}|(?:(?:this|next|last)\\s+)?fiscal\\s+year`,
    // "first week of 2027", "last week of june 2027": which days those are, people disagree.
    `(?:first|second|third|fourth|last)\\s+(?:week|day|days)\\s+of\\s+(?:the\\s+)?(?:${YEAR_WORD}|(?:this|next|last)\\s+(?:year|month)|${MONTH_WORD}(?:\\s+${YEAR_WORD})?)`,
    // No year: "by end of fy", "10th october", "dec 25", "q4" are asked about, not answered as of today.
    `(?:(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?)?(?:this\\s+|next\\s+|last\\s+)?fy|eofy`,
    `${MONTH_WORD}\\s+\\d{1,2}(?:st|nd|rd|th)?|(?:the\\s+)?\\d{1,2}(?:st|nd|rd|th)\\s+(?:of\\s+)?${MONTH_WORD}|${MONTH_WORD}[-']\\d\\d`,
    `q[1-4]`,
  ].join('|')})$`,
  'i',
);

/** After a preposition, words that count time ("3 days", "next month"), whatever is around them. */
const UNREAD_TIME = new RegExp(
  `(?:^|\\s)(?:${PREPOSITION_WORDS})\\s+((?:\\S+\\s+){0,3}?(?:${AMOUNT}\\s?(?:days?|weeks?|months?|quarters?|years?|yrs?|mos?)|(?:next|last|this)\\s+(?:week|month|quarter|year))\\b.*)$`,
  'i',
);

/** "early 2027", "mid-2027", "late 2027": a part of a year, asked back with the days it may mean. */
const PART_OF_YEAR = /^(early|mid|late)[\s-]+(?:of\s+)?(\d{4})$/i;
const PART_OF_YEAR_DAYS: Readonly<Record<string, readonly string[]>> = {
  early: ['01-01', '03-31'],
  mid: ['06-30'],
  late: ['10-01', '12-31'],
};

const VAGUE_TIME = new RegExp(
  `(?:^|\\s)(?:(?:before|after|since|from|past|beyond|midyear|mid|early|late|summer|winter|spring|autumn|fall|start|end)(?:\\s+of)?(?:\\s+the)?[\\s-]+(?:(?:19|20)\\d\\d|${MONTH_WORD}|year|${HOLIDAY_WORDS})|midyear|(?:the\\s+)?(?:holidays|holiday\\s+season|festive\\s+season))\\b.*$`,
  'i',
);
