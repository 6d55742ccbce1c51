// A PostgreSQL count change, watch change, reminder claim or milestone mark sends its one write with the
// COMMIT (PgDatabase.transaction's closeWith): two round trips each, counted at the wire by a proxy. The
// values it sends as literals read back as given; a write refused in the COMMIT's batch saves nothing and
// leaves the store usable; two replicas claiming one reminder at once get one claim between them.
import { expect } from '@jest/globals';
import type { AuditEntry } from '../../src/audit/audit-log.js';
import type { CountChange } from '../../src/inventory/inventory-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { postgresProxy } from '../helpers/postgres-proxy.js';
import { postgresForFile } from '../helpers/postgres-suite.js';

const { pgIt, url } = await postgresForFile();

const by = { user: 'U1', at: '2017-06-01T09:00:00.000Z' };

type TripsOf = (change: () => Promise<unknown>) => Promise<number>;

/** `work` on a store of one connection through a proxy, told how many round trips a change takes. */
async function throughProxy(work: (store: PostgresStore, tripsOf: TripsOf) => Promise<void>): Promise<void> {
  const proxy = await postgresProxy(url());
  const store = await PostgresStore.open(proxy.via(url()), { max: 1 });
  try {
    await work(store, async (change) => {
      const before = proxy.roundTrips();
      await change();
      return proxy.roundTrips() - before;
    });
  } finally {
    await store.close();
    await proxy.close();
  }
}

/** `check` on a store of its own, straight to the database: what was committed. */
async function committed(check: (store: PostgresStore) => Promise<void>): Promise<void> {
  const store = await PostgresStore.open(url());
  try {
    await check(store);
  } finally {
    await store.close();
  }
}
const auditOf =
  (team: { workspace: string; channel: string }, change: string) =>
  (changes: CountChange[]): AuditEntry => ({
    workspace: team.workspace,
    at: by.at,
    user: by.user,
    via: 'slack',
    channel: team.channel,
    action: 'counts.set',
    change,
    releases: changes.map((entry) => entry.release),
  });

pgIt('changes counts in two round trips, with or without a watch to move, prepared or not', async () => {
  const team = { workspace: 'T1', channel: 'CTRIPS' };
  await throughProxy(async (store, tripsOf) => {
    await store.setCounts(team, [{ release: 'windows/5-sp3', count: 18293 }], by); // connects and prepares
    const set = (release: string, count: number, audited: boolean) => () =>
      store.updateCounts(
        team,
        { mode: 'set', counts: [{ release, count }], action: 'set' },
        by,
        audited ? auditOf(team, `${release} → ${count}`) : undefined,
      );
    // A new release (a watch starts) with its audit entry, first on this connection, then again.
    expect(await tripsOf(set('windows/8.1', 14450, true))).toBe(2);
    expect(await tripsOf(set('windows/8.1', 0, true))).toBe(2);
    expect(await tripsOf(set('windows/8.1', 14450, true))).toBe(2);
    // A count that moves no watch; the same count again (nothing to write but its audit entry).
    expect(await tripsOf(set('windows/8.1', 14000, false))).toBe(2);
    expect(await tripsOf(set('windows/8.1', 14000, true))).toBe(2);
    // A watch set by hand on a channel whose posts Slack refused: the watch and the mending, one write.
    await store.markBroken(team, 'not_in_channel', by.at);
    expect(
      await tripsOf(() =>
        store.watch(team, [{ release: 'windows/5-sp3', leads: [90, 30] }], 'manual', '2017-06-01', 'U1'),
      ),
    ).toBe(2);
  });
  await committed(async (direct) => {
    expect((await direct.team(team)).counts).toEqual({ 'windows/5-sp3': 18293, 'windows/8.1': 14000 });
    expect((await direct.history(team)).map((entry) => entry.to)).toEqual([18293, 14450, 0, 14450, 14000]);
    const watches = await direct.channelWatches(team);
    expect(Object.keys(watches.releases)).toContain('windows/8.1');
    expect(watches.releases['windows/5-sp3']).toMatchObject({ leads: [90, 30], source: 'manual', by: 'U1' });
    expect(watches.broken).toBeNull();
    expect((await direct.auditEntries('T1')).map((entry) => entry.change)).toEqual([
      'windows/8.1 → 14450',
      'windows/8.1 → 0',
      'windows/8.1 → 14450',
      'windows/8.1 → 14000',
    ]);
  });
});

