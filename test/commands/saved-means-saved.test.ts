// An answer says what happened: an update answered "Saved" is in the store with its consequences
// (the history line, the automatic watch), and one answered "Nothing saved" left nothing behind, under
// contention between two processes' stores and when the history log cannot be written.
import { afterAll, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { runText } from '../../src/commands/run-command.js';
import { renderText } from '../../src/render/render-text.js';
import { LowdbStore } from '../../src/store/json/lowdb-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { depsAt, testCore } from '../helpers/test-core.js';

const temp = makeTempDir();
afterAll(() => temp.remove());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const releases = testCore().catalog.productByName.get('ubuntu')?.releases.slice(0, 40) ?? [];

it('under contention (two stores on one file, a third process taking the lock on and off), every "Saved" is saved with its watch and every "Nothing saved" left nothing', async () => {
  const path = join(temp.path, 'contended.json');
  const [a, b] = [await LowdbStore.open(path, { lockWaitMs: 40 }), await LowdbStore.open(path, { lockWaitMs: 40 })];
  const asked = releases.map((release, index) => ({
    channel: `C${index % 4}`,
    key: `ubuntu/${release.name}`,
    name: `ubuntu ${release.name}`,
    store: index % 2 === 0 ? a : b,
  }));
  let bursting = true;
  const otherProcess = (async () => {
    while (bursting) {
      const release = await lockfile.lock(path, {
        realpath: false,
        retries: { retries: 50, minTimeout: 1, maxTimeout: 5 },
      });
      await sleep(60);
      await release();
      await sleep(15);
    }
  })();
  const answers: string[] = [];
  for (const ask of asked) {
    const deps = depsAt('2020-01-01', { store: async () => ask.store });
    answers.push(
      renderText(
        await runText(`inventory set ${ask.name} 7`, deps, { workspace: 'T1', channel: ask.channel, user: 'U1' }),
      ),
    );
    await sleep(7);
  }
  bursting = false;
  await otherProcess;
  const fresh = await LowdbStore.open(path);
  try {
    for (const [index, ask] of asked.entries()) {
      const answer = answers[index] as string;
      expect(answer).toMatch(/^(Saved|Nothing saved)/);
      const team = { workspace: 'T1', channel: ask.channel };
      const counted = (await fresh.team(team)).counts[ask.key] === 7;
      const watched = (await fresh.channelWatches(team)).releases[ask.key]?.source === 'auto';
      const logged = (await fresh.history(team)).some((entry) => entry.release === ask.key);
      if (answer.startsWith('Saved')) expect([counted, watched, logged]).toEqual([true, true, true]);
      else expect([counted, watched, logged]).toEqual([false, false, false]);
    }
    // Both outcomes happened: the lock really was contended, and updates still got through.
    expect(answers.filter((answer) => answer.startsWith('Nothing saved')).length).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.startsWith('Saved')).length).toBeGreaterThan(0);
  } finally {
    await Promise.all([a.close(), b.close(), fresh.close()]);
  }
});

it('says "Nothing saved" when the history log cannot be written, and nothing is', async () => {
  const path = join(temp.path, 'unwritable.json');
  const store = await LowdbStore.open(path);
  mkdirSync(join(temp.path, 'unwritable.history'), { recursive: true });
  writeFileSync(join(temp.path, 'unwritable.history', 'T1'), ''); // where the workspace's folder must go, a file: no log can be written
  try {
    const deps = depsAt('2020-01-01', { store: async () => store });
    const answer = renderText(
      await runText('inventory set xp 5', deps, { workspace: 'T1', channel: 'C1', user: 'U1' }),
    );
    expect(answer).toMatch(/^Nothing saved: the store could not be written/);
    expect((await store.team({ workspace: 'T1', channel: 'C1' })).counts).toEqual({});
    expect((await store.channelWatches({ workspace: 'T1', channel: 'C1' })).releases).toEqual({});
  } finally {
    await store.close();
  }
});

it('brings the automatic watch back from the log when the store file missed it (a crash after "Saved")', async () => {
  const path = join(temp.path, 'replayed.json');
  const first = await LowdbStore.open(path, { checkpointDelayMs: 60_000 });
  await first.setCounts({ workspace: 'T1', channel: 'C1' }, [{ release: 'ubuntu/22.04', count: 3 }], {
    user: 'U1',
    at: '2024-01-01T10:00:00.000Z',
  });
  // The process dies here: no close(), and the watch's own write is undone by restoring the empty file.
  writeFileSync(path, JSON.stringify({ schemaVersion: 2, workspaces: {}, reminders: {}, milestones: {} }));
  const second = await LowdbStore.open(path);
  try {
    expect((await second.team({ workspace: 'T1', channel: 'C1' })).counts).toEqual({ 'ubuntu/22.04': 3 });
    expect((await second.channelWatches({ workspace: 'T1', channel: 'C1' })).releases['ubuntu/22.04']).toMatchObject({
      source: 'auto',
      createdAt: '2024-01-01',
    });
  } finally {
    await second.close();
    await first.close().catch(() => undefined);
  }
});

it('keeps the counts and says so when only the audit log cannot be written', async () => {
  const path = join(temp.path, 'no-audit.json');
  const store = await LowdbStore.open(path);
  writeFileSync(join(temp.path, 'no-audit.audit'), ''); // where the audit folder must go, a file
  try {
    const deps = depsAt('2020-01-01', { store: async () => store });
    const result = await runText('inventory set xp 5', deps, { workspace: 'T1', channel: 'C1', user: 'U1' });
    expect(renderText(result)).toMatch(/^Saved/);
    // Said under the answer (Slack shows the warning; the shell says warnings once, at its start).
    expect(result.warning).toBe('Saved, but the audit log could not be written: tell whoever runs eolwatch.');
    expect((await store.team({ workspace: 'T1', channel: 'C1' })).counts).toEqual({ 'windows/5-sp3': 5 });
  } finally {
    await store.close();
  }
});
