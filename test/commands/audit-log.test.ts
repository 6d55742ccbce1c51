// The audit log: every change writes exactly one entry (who, when, where, through what, what changed),
// nothing else writes any; /eol audit shows admins the workspace and others their channel.
import { describe, expect, it } from '@jest/globals';
import { commandList } from '../../src/commands/command-list.js';
import { runCommand, runText } from '../../src/commands/run-command.js';
import { randomBytes } from 'node:crypto';
import type { Speaker } from '../../src/commands/command-types.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { ADMIN, depsAt } from '../helpers/test-core.js';

const fresh = () => {
  const store = new MemoryStore();
  return { store, deps: depsAt('2017-06-28', { store: async () => store }) };
};
const admin: Speaker = { workspace: 'T1', channel: 'CMET', user: ADMIN, via: 'slack' };

/** Every change a command makes, with what must happen first, and the action it is recorded as. */
const MUTATIONS: [name: string, before: string[], text: string, action: string][] = [
  ['inventory', [], 'inventory set xp 5 win 8.1 3', 'counts.set'],
  ['inventory', ['inventory set xp 5'], 'inventory clear', 'counts.clear'],
  ['team', [], 'team name Met IT', 'team.name'],
  ['watch', [], 'watch windows-8.1', 'watch.add'],
  ['watch', [], 'watch auto off', 'watch.auto'],
  ['unwatch', ['watch windows-8.1'], 'unwatch windows-8.1', 'watch.remove'],
  ['contract', [], 'contract xp until 2019-01-14 Custom Support', 'contract.set'],
  ['contract', ['contract xp until 2019-01-14 Custom Support'], 'contract remove xp', 'contract.remove'],
  ['api', [], 'api token create cmdb', 'token.create'],
  ['api', ['api token create cmdb'], 'api token revoke cmdb', 'token.revoke'],
  ['admins', [], 'admins add <@U2>', 'admin.add'],
  ['admins', ['admins add <@U2>'], 'admins remove <@U2>', 'admin.remove'],
  ['lock', [], 'lock', 'channel.lock'],
  ['unlock', ['lock'], 'unlock', 'channel.unlock'],
  ['export', [], 'export all', 'workspace.export'],
  ['calendar', [], 'calendar', 'calendar.made'],
  ['calendar', ['calendar'], 'calendar reset', 'calendar.reset'],
  ['calendar', [], 'calendar workspace', 'calendar.made'],
];
/** Commands that only read. */
const READ_ONLY = new Set([
  '',
  'share',
  'report',
  'chart',
  'watches',
  'contracts',
  'status',
  'help',
  'audit',
  'connectors',
  'connect',
]);

