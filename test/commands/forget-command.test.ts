// /eol forget: admins erase a channel's team or the whole workspace for good, after a confirmation
// naming what will go; nothing of it stays in the store's files but the audit entry of the erasure.
import { afterAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runText } from '../../src/commands/run-command.js';
import type { CommandDeps, Speaker } from '../../src/commands/command-types.js';
import { LowdbStore } from '../../src/store/json/lowdb-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { ADMIN, depsAt } from '../helpers/test-core.js';

const temp = makeTempDir();
const opened: LowdbStore[] = [];
afterAll(async () => {
  await Promise.allSettled(opened.map((store) => store.close()));
  temp.remove();
});
let made = 0;
async function fileStore(): Promise<{ store: LowdbStore; deps: CommandDeps }> {
  const store = await LowdbStore.open(join(temp.path, `store-${(made += 1)}`, 'eolwatch.json'));
  opened.push(store);
  return { store, deps: depsAt('2017-06-28', { store: async () => store }) };
}
const erased: Speaker = { workspace: 'T1', channel: 'CERASEME', user: ADMIN };
const kept: Speaker = { workspace: 'T1', channel: 'CKEEPME', user: ADMIN };

async function fill(deps: CommandDeps, speaker: Speaker): Promise<void> {
  const name = speaker.channel === 'CERASEME' ? 'Secret Team' : 'Other Team';
  for (const text of [
    `team name ${name}`,
    'inventory set xp 18293 win 8.1 14450',
    'watch windows-8.1',
    'contract xp until 2019-01-14 Custom Support',
  ]) {
    expect((await runText(text, deps, speaker)).kind).not.toBe('invalid');
  }
  const store = await deps.store();
  await store.recordReminder(`T1|${speaker.channel}|windows/8.1|eol|2023-01-10|0`, {
    status: 'sent',
    at: '2023-01-10T09:00:00.000Z',
    ts: '1.1',
    late: false,
  });
  await store.markMilestone(`T1|${speaker.channel}|windows/8.1|eol`, {
    handledBy: 'U1',
    handledAt: '2023-01-10T10:00:00.000Z',
  });
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('/eol forget', () => {
  it('first says what would be erased, and erases nothing', async () => {
    const { deps, store } = await fileStore();
    await fill(deps, erased);
    const answer = await runText('forget <#CERASEME|secret>', deps, erased);
    expect(answer).toMatchObject({
      kind: 'forget',
      confirmed: false,
      teams: 1,
      machines: 32743,
      history: 2,
      watches: 2,
    });
    expect((await store.team(erased)).counts).not.toEqual({});
  });

  it('with confirm, erases the channel’s team so that no byte of it is left but the erasure’s audit entry', async () => {
    const { deps, store } = await fileStore();
    await fill(deps, erased);
    await fill(deps, kept);
    expect(await runText('forget <#CERASEME> confirm', deps, erased)).toMatchObject({
      kind: 'forget',
      confirmed: true,
    });
    expect(await store.team(erased)).toEqual({ channel: 'CERASEME', name: null, counts: {} });
    expect(await store.history(erased)).toEqual([]);
    expect(await store.channelWatches(erased)).toMatchObject({ releases: {}, contracts: {} });
    const audit = await store.auditEntries('T1');
    expect(audit.filter((entry) => JSON.stringify(entry).includes('CERASEME')).map((entry) => entry.action)).toEqual([
      'channel.erase',
    ]);
    // The other team keeps everything.
    expect((await store.team(kept)).counts).toEqual({ 'windows/5-sp3': 18293, 'windows/8.1': 14450 });
    expect(await store.history(kept)).toHaveLength(2);
    await store.close();
    const folder = dirname(store.path);
    const traces = filesUnder(folder).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line.includes('CERASEME') || line.includes('Secret Team'))
        .map((line) => `${path}: ${line}`),
    );
    expect(traces).toHaveLength(1);
    expect(traces[0]).toContain('"action":"channel.erase"');
    expect(traces[0]).not.toContain('Secret Team');
    expect(filesUnder(folder).some((path) => path.includes('CERASEME'))).toBe(false);
  });

  it('forget workspace confirm erases every team of it, and leaves the entry of its erasure', async () => {
    const { deps, store } = await fileStore();
    await fill(deps, erased);
    await fill(deps, kept);
    expect(await runText('forget workspace', deps, erased)).toMatchObject({
      kind: 'forget',
      confirmed: false,
      teams: 2,
    });
    await runText('forget workspace confirm', deps, erased);
    expect(await store.teams('T1')).toEqual([]);
    expect((await store.auditEntries('T1')).map((entry) => entry.action)).toEqual(['workspace.erase']);
  });

  it.each(['forget', 'forget #secret', 'forget <#C1> now', 'forget everything'])('refuses %j', async (text) => {
    const { deps } = await fileStore();
    expect((await runText(text, deps, erased)).kind).toBe('invalid');
  });

  it('is for admins only, saying so, and erases nothing', async () => {
    const { deps, store } = await fileStore();
    await fill(deps, erased);
    const refused = await runText('forget <#CERASEME> confirm', deps, { ...erased, user: 'UNOBODY' });
    expect(refused).toMatchObject({
      kind: 'invalid',
      reason: 'Only eolwatch admins erase data. `/eol admins` lists them.',
    });
    expect((await store.team(erased)).counts).not.toEqual({});
  });
});
