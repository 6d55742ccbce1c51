// Forecasts as the HTTP API gives them: numbers as numbers (a pace to one decimal, machines whole),
// dates as ISO dates, and the kind saying whether there is a pace at all.
import { DAYS_PER_MONTH, type Forecast } from '../forecasts/forecast-release.js';
import type { ReleaseForecast } from '../forecasts/release-forecasts.js';

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function forecastJson(forecast: Forecast) {
  if (forecast.kind !== 'pace') return forecast;
  return {
    kind: forecast.kind,
    count: forecast.count,
    countedOn: forecast.countedOn,
    perWeek: oneDecimal(forecast.perDay * 7),
    perMonth: oneDecimal(forecast.perDay * DAYS_PER_MONTH),
    basis: forecast.basis,
    zeroOn: forecast.zeroOn,
    phasesAhead: forecast.phasesAhead.map((phase) => ({
      phase: phase.label,
      end: phase.end,
      machinesLeft: Math.round(phase.left),
      neededPerMonth: oneDecimal(phase.neededPerMonth),
    })),
  };
}

export function forecastsJson(forecasts: readonly ReleaseForecast[]) {
  return forecasts.map(({ release, forecast }) => ({
    product: release.productName,
    release: release.name,
    label: `${release.productLabel} ${release.label}`,
    forecast: forecastJson(forecast),
  }));
}
