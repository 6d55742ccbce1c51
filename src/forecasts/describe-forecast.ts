// A forecast in words, written once for every place it shows (answers, reminders, the Home tab, the
// chart's summary). Figures are rounded as the estimates they are; `text` escapes what came from people
// or the catalogue (a contract's name is a phase label) for where the words go.
import { formatCount, plural } from '../leaf/format-count.js';
import { DAYS_PER_MONTH, roundEstimate, type Forecast, type PhaseAhead } from './forecast-release.js';

type Pace = Extract<Forecast, { kind: 'pace' }>;
const same = (text: string) => text;

const monthly = (forecast: Pace) => roundEstimate(forecast.perDay * DAYS_PER_MONTH);
const about = (value: number) => `about ${formatCount(roundEstimate(value))}`;

/** "falling by about 1,300 a month (300 a week)", "growing by about 200 a month", "holding steady". */
export function paceWords(forecast: Pace): string {
  if (forecast.perDay === 0) return 'holding steady';
  const weekly = roundEstimate(forecast.perDay * 7);
  const week = weekly > 0 ? ` (${formatCount(weekly)} a week)` : '';
  return `${forecast.perDay < 0 ? 'falling' : 'growing'} by about ${formatCount(monthly(forecast))} a month${week}`;
}

/** "from 12 changes since 2016-07-01": what a forecast stands on. */
export const basisWords = (forecast: Pace): string =>
  `from ${plural(forecast.basis.changes, 'change')} since ${forecast.basis.since}`;

/** "zero around 2018-08", or how it moves when it is not falling. */
function outcomeWords(forecast: Pace): string {
  if (forecast.zeroOn) return `zero around ${forecast.zeroOn.slice(0, 7)}`;
  return forecast.perDay > 0 ? `growing by about ${formatCount(monthly(forecast))} a month` : 'holding steady';
}

/** "about 1,100 machines still on it when Security Support ends on 2020-01-14: needs 49 a month; moving 14". */
export function phaseWords(forecast: Pace, phase: PhaseAhead, text: (label: string) => string = same): string {
  const left = phase.left === 0 ? 'none left' : `${about(phase.left)} machines still on it`;
  const moving = forecast.perDay < 0 ? `moving ${formatCount(monthly(forecast))}` : 'not falling';
  const needed =
    phase.left === 0 ? '' : `: needs ${formatCount(roundEstimate(phase.neededPerMonth))} a month; ${moving}`;
  return `${left} when ${text(phase.label)} ends on ${phase.end}${needed}`;
}

/** The first phase ahead that the pace does not get to zero before: the one to warn about. */
export const phaseMissed = (forecast: Pace): PhaseAhead | undefined =>
  forecast.phasesAhead.find((phase) => phase.left > 0);

/** One line's worth: "zero around 2018-08", or "about 1,100 left when … (needs 49 a month, moving 14)". */
export function atThisPace(forecast: Forecast, text: (label: string) => string = same): string {
  if (forecast.kind === 'none-left') return `none left since ${forecast.since}`;
  if (forecast.kind === 'not-enough')
    return forecast.since
      ? `not enough history yet: ${plural(forecast.changes, 'change')} since ${forecast.since}`
      : 'not enough history yet: no changes in the last year';
  const missed = phaseMissed(forecast);
  const outcome = outcomeWords(forecast);
  return missed ? `${outcome}; ${phaseWords(forecast, missed, text)}` : outcome;
}