describe('every change writes exactly one audit entry', () => {
  it('every command is either read-only or has its changes listed here', () => {
    // forget is tested below: it erases a channel's entries and leaves the one of its erasure.
    // connector is tested below: a connector is added by a typed request, never by text.
    const covered = new Set([...MUTATIONS.map(([name]) => name), 'forget', 'connector']);
    expect(
      commandList.map((command) => command.name).filter((name) => !READ_ONLY.has(name) && !covered.has(name)),
    ).toEqual([]);
  });

  it.each(MUTATIONS)('%s: %s', async (_name, before, text, action) => {
    const { deps, store } = fresh();
    for (const setup of before) expect((await runText(setup, deps, admin)).kind).not.toBe('invalid');
    const entriesBefore = (await store.auditEntries('T1')).length;
    const result = await runText(text, deps, admin);
    expect(result.kind).not.toBe('invalid');
    const written = (await store.auditEntries('T1')).slice(entriesBefore);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({
      workspace: 'T1',
      user: ADMIN,
      via: 'slack',
      action,
      at: expect.stringMatching(/^2017-06-28T12:00:00/),
    });
    expect(written[0]?.change).not.toBe('');
  });

  it('records a connector added and removed, one entry each, without its secret', async () => {
    const store = new MemoryStore();
    const deps = depsAt('2017-06-28', { store: async () => store, secretKey: randomBytes(32).toString('base64') });
    const settings = {
      name: 'met-intune',
      kind: 'intune' as const,
      channel: 'CMET',
      clientId: 'id',
      tenant: 't',
      where: [],
    };
    expect((await runCommand({ kind: 'connector-add', settings, secret: 's3cret' }, deps, admin)).kind).toBe(
      'connector-added',
    );
    expect((await runText('connector remove met-intune', deps, admin)).kind).toBe('connector-removed');
    const entries = await store.auditEntries('T1');
    expect(entries.map((entry) => entry.action)).toEqual(['connector.add', 'connector.remove']);
    expect(JSON.stringify(entries)).not.toContain('s3cret');
  });

  it('records counts with before → after, the releases, and through what they came', async () => {
    const { deps, store } = fresh();
    await runText('inventory set xp 35640', deps, admin);
    await runText('inventory set xp 18293', deps, { ...admin, user: 'U2', via: 'cli' });
    await runCommand(
      {
        kind: 'inventory-file',
        file: { name: 'ad.csv', bytes: Buffer.from('release,count\nwin 8.1,14450\n') },
        mode: 'add',
      },
      deps,
      {
        ...admin,
        user: 'U3',
      },
    );
    expect(
      (await store.auditEntries('T1')).map(({ user, via, channel, action, change, releases }) => ({
        user,
        via,
        channel,
        action,
        change,
        releases,
      })),
    ).toEqual([
      {
        user: ADMIN,
        via: 'slack',
        channel: 'CMET',
        action: 'counts.set',
        change: 'Microsoft Windows XP SP3 0 → 35640',
        releases: ['windows/5-sp3'],
      },
      {
        user: 'U2',
        via: 'cli',
        channel: 'CMET',
        action: 'counts.set',
        change: 'Microsoft Windows XP SP3 35640 → 18293',
        releases: ['windows/5-sp3'],
      },
      {
        user: 'U3',
        via: 'slack',
        channel: 'CMET',
        action: 'counts.import',
        change: 'Microsoft Windows 8.1 0 → 14450 (from “ad.csv”)',
        releases: ['windows/8.1'],
      },
    ]);
  });

  it.each([
    'windows 8.1',
    'inventory',
    'inventory history',
    'report',
    'watches',
    'contracts',
    'status',
    'help',
    'admins',
    'inventory set xp -5',
    'inventory set nonsense 5',
    'unwatch windows-8.1',
    'inventory set xp 0',
  ])('%j writes none', async (text) => {
    const { deps, store } = fresh();
    await runText(text, deps, admin);
    expect(await store.auditEntries('T1')).toEqual([]);
  });

  it('a refused change writes none', async () => {
    const { deps, store } = fresh();
    await runText('inventory clear', deps, { ...admin, user: 'UNOBODY' });
    await runText('api token create x', deps, { ...admin, user: 'UNOBODY' });
    expect(await store.auditEntries('T1')).toEqual([]);
  });
});

describe('/eol audit', () => {
  it('shows an admin the whole workspace, anyone else their channel, privately', async () => {
    const { deps } = fresh();
    await runText('inventory set xp 5', deps, admin);
    await runText('inventory set win 8.1 3', deps, { ...admin, channel: 'COTHER' });
    const all = await runText('audit', deps, admin);
    expect(all).toMatchObject({ kind: 'audit', scope: 'workspace' });
    expect(all.kind === 'audit' && all.entries.map((entry) => entry.channel)).toEqual(['CMET', 'COTHER']);
    const mine = await runText('audit', deps, { ...admin, user: 'U1', channel: 'COTHER' });
    expect(mine.kind === 'audit' && mine.entries.map((entry) => entry.channel)).toEqual(['COTHER']);
    expect((await runText('audit <#CMET|met>', deps, { ...admin, user: 'U1', channel: 'COTHER' })).kind).toBe(
      'invalid',
    );
    const byRelease = await runText('audit xp', deps, admin);
    expect(byRelease.kind === 'audit' && byRelease.entries.map((entry) => entry.releases)).toEqual([['windows/5-sp3']]);
  });

  it('exports the workspace’s log as CSV or JSON, since a date, for admins', async () => {
    const { deps } = fresh();
    await runText('inventory set xp 5', deps, admin);
    const csv = await runText('audit --format csv', deps, admin);
    expect(csv.kind === 'export' && csv.content.split('\n')[0]).toBe('at,user,via,channel,action,change,releases');
    expect(csv.kind === 'export' && csv.content).toContain(
      ',UADMIN,slack,CMET,counts.set,Microsoft Windows XP SP3 0 → 5,windows/5-sp3',
    );
    const json = await runText('audit --since 2017-06-29 --format json', deps, admin);
    expect(json.kind === 'export' && JSON.parse(json.content)).toEqual({ workspace: 'T1', entries: [] });
    expect((await runText('audit --format csv', deps, { ...admin, user: 'U1' })).kind).toBe('invalid');
  });
});
