// Units of time as people write and abbreviate them ("6 mos", "2 wks", "3 yrs", "6mo", "1y"): one list
// for dates counted from today (commands/read-when.ts) and reminder lead times (commands/watch-command.ts).

export type TimeUnit = 'day' | 'week' | 'fortnight' | 'month' | 'quarter' | 'year';

export const TIME_UNIT_WORDS: Readonly<Record<string, TimeUnit>> = {
  d: 'day',
  day: 'day',
  days: 'day',
  w: 'week',
  wk: 'week',
  wks: 'week',
  week: 'week',
  weeks: 'week',
  fortnight: 'fortnight',
  fortnights: 'fortnight',
  m: 'month',
  mo: 'month',
  mos: 'month',
  mth: 'month',
  mths: 'month',
  month: 'month',
  months: 'month',
  q: 'quarter',
  qtr: 'quarter',
  qtrs: 'quarter',
  quarter: 'quarter',
  quarters: 'quarter',
  y: 'year',
  yr: 'year',
  yrs: 'year',
  year: 'year',
  years: 'year',
};
