// `/eol status`: where the catalogue comes from and how fresh it is, the store, the next reminder run.
import { daysBetween, toIsoDate } from '../leaf/calendar-date.js';
import { STALE_AFTER_DAYS } from '../catalog/catalog-info.js';
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Result } from './command-types.js';

export const statusCommand: CommandDefinition = {
  name: 'status',
  usage: '/eol status',
  summary:
    "The catalogue's source and date, the last refresh and the last error, the store file and its size, the next reminder run.",
  parse: () => ({ kind: 'status' }),
  run: { status: (_request, deps) => runStatus(deps) },
};

/** From the catalogue in use: every answer asks, so no status file is read for it. */
function dataAgeDays(deps: CommandDeps): number {
  return daysBetween(deps.dataDate(), toIsoDate(deps.now()));
}

/** The one line every answer carries once the catalogue is older than STALE_AFTER_DAYS. */
export function staleWarning(deps: CommandDeps): string | undefined {
  const age = dataAgeDays(deps);
  if (age <= STALE_AFTER_DAYS) return undefined;
  return `The catalogue is from ${deps.dataDate()}, ${age} days old: dates may have moved since. \`/eol status\` says why.`;
}

async function runStatus(deps: CommandDeps): Promise<Result> {
  return {
    kind: 'status',
    asOf: toIsoDate(deps.now()),
    catalog: deps.catalogInfo(),
    dataAgeDays: dataAgeDays(deps),
    facts: await deps.status(),
  };
}
