// The `/eol status` answer as lines, for both renderers; null for other results.
import { formatCount, plural } from '../leaf/format-count.js';
import type { Result } from '../commands/command-types.js';

import { type Formatter } from './formatter.js';

export function statusLines(result: Result, f: Formatter): string[] | null {
  if (result.kind !== 'status') return null;
  const { catalog, facts } = result;
  const isDatabase = facts.storePath.startsWith('PostgreSQL ');
  const size = isDatabase
    ? ''
    : facts.storeBytes === null
      ? ', not created yet'
      : `, ${formatCount(Math.ceil(facts.storeBytes / 1024))} KB`;
  return [
    f.strong('eolwatch status'),
    `Catalogue: ${catalog.source}, generated ${f.date(catalog.generatedAt.slice(0, 10))} (${plural(result.dataAgeDays, 'day')} old)`,
    `Refreshed from: ${f.text(catalog.url)}`,
    `Last successful refresh: ${catalog.lastRefreshAt ? f.text(catalog.lastRefreshAt) : 'none since start'}`,
    `Last refresh error: ${catalog.lastError ? `${f.text(catalog.lastError.reason)} (${f.text(catalog.lastError.at)})` : 'none'}`,
    `Store: ${f.text(facts.storePath)}${size}`,
    `Next reminder run: ${facts.nextReminderRun ? f.text(facts.nextReminderRun) : 'not scheduled (the local shell and CLI run it with `reminders run`)'}`,
  ];
}
