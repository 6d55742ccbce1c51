// Erasing a workspace, the same in every store: nothing of it is left (in the lowdb store not one byte
// of its id in any file), and every other workspace keeps everything.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashApiToken } from '../../src/api-tokens/api-token-store.js';
import { feedOfSecret, makeFeedSecret } from '../../src/calendar/calendar-feeds.js';
import { connectorsOf, saveConnector } from '../../src/connectors/connector-records.js';
import type { EolwatchStore } from '../../src/eolwatch-store.js';
import { LowdbStore } from '../../src/store/json/lowdb-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { storeImplementations } from '../helpers/store-implementations.js';

const implementations = await storeImplementations();
const gone = 'TERASEME';
const kept = 'TKEEPME';

async function fill(store: EolwatchStore, workspace: string): Promise<void> {
  const team = { workspace, channel: 'CIT' };
  await store.setTeamName(team, 'IT');
  await store.setCounts(team, [{ release: 'windows/5-sp3', count: 5 }], { user: 'U1', at: '2026-11-01T10:00:00.000Z' });
  await store.watch(team, [{ release: 'windows/8.1', leads: [0] }], 'manual', '2026-11-01');
  await store.setContract(team, 'windows/5-sp3', {
    until: '2027-01-01',
    name: 'CSA',
    by: 'U1',
    at: '2026-11-01T10:00:00.000Z',
  });
  await store.recordReminder(`${workspace}|CIT|windows/8.1|eol|2023-01-10|0`, {
    status: 'sent',
    at: '2026-11-02T09:00:00.000Z',
    ts: '1.1',
    late: false,
  });
  await store.recordReminder(`notice|${workspace}|CIT|windows/8.1|eol|a>b`, {
    status: 'sent',
    at: '2026-11-02T09:00:00.000Z',
    ts: '1.2',
    late: false,
  });
  await store.markMilestone(`${workspace}|CIT|windows/8.1|eol`, {
    handledBy: 'U1',
    handledAt: '2026-11-02T10:00:00.000Z',
  });
  await store.addApiToken({
    workspace,
    name: 'cmdb',
    hash: hashApiToken(`eolw_${workspace}`),
    createdBy: 'U1',
    createdAt: '2026-11-01T00:00:00.000Z',
    lastUsedAt: null,
  });
  await store.saveInstallation(`T:${workspace}`, { team: { id: workspace }, bot: { token: 'xoxb-x' } });
  await saveConnector(store, {
    workspace,
    name: 'met-intune',
    kind: 'intune',
    channel: 'CIT',
    clientId: 'id',
    tenant: 't',
    where: [],
    sealedSecret: 'v1.x.y.z',
    addedBy: 'U1',
    addedAt: '2026-11-01T00:00:00.000Z',
    lastSync: null,
    failureToldAt: null,
  });
  secrets.set(workspace, [
    await makeFeedSecret(store, { workspace, channel: 'CIT' }, 'U1', '2026-11-01T00:00:00.000Z'),
    await makeFeedSecret(store, { workspace, channel: null }, 'U1', '2026-11-01T00:00:00.000Z'),
  ]);
}

