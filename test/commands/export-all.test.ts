// Take it away: `export all` gives a workspace's whole data as one JSON document; importing it into a
// fresh store (here from memory into the JSON file store, under another workspace id) gives the same data.
import { afterAll, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { hashApiToken } from '../../src/api-tokens/api-token-store.js';
import type { Speaker } from '../../src/commands/command-types.js';
import type { EolwatchStore } from '../../src/eolwatch-store.js';
import { runImportAll } from '../../src/commands/import-all-command.js';
import { runCommand, runText } from '../../src/commands/run-command.js';
import { LowdbStore } from '../../src/store/json/lowdb-store.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { ADMIN, depsAt } from '../helpers/test-core.js';

const temp = makeTempDir();
let target: LowdbStore | undefined;
afterAll(async () => {
  await target?.close();
  temp.remove();
});
const source = new MemoryStore();
const sourceDeps = depsAt('2017-06-28', { store: async () => source });
const met: Speaker = { workspace: 'T1', channel: 'CMET', user: ADMIN };

async function everything(): Promise<void> {
  for (const text of [
    'team name Met IT',
    'inventory set xp 35640 win 8.1 100',
    'inventory set xp 18293',
    'watch windows-8.1 lead 30,7',
    'contract xp until 2019-01-14 Custom Support',
    'admins add <@U2>',
    'lock',
  ]) {
    expect((await runText(text, sourceDeps, met)).kind).not.toBe('invalid');
  }
  await runText('inventory set ubuntu jammy 4', sourceDeps, { ...met, channel: 'CDESK' });
  await runText('watch auto off', sourceDeps, { ...met, channel: 'CDESK' });
  await source.recordReminder('T1|CMET|windows/8.1|eoas|2018-01-09|30', {
    status: 'sent',
    at: '2017-12-10T09:00:00.000Z',
    ts: '1.2',
    late: false,
  });
  await source.recordReminder('notice|T1|CMET|windows/8.1|eol|a>b', {
    status: 'sent',
    at: '2017-12-11T09:00:00.000Z',
    ts: '1.3',
    late: false,
  });
  await source.markMilestone('T1|CMET|windows/8.1|eoas', { handledBy: 'U2', handledAt: '2017-12-11T09:00:00.000Z' });
  await source.addApiToken({
    workspace: 'T1',
    name: 'cmdb',
    hash: hashApiToken('eolw_x'),
    createdBy: ADMIN,
    createdAt: '2017-06-28T00:00:00.000Z',
    lastUsedAt: null,
  });
}

async function snapshot(store: EolwatchStore, workspace: string) {
  const teams = ['CMET', 'CDESK'].map((channel) => ({ workspace, channel }));
  const strip = (key: string) => key.replace(workspace, 'W');
  return {
    teams: await Promise.all(teams.map((team) => store.team(team))),
    history: await Promise.all(teams.map((team) => store.history(team))),
    watches: await Promise.all(teams.map((team) => store.channelWatches(team))),
    locks: await Promise.all(teams.map((team) => store.channelLocked(team))),
    records: Object.fromEntries(
      Object.entries(await store.reminderRecords()).map(([key, value]) => [strip(key), value]),
    ),
    marks: Object.fromEntries(Object.entries(await store.milestoneMarks()).map(([key, value]) => [strip(key), value])),
    admins: await store.admins(workspace),
    tokens: (await store.apiTokens(workspace)).map(({ workspace: _w, ...token }) => token),
  };
}

it('exports everything, and an import into a fresh store under another workspace gives the same data', async () => {
  await everything();
  const exported = await runText('export all', sourceDeps, met);
  if (exported.kind !== 'export') throw new Error(JSON.stringify(exported));
  expect(exported).toMatchObject({ scope: 'all', format: 'json', fileName: 'eolwatch-T1-all.json', rows: 2 });
  const document = JSON.parse(exported.content);
  expect(document).toMatchObject({ format: 'eolwatch-workspace', version: 1, workspace: 'T1' });

  target = await LowdbStore.open(join(temp.path, 'eolwatch.json'));
  const targetDeps = depsAt('2017-07-01', { store: async () => target as LowdbStore });
  // As the command line brings it in: the file's bytes, through the pipeline (which writes the audit entry).
  const file = { name: 'all.json', bytes: new TextEncoder().encode(exported.content) };
  const imported = await runCommand({ kind: 'import-all', file }, targetDeps, {
    workspace: 'T7',
    channel: 'cli',
    user: ADMIN,
    via: 'cli',
  });
  expect(imported).toEqual({ kind: 'imported-all', teams: 2, history: 4 });
  expect(await snapshot(target, 'T7')).toEqual(await snapshot(source, 'T1'));
  // The audit log came along, and says it was imported.
  const audit = await target.auditEntries('T7');
  expect(audit.map((entry) => entry.action).slice(0, 3)).toEqual(['team.name', 'counts.set', 'counts.set']);
  expect(audit.at(-1)).toMatchObject({ action: 'workspace.import', via: 'cli' });
});

it('refuses to import into a workspace that holds data, or a file that is no export', async () => {
  const document = JSON.parse(((await runText('export all', sourceDeps, met)) as { content: string }).content);
  expect(await runImportAll(document, sourceDeps, met)).toMatchObject({
    kind: 'invalid',
    reason: expect.stringContaining('already holds data here'),
  });
  expect(await runImportAll({ counts: [] }, sourceDeps, { ...met, workspace: 'T9' })).toMatchObject({
    kind: 'invalid',
    reason: expect.stringContaining('not an eolwatch workspace export'),
  });
});

it('is for admins only', async () => {
  expect(await runText('export all', sourceDeps, { ...met, user: 'UNOBODY' })).toMatchObject({
    kind: 'invalid',
    reason: expect.stringContaining('Only eolwatch admins export'),
  });
  const file = { name: 'all.json', bytes: new TextEncoder().encode('{}') };
  expect(
    await runCommand({ kind: 'import-all', file }, sourceDeps, { ...met, workspace: 'T9', user: 'UNOBODY' }),
  ).toEqual({ kind: 'invalid', reason: 'Only eolwatch admins import a workspace.' });
});
