// Forecasts as lines: the whole forecast (`inventory forecast`, `report forecast`) and the "at this pace"
// line under a release in the inventory and the report.
import { releaseTitle } from '../catalog/release-title.js';
import { capitalised, formatCount } from '../leaf/format-count.js';
import type { Result } from '../commands/command-types.js';
import { atThisPace, basisWords, paceWords, phaseWords } from '../forecasts/describe-forecast.js';
import type { ReleaseForecast } from '../forecasts/release-forecasts.js';
import type { AnswerPart } from './answer-part.js';
import type { Formatter } from './formatter.js';

function forecastLines({ release, forecast }: ReleaseForecast, f: Formatter): string[] {
  const title = f.strong(f.text(releaseTitle(release)));
  if (forecast.kind !== 'pace') return [`• ${title}: ${atThisPace(forecast, (text) => f.text(text))}.`];
  const zero = forecast.zeroOn ? `: zero around ${f.date(forecast.zeroOn.slice(0, 7))}` : '';
  return [
    `• ${title}: ${formatCount(forecast.count)} now, ${paceWords(forecast)}, ${basisWords(forecast)}${zero}.`,
    ...forecast.phasesAhead.map(
      (phase) => `    ◦ ${capitalised(phaseWords(forecast, phase, (text) => f.text(text)))}.`,
    ),
  ];
}

/** "At this pace" lines, one per release with a forecast; nothing when none has one. */
export function atThisPaceLines(forecasts: readonly ReleaseForecast[] | undefined, f: Formatter): AnswerPart[] {
  if (!forecasts || forecasts.length === 0) return [];
  return [
    '',
    f.strong('At this pace'),
    ...forecasts.map(
      ({ release, forecast }) => `• ${f.text(releaseTitle(release))}: ${atThisPace(forecast, (text) => f.text(text))}`,
    ),
  ];
}

export function forecastAnswerLines(result: Extract<Result, { kind: 'forecast' }>, f: Formatter): AnswerPart[] {
  const whose = result.team ? f.team(result.team) : 'the workspace';
  if (result.forecasts.length === 0)
    return [
      result.only
        ? `${capitalised(whose)} counts no machines on that release.`
        : `${capitalised(whose)} has no machine counts to forecast yet.`,
    ];
  return [
    `${f.strong(`Forecast for ${whose}`)} as of ${f.date(result.asOf)}: at this pace, from the counts of the last 365 days.`,
    ...result.forecasts.flatMap((entry) => forecastLines(entry, f)),
  ];
}
