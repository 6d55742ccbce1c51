// One suite for every WatchStore: watches, automatic watches that follow counts, broken channels,
// reminder records and claims, milestone marks and contracts, the same in memory, in the lowdb file
// and in PostgreSQL.
import { describe, expect, it } from '@jest/globals';
import { storeImplementations } from '../helpers/store-implementations.js';

const implementations = await storeImplementations();
const met = { workspace: 'T1', channel: 'CMET' };
const other = { workspace: 'T2', channel: 'CMET' };
const claim = (runId: string, at = '2026-11-28T09:00:00.000Z') => ({ runId, at, late: false });
// A run elsewhere: alive until its lease (an hour) runs out.
const remoteRun = 'another-host/42/abcd';

describe.each(implementations)('%s', (_name, openStore) => {
  it('adds, lists and removes watches per channel, keeping workspaces apart', async () => {
    const store = await openStore();
    await store.watch(
      met,
      [
        { release: 'windows/8.1', leads: [30, 7] },
        { release: 'windows/5-sp3', leads: [0] },
      ],
      'manual',
      '2026-11-01',
    );
    await store.watch(other, [{ release: 'ubuntu/22.04', leads: [90] }], 'manual', '2026-11-02');
    expect((await store.channelWatches(met)).releases).toEqual({
      'windows/8.1': { leads: [30, 7], createdAt: '2026-11-01', source: 'manual' },
      'windows/5-sp3': { leads: [0], createdAt: '2026-11-01', source: 'manual' },
    });
    expect(await store.unwatch(met, ['windows/5-sp3', 'macos/14'])).toEqual(['windows/5-sp3']);
    const all = await store.allWatches();
    expect(
      all.map((workspace) => [workspace.workspace, workspace.channels.map((channel) => Object.keys(channel.releases))]),
    ).toEqual([
      ['T1', [['windows/8.1']]],
      ['T2', [['ubuntu/22.04']]],
    ]);
  });

  it('a new watch keeps its first day; an automatic one never replaces a manual one', async () => {
    const store = await openStore();
    await store.watch(met, [{ release: 'windows/8.1', leads: [30] }], 'manual', '2026-11-01');
    await store.watch(met, [{ release: 'windows/8.1', leads: [7] }], 'manual', '2026-11-05');
    await store.watch(met, [{ release: 'windows/8.1', leads: [180] }], 'auto', '2026-11-06');
    expect((await store.channelWatches(met)).releases['windows/8.1']).toEqual({
      leads: [7],
      createdAt: '2026-11-01',
      source: 'manual',
    });
  });

  it('remembers who set up a watch, the latest of them, across reopening and through an automatic watch', async () => {
    const store = await openStore();
    await store.watch(met, [{ release: 'windows/8.1', leads: [30] }], 'manual', '2026-11-01', 'UALEX');
    await store.watch(
      met,
      [
        { release: 'windows/8.1', leads: [7] },
        { release: 'ubuntu/22.04', leads: [7] },
      ],
      'manual',
      '2026-11-05',
      'USAM',
    );
    await store.watch(met, [{ release: 'windows/8.1', leads: [180] }], 'auto', '2026-11-06');
    await store.watch(met, [{ release: 'windows/5-sp3', leads: [0] }], 'manual', '2026-11-07');
    const { releases } = await store.channelWatches(met);
    expect(releases['windows/8.1']).toEqual({ leads: [7], createdAt: '2026-11-01', source: 'manual', by: 'USAM' });
    expect(releases['ubuntu/22.04']?.by).toBe('USAM');
    expect(releases['windows/5-sp3']?.by).toBeUndefined();
    expect((await store.allWatches())[0]?.channels[0]?.releases['windows/8.1']?.by).toBe('USAM');
  });

  it('counts start and stop automatic watches in the same change, unless turned off', async () => {
    const store = await openStore();
    await store.setCounts(met, [{ release: 'windows/8.1', count: 5 }], { user: 'U1', at: '2026-11-03T10:00:00.000Z' });
    expect((await store.channelWatches(met)).releases['windows/8.1']).toMatchObject({
      source: 'auto',
      createdAt: '2026-11-03',
    });
    await store.setCounts(met, [{ release: 'windows/8.1', count: 0 }], { user: 'U1', at: '2026-11-04T10:00:00.000Z' });
    expect((await store.channelWatches(met)).releases).toEqual({});
    await store.setAutoWatch(met, false);
    await store.updateCounts(
      met,
      { mode: 'replace', counts: [{ release: 'windows/5-sp3', count: 2 }], action: 'import', file: 'x.csv' },
      { user: 'U1', at: '2026-11-05T10:00:00.000Z' },
    );
    expect(await store.channelWatches(met)).toMatchObject({ autoWatch: false, releases: {} });
  });

  it('marks a channel broken, and a new manual watch clears it', async () => {
    const store = await openStore();
    await store.markBroken(met, 'not_in_channel', '2026-11-02T09:00:00.000Z');
    expect((await store.channelWatches(met)).broken).toEqual({
      reason: 'not_in_channel',
      at: '2026-11-02T09:00:00.000Z',
    });
    await store.watch(met, [{ release: 'windows/8.1', leads: [1] }], 'manual', '2026-11-03');
    expect((await store.channelWatches(met)).broken).toBeNull();
  });

  it('records reminders; a claim is won once, held against others while its run lives, and settled after', async () => {
    const store = await openStore();
    expect(await store.claimReminder('k1', claim('run-a'))).toEqual({ kind: 'claimed' });
    expect(await store.claimReminder('k1', claim('run-a'))).toEqual({ kind: 'claimed' });
    await store.recordReminder('k1', { status: 'sent', at: '2026-11-28T09:00:01.000Z', ts: '1.1', late: false });
    expect(await store.claimReminder('k1', claim('run-b'))).toEqual({ kind: 'sent' });
    expect(await store.claimReminder('k2', claim(remoteRun))).toEqual({ kind: 'claimed' });
    expect(await store.claimReminder('k2', claim('run-b'))).toEqual({ kind: 'held', by: remoteRun });
    // Past its lease a claim is stale whoever holds it: every store agrees on that much.
    expect(await store.claimReminder('k3', claim(remoteRun))).toEqual({ kind: 'claimed' });
    expect(await store.claimReminder('k3', claim('run-b', '2026-11-28T10:00:01.000Z'))).toEqual({
      kind: 'reclaimed',
      since: '2026-11-28T09:00:00.000Z',
    });
    expect((await store.reminderRecords())['k1']).toEqual({
      status: 'sent',
      at: '2026-11-28T09:00:01.000Z',
      ts: '1.1',
      late: false,
    });
  });

  it('a run that ended no longer holds what it left pending', async () => {
    const store = await openStore();
    await store.claimReminder('k4', claim(remoteRun));
    await store.endClaims(remoteRun);
    expect((await store.reminderRecords())['k4']).toEqual({
      status: 'pending',
      at: '2026-11-28T09:00:00.000Z',
      ts: null,
      late: false,
    });
    expect((await store.claimReminder('k4', claim('run-c'))).kind).toBe('reclaimed');
  });

  it('of 20 runs claiming one reminder at once, exactly one wins', async () => {
    const store = await openStore();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => store.claimReminder('race', claim(`other-host/${index}/run`))),
    );
    expect(results.filter((result) => result.kind === 'claimed')).toHaveLength(1);
    expect(results.filter((result) => result.kind === 'held')).toHaveLength(19);
  });

  it('merges milestone marks', async () => {
    const store = await openStore();
    await store.markMilestone('m1', { snoozedUntil: '2026-12-05', snoozedBy: 'U1', snoozedAt: '2026-11-28' });
    await store.markMilestone('m1', { handledBy: 'U2', handledAt: '2026-11-29T10:00:00.000Z' });
    expect((await store.milestoneMarks())['m1']).toEqual({
      snoozedUntil: '2026-12-05',
      snoozedBy: 'U1',
      snoozedAt: '2026-11-28',
      handledBy: 'U2',
      handledAt: '2026-11-29T10:00:00.000Z',
    });
  });

  it('sets and removes a team’s contracts, per channel', async () => {
    const store = await openStore();
    const contract = { until: '2019-01-14', name: 'Custom Support', by: 'U1', at: '2026-11-28T10:00:00.000Z' };
    await store.setContract(met, 'windows/5-sp3', contract);
    expect(await store.contracts(met)).toEqual({ 'windows/5-sp3': contract });
    expect(await store.contracts(other)).toEqual({});
    expect((await store.channelWatches(met)).contracts).toEqual({ 'windows/5-sp3': contract });
    expect(await store.removeContract(met, 'windows/5-sp3')).toBe(true);
    expect(await store.removeContract(met, 'windows/5-sp3')).toBe(false);
    expect(await store.contracts(met)).toEqual({});
  });
});
