// `db migrate` and `db import-json` on the command line, against a real PostgreSQL database: a JSON
// store moves over whole, and a second run adds nothing.
import { afterAll, beforeAll, expect } from '@jest/globals';
import { join } from 'node:path';
import { hashApiToken } from '../../src/api-tokens/api-token-store.js';
import { LowdbStore } from '../../src/store/json/lowdb-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { itWithPostgres } from '../helpers/postgres-suite.js';
import { runEntry } from '../helpers/run-entry.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
const pgIt = await itWithPostgres();
let database: TestDatabase | null;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
  temp.remove();
});

const met = { workspace: 'T1', channel: 'CMET' };
const desk = { workspace: 'T2', channel: 'CDESK' };

async function jsonStoreWithEverything(path: string): Promise<void> {
  const store = await LowdbStore.open(path);
  await store.setTeamName(met, 'Met IT');
  await store.setCounts(
    met,
    [
      { release: 'windows/5-sp3', count: 35640 },
      { release: 'windows/8.1', count: 100 },
    ],
    { user: 'U1', at: '2016-01-01T10:00:00.000Z' },
  );
  await store.setCounts(met, [{ release: 'windows/5-sp3', count: 18293 }], {
    user: 'U2',
    at: '2017-06-28T10:00:00.000Z',
  });
  await store.updateCounts(
    desk,
    { mode: 'replace', counts: [{ release: 'macos/14', count: 7 }], action: 'import', file: 'jamf.csv' },
    { user: 'U3', at: '2026-11-01T10:00:00.000Z' },
  );
  await store.watch(met, [{ release: 'windows/8.1', leads: [30, 7] }], 'manual', '2017-06-28');
  await store.setContract(met, 'windows/5-sp3', {
    until: '2019-01-14',
    name: 'Custom Support',
    by: 'U1',
    at: '2017-06-28T10:00:00.000Z',
  });
  await store.recordReminder('T1|CMET|windows/8.1|eoas|2018-01-09|30', {
    status: 'sent',
    at: '2017-12-10T09:00:00.000Z',
    ts: '1.2',
    late: false,
  });
  await store.markMilestone('T1|CMET|windows/8.1|eoas', { handledBy: 'U2', handledAt: '2017-12-11T09:00:00.000Z' });
  await store.appendAudit({
    workspace: 'T1',
    at: '2017-06-28T10:00:00.000Z',
    user: 'U2',
    via: 'slack',
    channel: 'CMET',
    action: 'counts.set',
    change: 'Microsoft Windows XP SP3 35640 → 18293',
    releases: ['windows/5-sp3'],
  });
  await store.addApiToken({
    workspace: 'T1',
    name: 'cmdb',
    hash: hashApiToken('eolw_x'),
    createdBy: 'U1',
    createdAt: '2026-11-01T00:00:00.000Z',
    lastUsedAt: null,
  });
  await store.close();
}

pgIt('migrates, imports a JSON store whole, and a second import duplicates nothing', async () => {
  const env = { EOLWATCH_DATABASE_URL: (database as TestDatabase).url };
  const first = await runEntry('src/cli.ts', ['db', 'migrate'], { env });
  expect(first.stdout.trim()).toBe('Migrated the database from schema version 0 to 8.');
  expect((await runEntry('src/cli.ts', ['db', 'migrate'], { env })).stdout.trim()).toBe(
    'The database is at schema version 8: nothing to do.',
  );

  const file = join(temp.path, 'eolwatch.json');
  await jsonStoreWithEverything(file);
  const imported = await runEntry('src/cli.ts', ['db', 'import-json', file], { env });
  expect(imported.code).toBe(0);
  expect(imported.stdout.trim()).toBe(
    `Imported ${file} into PostgreSQL: 2 team(s), 3 count(s), 4 history entries (0 already there), 3 watch(es), 1 contract(s), 1 reminder record(s), 1 mark(s), 1 API token(s), 1 audit entry.`,
  );

  const json = await LowdbStore.open(file);
  const postgres = await PostgresStore.open((database as TestDatabase).url);
  try {
    for (const team of [met, desk]) {
      expect(await postgres.team(team)).toEqual(await json.team(team));
      expect(await postgres.history(team)).toEqual(await json.history(team));
      expect(await postgres.channelWatches(team)).toEqual(await json.channelWatches(team));
    }
    expect(await postgres.reminderRecords()).toEqual(await json.reminderRecords());
    expect(await postgres.milestoneMarks()).toEqual(await json.milestoneMarks());
    expect(await postgres.apiTokens('T1')).toEqual(await json.apiTokens('T1'));
    expect(await postgres.auditEntries('T1')).toEqual(await json.auditEntries('T1'));

    const again = await runEntry('src/cli.ts', ['db', 'import-json', file], { env });
    expect(again.stdout).toContain('0 history entries (4 already there)');
    expect(await postgres.history(met)).toHaveLength(3);
    expect(await postgres.apiTokens('T1')).toHaveLength(1);
    expect(await postgres.auditEntries('T1')).toHaveLength(1);
  } finally {
    await json.close();
    await postgres.close();
  }
  // The bot's own commands now answer from PostgreSQL.
  const answer = await runEntry(
    'src/cli.ts',
    ['--workspace', 'T1', '--channel', 'CMET', '--now', '2017-06-28', 'inventory'],
    { env },
  );
  expect(answer.stdout).toContain(
    '18,393 machines: 0 unsupported now · 0 on extended support only · 18,293 covered by your contracts',
  );
});

pgIt('says what is missing without a database URL, and for a file that is not there', async () => {
  const none = await runEntry('src/cli.ts', ['db', 'migrate']);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('set EOLWATCH_DATABASE_URL');
  const missing = await runEntry('src/cli.ts', ['db', 'import-json', join(temp.path, 'nope.json')], {
    env: { EOLWATCH_DATABASE_URL: (database as TestDatabase).url },
  });
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('No JSON store at');
});
