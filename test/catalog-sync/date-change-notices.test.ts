// `eol sync` with watches: one notice per watching channel for a moved date and for an ESU added,
// none on the next refresh, and reminders that follow the new dates.
import { afterAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runReminderJob, runSync } from '../../src/wire-daily-job.js';
import { openCore } from '../../src/wire-core.js';
import { editedCatalog, releaseIn } from '../helpers/catalog-server.js';
import { useCatalogServer, useFakeSlackApi } from '../helpers/use-servers.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { CATALOG_FILES } from '../helpers/test-core.js';
import { DateTime } from 'luxon';

const temp = makeTempDir();
afterAll(() => temp.remove());
const catalogServer = useCatalogServer();
const fakeApi = useFakeSlackApi();

it('posts exactly one notice per watching channel for each changed phase, and none on the next refresh', async () => {
  const core = await openCore({
    ...CATALOG_FILES,
    timezone: 'UTC',
    storePath: join(temp.path, 'eolwatch.json'),
    admins: [],
    catalogUrl: catalogServer.server().url,
    catalogCachePath: join(temp.path, 'catalog-cache.json'),
  });
  const store = await core.store();
  const slack = { botToken: 'xoxb-test', apiUrl: fakeApi().apiUrl };
  await store.watch(
    { workspace: 'T1', channel: 'CA' },
    [
      { release: 'windows/8.1', leads: [30] },
      { release: 'rhel/9', leads: [30] },
    ],
    'manual',
    '2022-01-01',
  );
  await store.watch(
    { workspace: 'T1', channel: 'CB' },
    [{ release: 'windows/8.1', leads: [30] }],
    'manual',
    '2022-01-01',
  );
  await store.watch(
    { workspace: 'T1', channel: 'CC' },
    [{ release: 'ubuntu/22.04', leads: [30] }],
    'manual',
    '2022-01-01',
  );
  catalogServer.server().body = editedCatalog(readFileSync(CATALOG_FILES.catalogPath, 'utf8'), (data) => {
    releaseIn(data, 'windows', '8.1').eolFrom = '2023-07-11';
    Object.assign(releaseIn(data, 'windows', '8.1'), { isEoes: false, eoesFrom: '2026-01-13' });
  });

  const first = await runSync(core, slack);
  expect(first.ok).toBe(true);
  // An ordinary refresh is nobody's decision: nothing in the audit log.
  expect(await store.auditEntries('T1')).toEqual([]);
  const posts = fakeApi()
    .callsTo('chat.postMessage')
    .map((call) => [call.body.channel, call.body.text]);
  expect(posts).toEqual([
    [
      'CA',
      'Microsoft Windows 8.1: Security Support now ends 2023-07-11 (before: 2023-01-10). Reminders follow the new date.',
    ],
    [
      'CB',
      'Microsoft Windows 8.1: Security Support now ends 2023-07-11 (before: 2023-01-10). Reminders follow the new date.',
    ],
    [
      'CA',
      'Microsoft Windows 8.1: Extended Security Updates now ends 2026-01-13 (before: no Extended Security Updates). Reminders follow the new date.',
    ],
    [
      'CB',
      'Microsoft Windows 8.1: Extended Security Updates now ends 2026-01-13 (before: no Extended Security Updates). Reminders follow the new date.',
    ],
  ]);

  expect((await runSync(core, slack)).lines[0]).toContain('Not modified');
  // A catalogue accepted with --force is: in every workspace it reaches.
  catalogServer.server().body = editedCatalog(readFileSync(CATALOG_FILES.catalogPath, 'utf8'), (data) => {
    releaseIn(data, 'windows', '8.1').eolFrom = '2023-07-11';
    Object.assign(releaseIn(data, 'windows', '8.1'), {
      isEoes: false,
      eoesFrom: '2026-01-13',
      releaseDate: '2013-10-17',
    });
  });
  expect((await runSync(core, null, true)).ok).toBe(true);
  expect(await store.auditEntries('T1')).toEqual([
    expect.objectContaining({ user: 'eolwatch', via: 'cli', action: 'catalog.force', channel: null }),
  ]);
  expect(fakeApi().callsTo('chat.postMessage')).toHaveLength(4);

  // Reminders follow the new date: none 30 days before the old end, one 30 days before the new.
  const on = (day: string) => runReminderJob(core, () => DateTime.fromISO(`${day}T09:00:00`, { zone: 'UTC' }), slack);
  await on('2022-12-11');
  const reminded = () =>
    fakeApi()
      .callsTo('chat.postMessage')
      .slice(4)
      .map((call) => [call.body.channel, String(call.body.text).split('.')[0]]);
  expect(reminded()).toEqual([]);
  await on('2023-06-11');
  expect(reminded()).toEqual([
    ['CA', 'Microsoft Windows 8'],
    ['CB', 'Microsoft Windows 8'],
  ]);
  expect(String(fakeApi().callsTo('chat.postMessage').at(-1)?.body.text)).toContain(
    'Security Support ends on 2023-07-11, in 30 days',
  );
  await core.close();
});