pgIt('reads back, as given, the values a change sends as literals with its COMMIT', async () => {
  const store = await PostgresStore.open(url(), { max: 1 });
  const team = { workspace: 'T2', channel: 'CQUOTES' };
  const file = "O'Brien's \\\\server\\share $1 ''; COMMIT; --\n\"fleet\" ✓.csv";
  const change = 'windows/8.1 0 → 14,450 (from "O\'Brien\'s" \\\\ $2 file) 🚨';
  try {
    await store.updateCounts(
      team,
      { mode: 'replace', counts: [{ release: 'windows/8.1', count: 14450 }], action: 'import', file },
      { user: "U'\\1", at: by.at },
      auditOf(team, change),
    );
    const [entry] = await store.history(team);
    expect(entry).toMatchObject({ release: 'windows/8.1', from: 0, to: 14450, user: "U'\\1", file, action: 'import' });
    expect((await store.auditEntries('T2')).map((audit) => audit.change)).toEqual([change]);
    // An automatic watch has no one who set it: a NULL inside an array literal.
    const watch = (await store.channelWatches(team)).releases['windows/8.1'];
    expect(watch?.source).toBe('auto');
    expect(watch?.by).toBeUndefined();
  } finally {
    await store.close();
  }
});

pgIt('saves nothing when the write sent with the COMMIT is refused, and the next change goes through', async () => {
  const store = await PostgresStore.open(url(), { max: 1 });
  const team = { workspace: 'T3', channel: 'CREFUSED' };
  try {
    // Past PostgreSQL's integer: refused by the write itself, after the locks and reads, in the batch
    // that first prepares its statement on this connection.
    await expect(store.setCounts(team, [{ release: 'windows/8.1', count: 3_000_000_000 }], by)).rejects.toThrow(
      /out of range/,
    );
    expect((await store.team(team)).counts).toEqual({});
    expect(await store.history(team)).toEqual([]);
    expect((await store.channelWatches(team)).releases).toEqual({});
    // The same statement again, on the store's one connection: prepared afresh, it runs.
    await store.setCounts(team, [{ release: 'windows/8.1', count: 14450 }], by);
    expect((await store.team(team)).counts).toEqual({ 'windows/8.1': 14450 });
    expect(await store.history(team)).toHaveLength(1);
  } finally {
    await store.close();
  }
});

pgIt('claims a reminder and marks a milestone in two round trips each', async () => {
  const claim = { runId: 'elsewhere/run-a', at: '2026-11-28T09:00:00.000Z', late: false };
  await throughProxy(async (store, tripsOf) => {
    await store.recordReminder('warm-up', { status: 'sent', at: claim.at, ts: '1.1', late: false }); // connects
    expect(await tripsOf(() => store.claimReminder('T4|CIT|windows/8.1|eol|30', claim))).toBe(2);
    expect(await tripsOf(() => store.claimReminder('T4|CIT|windows/8.1|eol|30', claim))).toBe(2);
    expect(await tripsOf(() => store.markMilestone('T4|CIT|windows/8.1|eol', { handledBy: 'U1' }))).toBe(2);
    expect(
      await tripsOf(() => store.markMilestone('T4|CIT|windows/8.1|eol', { handledAt: '2017-12-11T09:00:00.000Z' })),
    ).toBe(2);
  });
  await committed(async (direct) => {
    expect((await direct.reminderRecords())['T4|CIT|windows/8.1|eol|30']).toEqual({
      status: 'pending',
      at: claim.at,
      ts: null,
      late: false,
      claimedBy: claim.runId,
    });
    // The second mark merged into the first, read under the key's lock.
    expect((await direct.milestoneMarks())['T4|CIT|windows/8.1|eol']).toEqual({
      handledBy: 'U1',
      handledAt: '2017-12-11T09:00:00.000Z',
    });
  });
});

pgIt('gives each reminder to one of two replicas claiming it at once', async () => {
  const replicas = [await PostgresStore.open(url()), await PostgresStore.open(url())];
  const keys = Array.from({ length: 40 }, (_, index) => `T5|CRACE|windows/8.1|eol|${index}`);
  try {
    const outcomes = await Promise.all(
      keys.map((key) =>
        Promise.all(
          replicas.map((replica, index) =>
            replica.claimReminder(key, {
              runId: `elsewhere/run-${index}`,
              at: '2026-11-28T09:00:00.000Z',
              late: false,
            }),
          ),
        ),
      ),
    );
    for (const pair of outcomes) expect(pair.map((outcome) => outcome.kind).sort()).toEqual(['claimed', 'held']);
  } finally {
    await Promise.all(replicas.map((replica) => replica.close()));
  }
});
