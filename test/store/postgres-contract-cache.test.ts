// The PostgreSQL store keeps each team's contracts for a second at most (lookups read them on every
// question), and drops them when any replica announces a change: a change made by this process is seen
// by its next read at once, a read that overlapped the change (started before it, or while it waited to
// commit) is not kept, and another replica's change is seen once its notice arrives. A count change
// reads them with its locks, so the answer it gives has them as they were when it changed the counts.
import { expect } from '@jest/globals';
import pg from 'pg';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { postgresForFile } from '../helpers/postgres-suite.js';

const { pgIt, url } = await postgresForFile();

const team = { workspace: 'T1', channel: 'CMET' };
const contract = { until: '2016-04-14', name: 'Custom Support', by: 'U1', at: '2015-01-01T09:00:00.000Z' };

pgIt('sees its own change at once, though a read started before it answers after it', async () => {
  // One connection: the read's query goes first and the change's second, so the read answers with the
  // contracts before the change, after the change has begun.
  const store = await PostgresStore.open(url(), { max: 1 });
  try {
    const [before] = await Promise.all([store.contracts(team), store.setContract(team, 'windows/5-sp3', contract)]);
    expect(before).toEqual({});
    expect(await store.contracts(team)).toEqual({ 'windows/5-sp3': contract });
    const [stillThere] = await Promise.all([store.contracts(team), store.removeContract(team, 'windows/5-sp3')]);
    expect(stillThere).toEqual({ 'windows/5-sp3': contract });
    expect(await store.contracts(team)).toEqual({});
  } finally {
    await store.close();
  }
});

pgIt('sees its own change at once, though a read ran while the change waited to commit', async () => {
  const store = await PostgresStore.open(url());
  // Another session inserts the same contract and holds it uncommitted: the store's write waits for it.
  const other = new pg.Client({ connectionString: url(), options: '-c search_path=eolwatch' });
  await other.connect();
  const held = { ...team, channel: 'CHELD' };
  try {
    await other.query('BEGIN');
    await other.query(
      'INSERT INTO contracts (workspace, channel, release, until, name, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [held.workspace, held.channel, 'windows/5-sp3', '2015-01-01', 'Other', 'U2', contract.at],
    );
    const setting = store.setContract(held, 'windows/5-sp3', contract);
    await waitUntilWaiting(url(), 'contracts');
    expect(await store.contracts(held)).toEqual({}); // read while the write waits: nothing committed yet
    await other.query('ROLLBACK');
    await setting;
    expect(await store.contracts(held)).toEqual({ 'windows/5-sp3': contract });
  } finally {
    await other.end();
    await store.close();
  }
});

/** Resolves once some session waits for a lock while writing `table` (asked from a session of its own). */
async function waitUntilWaiting(connectionString: string, table: string): Promise<void> {
  const watcher = new pg.Client({ connectionString });
  await watcher.connect();
  try {
    for (;;) {
      const { rows } = await watcher.query<{ waiting: boolean }>(
        "SELECT count(*) > 0 AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE $1",
        [`%INTO ${table}%`],
      );
      if (rows[0]?.waiting) return;
    }
  } finally {
    await watcher.end();
  }
}

pgIt(
  "a count change reads the team's contracts with its locks, so its answer has another replica's latest",
  async () => {
    const [here, there] = await Promise.all([PostgresStore.open(url()), PostgresStore.open(url())]);
    const counted = { ...team, channel: 'CCOUNTED' };
    try {
      expect(await here.contracts(counted)).toEqual({}); // kept here for a second
      await there.setContract(counted, 'windows/5-sp3', contract);
      await here.updateCounts(
        counted,
        { mode: 'set', counts: [{ release: 'windows/5-sp3', count: 18293 }], action: 'set' },
        { user: 'U1', at: contract.at },
      );
      expect(await here.contracts(counted)).toEqual({ 'windows/5-sp3': contract });
    } finally {
      await Promise.all([here.close(), there.close()]);
    }
  },
);

/** Asks until `read` gives `expected`: what another replica changed arrives as a notice, a moment later. */
async function untilRead<T>(read: () => Promise<T>, expected: T): Promise<void> {
  while (JSON.stringify(await read()) !== JSON.stringify(expected)) await new Promise((r) => setTimeout(r, 5));
}

// Kept for an hour here, so only another replica's notice can make the change seen (the second's recheck
// would do it otherwise).
const KEPT_AN_HOUR = { contractsRecheckMs: 3_600_000 };

pgIt(
  'drops the contracts it keeps when another replica changes them, and keeps nothing while deaf to notices',
  async () => {
    const [here, there] = await Promise.all([PostgresStore.open(url(), KEPT_AN_HOUR), PostgresStore.open(url())]);
    const noticed = { ...team, channel: 'CNOTICED' };
    const watcher = new pg.Client({ connectionString: url() });
    await watcher.connect();
    try {
      expect(await here.contracts(noticed)).toEqual({}); // kept here
      await there.setContract(noticed, 'windows/5-sp3', contract);
      await untilRead(() => here.contracts(noticed), { 'windows/5-sp3': contract });
      await there.removeContract(noticed, 'windows/5-sp3');
      await untilRead(() => here.contracts(noticed), {});

      // Every notice connection cut: here can no longer hear changes, so it keeps nothing until it hears again.
      await watcher.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'eolwatch change notices' AND datname = current_database()",
      );
      await there.setContract(noticed, 'windows/5-sp3', contract); // announced to no one
      await untilRead(() => here.contracts(noticed), { 'windows/5-sp3': contract });
      // Both connect again (a second later), and here keeps and drops as before.
      for (;;) {
        const { rows } = await watcher.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'eolwatch change notices' AND datname = current_database() AND query ILIKE 'LISTEN%'",
        );
        if (rows[0]?.n === 2) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await untilRead(() => here.contracts(noticed), { 'windows/5-sp3': contract });
      await there.removeContract(noticed, 'windows/5-sp3');
      await untilRead(() => here.contracts(noticed), {});
    } finally {
      await watcher.end();
      await Promise.all([here.close(), there.close()]);
    }
  },
);
