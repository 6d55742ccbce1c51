// One suite, run against every InventoryStore: the in-memory reference, the lowdb file store and PostgreSQL.
import { describe, expect, it } from '@jest/globals';
import { CountLimitError, MAX_COUNT } from '../../src/inventory/inventory-store.js';
import { storeImplementations } from '../helpers/store-implementations.js';

const implementations = await storeImplementations();

const met = { workspace: 'T1', channel: 'C1' };
const other = { workspace: 'T1', channel: 'C2' };
const by = (user: string, at = '2017-06-28T10:00:00.000Z') => ({ user, at });

describe.each(implementations)('%s', (_name, openStore) => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'finds no team or workspace called %j that nobody stored',
    async (id) => {
      const store = await openStore();
      await store.setCounts(met, [{ release: 'windows/8.1', count: 5 }], by('U1'));
      expect(await store.teams(id)).toEqual([]);
      expect((await store.team({ workspace: id, channel: id })).counts).toEqual({});
      expect((await store.team({ workspace: 'T1', channel: id })).counts).toEqual({});
    },
  );

  it('sets several counts at once and reports old -> new', async () => {
    const store = await openStore();
    expect(
      await store.setCounts(
        met,
        [
          { release: 'windows/5-sp3', count: 35640 },
          { release: 'windows/8.1', count: 100 },
        ],
        by('U1'),
      ),
    ).toEqual([
      { release: 'windows/5-sp3', from: 0, to: 35640 },
      { release: 'windows/8.1', from: 0, to: 100 },
    ]);
    expect(
      await store.setCounts(
        met,
        [
          { release: 'windows/5-sp3', count: 18293 },
          { release: 'windows/8.1', count: 100 },
        ],
        by('U2'),
      ),
    ).toEqual([{ release: 'windows/5-sp3', from: 35640, to: 18293 }]);
    expect((await store.team(met)).counts).toEqual({ 'windows/5-sp3': 18293, 'windows/8.1': 100 });
  });

  it('removes a line set to 0, and keeps every change with who and when', async () => {
    const store = await openStore();
    await store.setCounts(met, [{ release: 'windows/8.1', count: 14450 }], by('U1', '2017-01-01T00:00:00.000Z'));
    await store.setCounts(met, [{ release: 'windows/8.1', count: 0 }], by('U2', '2017-02-01T00:00:00.000Z'));
    expect((await store.team(met)).counts).toEqual({});
    expect(await store.history(met)).toEqual([
      { release: 'windows/8.1', from: 0, to: 14450, user: 'U1', at: '2017-01-01T00:00:00.000Z', action: 'set' },
      { release: 'windows/8.1', from: 14450, to: 0, user: 'U2', at: '2017-02-01T00:00:00.000Z', action: 'set' },
    ]);
  });

  it('keeps teams and workspaces apart', async () => {
    const store = await openStore();
    await store.setCounts(met, [{ release: 'windows/8.1', count: 1 }], by('U1'));
    await store.setCounts({ workspace: 'T2', channel: 'C1' }, [{ release: 'windows/8.1', count: 2 }], by('U9'));
    await store.setTeamName(other, 'Desktop');
    expect((await store.team(met)).counts).toEqual({ 'windows/8.1': 1 });
    expect((await store.teams('T1')).map((team) => team.channel).sort()).toEqual(['C1', 'C2']);
    expect((await store.teams('T2')).map((team) => team.counts)).toEqual([{ 'windows/8.1': 2 }]);
    expect(await store.history({ workspace: 'T2', channel: 'C2' })).toEqual([]);
  });

  it('replaces a team’s counts with an import: releases not in it go to 0, the file is recorded', async () => {
    const store = await openStore();
    await store.setCounts(
      met,
      [
        { release: 'windows/5-sp3', count: 10 },
        { release: 'ubuntu/22.04', count: 3 },
      ],
      by('U1'),
    );
    const { changes, team } = await store.updateCounts(
      met,
      {
        mode: 'replace',
        counts: [
          { release: 'windows/5-sp3', count: 7 },
          { release: 'windows/8.1', count: 2 },
        ],
        action: 'import',
        file: 'ad.csv',
      },
      by('U2'),
    );
    expect(changes).toEqual([
      { release: 'windows/5-sp3', from: 10, to: 7 },
      { release: 'windows/8.1', from: 0, to: 2 },
      { release: 'ubuntu/22.04', from: 3, to: 0 },
    ]);
    expect((await store.team(met)).counts).toEqual({ 'windows/5-sp3': 7, 'windows/8.1': 2 });
    expect(team).toEqual(await store.team(met)); // the change's own account of the team, read again
    expect((await store.history(met)).slice(-3)).toEqual(
      changes.map((change) => ({
        ...change,
        user: 'U2',
        at: '2017-06-28T10:00:00.000Z',
        action: 'import',
        file: 'ad.csv',
      })),
    );
  });

  it('adds an import to the counts there are, and refuses, changing nothing, one that passes the limit', async () => {
    const store = await openStore();
    await store.setCounts(met, [{ release: 'windows/5-sp3', count: 10 }], by('U1'));
    await store.updateCounts(
      met,
      {
        mode: 'add',
        counts: [
          { release: 'windows/5-sp3', count: 5 },
          { release: 'windows/8.1', count: 1 },
        ],
        action: 'api',
      },
      by('cmdb'),
    );
    expect((await store.team(met)).counts).toEqual({ 'windows/5-sp3': 15, 'windows/8.1': 1 });
    const before = await store.history(met);
    const refused = store.updateCounts(
      met,
      {
        mode: 'add',
        counts: [
          { release: 'windows/8.1', count: 1 },
          { release: 'windows/5-sp3', count: MAX_COUNT },
        ],
        action: 'import',
        file: 'x.csv',
      },
      by('U1'),
    );
    await expect(refused).rejects.toBeInstanceOf(CountLimitError);
    expect((await store.team(met)).counts).toEqual({ 'windows/5-sp3': 15, 'windows/8.1': 1 });
    expect(await store.history(met)).toEqual(before);
    expect(before.at(-1)).toMatchObject({ action: 'api', user: 'cmdb' });
  });

  it('writes the audit entry a change calls for with the change, and none for an update that changed nothing', async () => {
    const store = await openStore();
    const entryOf = (changes: { release: string; from: number; to: number }[]) => ({
      workspace: met.workspace,
      at: '2017-06-28T10:00:00.000Z',
      user: 'U1',
      via: 'slack' as const,
      channel: met.channel,
      action: 'counts.set',
      change: changes.map((change) => `${change.release} ${change.from} → ${change.to}`).join(', '),
      releases: changes.map((change) => change.release),
    });
    const set = (count: number) =>
      store.updateCounts(
        met,
        { mode: 'set', counts: [{ release: 'windows/8.1', count }], action: 'set' },
        by('U1'),
        (changes) => (changes.length > 0 ? entryOf(changes) : null),
      );
    await set(14450);
    await set(14450);
    await set(100);
    expect((await store.auditEntries(met.workspace)).map((entry) => entry.change)).toEqual([
      'windows/8.1 0 → 14450',
      'windows/8.1 14450 → 100',
    ]);
    expect((await store.auditEntries(met.workspace))[0]).toEqual(
      entryOf([{ release: 'windows/8.1', from: 0, to: 14450 }]),
    );
  });

  it('names a team', async () => {
    const store = await openStore();
    await store.setTeamName(met, 'Met IT');
    expect((await store.team(met)).name).toBe('Met IT');
    const { team } = await store.updateCounts(
      met,
      { mode: 'set', counts: [{ release: 'windows/8.1', count: 3 }], action: 'set' },
      by('U1'),
    );
    expect(team).toEqual({ channel: met.channel, name: 'Met IT', counts: { 'windows/8.1': 3 } });
  });

  it('clears a team, recording each line', async () => {
    const store = await openStore();
    await store.setCounts(
      met,
      [
        { release: 'windows/8.1', count: 3 },
        { release: 'windows/7-sp1', count: 4 },
      ],
      by('U1'),
    );
    const changes = await store.clearTeam(met, by('UADMIN'));
    expect(changes.map((change) => change.to)).toEqual([0, 0]);
    expect((await store.team(met)).counts).toEqual({});
    expect((await store.history(met)).filter((entry) => entry.action === 'clear').map((entry) => entry.user)).toEqual([
      'UADMIN',
      'UADMIN',
    ]);
  });

  it('loses none of 500 concurrent updates', async () => {
    const store = await openStore();
    await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        store.setCounts(met, [{ release: `p/r${i % 25}`, count: i + 1 }], by(`U${i}`)),
      ),
    );
    expect(await store.history(met)).toHaveLength(500);
  });

  it('adds 300 concurrent additions to one count: none lost, each read after the one before', async () => {
    const store = await openStore();
    const saved = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        store.updateCounts(
          met,
          { mode: 'add', counts: [{ release: 'windows/8.1', count: 1 + (i % 3) }], action: 'api' },
          by(`U${i}`),
        ),
      ),
    );
    const expected = Array.from({ length: 300 }, (_, i) => 1 + (i % 3)).reduce((sum, count) => sum + count, 0);
    expect((await store.team(met)).counts).toEqual({ 'windows/8.1': expected });
    const history = await store.history(met);
    expect(history).toHaveLength(300);
    // Every change starts from the count the change before it left.
    expect(history.every((entry, index) => entry.from === (index === 0 ? 0 : history[index - 1]!.to))).toBe(true);
    // Each change's answer has the team as that change left it, not as a later one did.
    expect(saved.map(({ team }) => team.counts['windows/8.1']).sort((a, b) => a! - b!)).toEqual(
      history.map((entry) => entry.to).sort((a, b) => a - b),
    );
    expect(saved.every(({ changes, team }) => team.counts['windows/8.1'] === changes[0]?.to)).toBe(true);
  });
});