/** Each workspace's calendar secrets (its channel's and its own), to see which still open a feed. */
const secrets = new Map<string, string[]>();
const feedsOpened = async (store: EolwatchStore, workspace: string) =>
  (await Promise.all((secrets.get(workspace) ?? []).map((secret) => feedOfSecret(store, secret)))).filter(
    (feed) => feed !== null,
  ).length;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.each(implementations)('%s', (_name, openStore) => {
  it('forgets one channel’s team and nothing of the workspace’s other teams', async () => {
    const store = await openStore();
    const gone = { workspace: kept, channel: 'CGONE' };
    const stays = { workspace: kept, channel: 'CSTAYS' };
    for (const team of [gone, stays]) {
      await store.setCounts(team, [{ release: 'windows/5-sp3', count: 5 }], {
        user: 'U1',
        at: '2026-11-01T10:00:00.000Z',
      });
      await store.setContract(team, 'windows/5-sp3', {
        until: '2027-01-01',
        name: 'CSA',
        by: 'U1',
        at: '2026-11-01T10:00:00.000Z',
      });
      await store.recordReminder(`${kept}|${team.channel}|windows/5-sp3|eol|x|0`, {
        status: 'sent',
        at: '2026-11-02T09:00:00.000Z',
        ts: '1.1',
        late: false,
      });
      await store.markMilestone(`${kept}|${team.channel}|windows/5-sp3|eol`, { handledBy: 'U1' });
      await store.setChannelLock(team, true);
      await store.appendAudit({
        workspace: kept,
        at: '2026-11-01T10:00:00.000Z',
        user: 'U1',
        via: 'slack',
        channel: team.channel,
        action: 'counts.set',
        change: 'x',
        releases: [],
      });
    }
    const goneFeed = await makeFeedSecret(store, gone, 'U1', '2026-11-01T00:00:00.000Z');
    const staysFeed = await makeFeedSecret(store, stays, 'U1', '2026-11-01T00:00:00.000Z');
    await store.forgetChannel(gone);
    expect(await feedOfSecret(store, goneFeed)).toBeNull();
    expect(await feedOfSecret(store, staysFeed)).toEqual(stays);
    expect(await store.team(gone)).toEqual({ channel: 'CGONE', name: null, counts: {} });
    expect(await store.history(gone)).toEqual([]);
    expect(await store.contracts(gone)).toEqual({});
    expect(await store.channelLocked(gone)).toBe(false);
    expect(Object.keys(await store.reminderRecords()).filter((key) => key.includes('CGONE'))).toEqual([]);
    expect(Object.keys(await store.milestoneMarks()).filter((key) => key.includes('CGONE'))).toEqual([]);
    expect((await store.auditEntries(kept)).map((entry) => entry.channel)).toEqual(['CSTAYS']);
    expect((await store.team(stays)).counts).toEqual({ 'windows/5-sp3': 5 });
    expect(await store.channelLocked(stays)).toBe(true);
  });

  it('forgets everything of one workspace and nothing of another', async () => {
    const store = await openStore();
    await fill(store, gone);
    await fill(store, kept);
    await store.forgetWorkspace(gone);
    const team = { workspace: gone, channel: 'CIT' };
    expect(await store.team(team)).toEqual({ channel: 'CIT', name: null, counts: {} });
    expect(await store.teams(gone)).toEqual([]);
    expect(await store.history(team)).toEqual([]);
    expect(await store.channelWatches(team)).toMatchObject({ releases: {}, contracts: {}, broken: null });
    expect(Object.keys(await store.reminderRecords()).filter((key) => key.includes(gone))).toEqual([]);
    expect(Object.keys(await store.milestoneMarks()).filter((key) => key.includes(gone))).toEqual([]);
    expect(await store.apiTokens(gone)).toEqual([]);
    expect(await store.installation(`T:${gone}`)).toBeNull();
    expect(await feedsOpened(store, gone)).toBe(0);
    expect((await store.installationKeys('')).filter((key) => key.includes(gone))).toEqual([]);
    expect(JSON.stringify((await store.allWatches()).map((workspace) => workspace.workspace))).not.toContain(gone);

    const other = { workspace: kept, channel: 'CIT' };
    expect((await store.team(other)).counts).toEqual({ 'windows/5-sp3': 5 });
    expect(await store.history(other)).toHaveLength(1);
    expect(Object.keys((await store.channelWatches(other)).releases).sort()).toEqual(['windows/5-sp3', 'windows/8.1']);
    expect(Object.keys(await store.reminderRecords()).filter((key) => key.includes(kept))).toHaveLength(2);
    expect(await store.apiTokens(kept)).toHaveLength(1);
    expect(await store.installation(`T:${kept}`)).not.toBeNull();
    expect(await feedsOpened(store, kept)).toBe(2);
    expect(await connectorsOf(store, gone)).toEqual([]);
    expect((await connectorsOf(store, kept)).map((connector) => connector.name)).toEqual(['met-intune']);

    if (store instanceof PostgresStore) {
      // Every row of every table, as text: not one holds the erased workspace's id.
      const client = await store.connect();
      try {
        const { rows: tables } = await client.query<{ table_name: string }>(
          'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()',
        );
        for (const { table_name: table } of tables) {
          const { rows } = await client.query<{ n: string }>(
            `SELECT count(*) AS n FROM ${table} AS t WHERE t::text LIKE $1`,
            [`%${gone}%`],
          );
          expect(`${table}: ${rows[0]?.n}`).toBe(`${table}: 0`);
        }
      } finally {
        client.release();
      }
    }
    if (store instanceof LowdbStore) {
      await store.close();
      const traces = filesUnder(dirname(store.path)).filter(
        (path) => path.includes(gone) || readFileSync(path).includes(gone),
      );
      expect(traces).toEqual([]);
    }
  });
});
