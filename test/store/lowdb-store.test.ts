// What only the file store must prove: it survives restarts and crashes, refuses a damaged file
// without touching it, and loses nothing to a second process.
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { hostname } from 'node:os';
import lockfile from 'proper-lockfile';
import { StoreBusyError } from '../../src/inventory/inventory-store.js';
import { StoreFileError } from '../../src/store/durable-json-file.js';
import { LowdbStore } from '../../src/store/json/lowdb-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
const opened: LowdbStore[] = [];
// Close every store (its pending checkpoint) before the files go; a damaged file refuses to close.
afterAll(async () => {
  await Promise.allSettled(opened.map((store) => store.close()));
  temp.remove();
});
const open = async (path: string, options?: Parameters<typeof LowdbStore.open>[1]): Promise<LowdbStore> => {
  const store = await LowdbStore.open(path, options);
  opened.push(store);
  return store;
};
let made = 0;
const freshPath = () => join(temp.path, `store-${(made += 1)}.json`);
const team = { workspace: 'T1', channel: 'C1' };
const by = { user: 'U1', at: '2017-06-28T10:00:00.000Z' };

describe('LowdbStore on a real file', () => {
  describe('refuses to start on a store whose files disagree, naming the file and changing nothing', () => {
    async function storeWithHistory(): Promise<{ path: string; log: string }> {
      const path = freshPath();
      const store = await LowdbStore.open(path);
      await store.setCounts(team, [{ release: 'windows/8.1', count: 5 }], by);
      await store.close();
      return { path, log: join(dirname(path), `${basename(path, '.json')}.history`, 'T1', 'C1.jsonl') };
    }

    it.each([
      ['valid JSON of the wrong shape', '{"release":"windows/8.1","count":5}\n', /is not a history entry/],
      [
        'a count over the limit',
        '{"release":"windows/8.1","from":5,"to":99999999999,"user":"U1","at":"2020-01-01T00:00:00.000Z","action":"set"}\n',
        /is not a history entry/,
      ],
      ['a complete line that is not JSON', 'not json\n', /is not JSON/],
    ])('a history line that is %s', async (_name, line, reason) => {
      const { path, log } = await storeWithHistory();
      appendFileSync(log, line);
      const [storeBefore, logBefore] = [readFileSync(path, 'utf8'), readFileSync(log, 'utf8')];
      await expect(LowdbStore.open(path)).rejects.toThrow(StoreFileError);
      await expect(LowdbStore.open(path)).rejects.toThrow(reason);
      await expect(LowdbStore.open(path)).rejects.toThrow(log);
      expect([readFileSync(path, 'utf8'), readFileSync(log, 'utf8')]).toEqual([storeBefore, logBefore]);
    });

    it('a history log that was deleted', async () => {
      const { path, log } = await storeWithHistory();
      rmSync(log);
      const before = readFileSync(path, 'utf8');
      await expect(LowdbStore.open(path)).rejects.toThrow(`the history ${log} is missing`);
      expect(readFileSync(path, 'utf8')).toBe(before);
    });

    it('a store file made read-only', async () => {
      const { path } = await storeWithHistory();
      chmodSync(path, 0o444);
      const before = readFileSync(path, 'utf8');
      await expect(LowdbStore.open(path)).rejects.toThrow(/is read-only/);
      expect(readFileSync(path, 'utf8')).toBe(before);
      chmodSync(path, 0o644);
    });
  });

  it.each(['constructor', '__proto__', '..', ''])(
    'refuses to write workspace or channel %j, and the file still opens',
    async (id) => {
      const path = freshPath();
      const store = await open(path);
      await expect(
        store.setCounts({ workspace: id, channel: 'C1' }, [{ release: 'windows/8.1', count: 5 }], by),
      ).rejects.toThrow(/malformed id/);
      await expect(
        store.setCounts({ workspace: 'T1', channel: id }, [{ release: 'windows/8.1', count: 5 }], by),
      ).rejects.toThrow(/malformed id/);
      await store.setCounts(team, [{ release: 'windows/8.1', count: 5 }], by);
      await store.close();
      expect((await (await open(path)).team(team)).counts).toEqual({ 'windows/8.1': 5 });
    },
  );

  it('creates the file on first use, with a schema version', async () => {
    const path = freshPath();
    await open(path);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      schemaVersion: 2,
      workspaces: {},
      reminders: {},
      milestones: {},
      apiTokens: {},
      installations: {},
    });
  });

  it('migrates a version 1 store (inventory only) to version 2, keeping its counts', async () => {
    const path = freshPath();
    writeFileSync(
      path,
      JSON.stringify({
        schemaVersion: 1,
        workspaces: { T1: { teams: { C1: { name: 'Met IT', counts: { 'windows/5-sp3': 18293 }, historyBytes: 0 } } } },
      }),
    );
    const store = await open(path);
    expect(await store.team(team)).toEqual({ channel: 'C1', name: 'Met IT', counts: { 'windows/5-sp3': 18293 } });
    expect((await store.channelWatches(team)).releases).toEqual({});
    await store.watch(team, [{ release: 'windows/8.1', leads: [30] }], 'manual', '2022-01-01');
    expect(JSON.parse(readFileSync(path, 'utf8')).schemaVersion).toBe(2);
  });

  it('keeps watches, reminder records and marks across a restart', async () => {
    const path = freshPath();
    const first = await open(path);
    await first.watch(team, [{ release: 'windows/8.1', leads: [30, 7] }], 'manual', '2022-01-01');
    await first.recordReminder('T1|C1|windows/8.1|eol|30', { status: 'pending', at: 'x', ts: null, late: false });
    await first.markMilestone('T1|C1|windows/8.1|eoas', { handledBy: 'U1', handledAt: '2017-07-13T09:00:00Z' });
    await first.markBroken(team, 'is_archived', '2022-12-11T09:00:00Z');
    const second = await open(path);
    expect(await second.channelWatches(team)).toEqual({
      channel: 'C1',
      autoWatch: true,
      broken: { reason: 'is_archived', at: '2022-12-11T09:00:00Z' },
      releases: { 'windows/8.1': { leads: [30, 7], createdAt: '2022-01-01', source: 'manual' } },
      contracts: {},
    });
    expect(Object.keys(await second.reminderRecords())).toEqual(['T1|C1|windows/8.1|eol|30']);
    expect((await second.milestoneMarks())['T1|C1|windows/8.1|eoas']?.handledBy).toBe('U1');
  });

  // Automatic watches come from the counts' log, and the store file is rewritten only at the next
  // checkpoint: another process (or this one after a crash) must still see them at once.
  it('shows the watches a count change starts to another process before the file is rewritten', async () => {
    const path = freshPath();
    const writer = await open(path, { checkpointDelayMs: 3_600_000 });
    const openedBefore = await open(path);
    expect(await openedBefore.allWatches()).toEqual([]);
    await writer.setCounts(team, [{ release: 'windows/8.1', count: 14450 }], by);
    const seenBy = async (store: LowdbStore) =>
      (await store.allWatches()).find((entry) => entry.workspace === 'T1')?.channels[0]?.releases['windows/8.1']
        ?.source;
    expect(await seenBy(openedBefore)).toBe('auto');
    const fileBefore = readFileSync(path, 'utf8');
    expect(fileBefore).not.toContain('windows/8.1');
    const reader = await open(path);
    expect((await reader.channelWatches(team)).releases['windows/8.1']?.source).toBe('auto');
    expect(await seenBy(await open(path))).toBe('auto');
    // Stopped by a count of 0 the same way, and a manual change keeps the log's order.
    await writer.setCounts(team, [{ release: 'windows/8.1', count: 0 }], by);
    expect(await seenBy(openedBefore)).toBeUndefined();
    await reader.watch(team, [{ release: 'windows/xp', leads: [30] }], 'manual', '2017-06-28');
    const restarted = await open(path);
    expect(Object.keys((await restarted.channelWatches(team)).releases)).toEqual(['windows/xp']);
  });

  // A checkpoint whose timer has fired is still writing the file: closing waits for it, so a folder
  // removed or a process ended right after close() never cuts it short.
  it('waits for a checkpoint already writing before it says it is closed', async () => {
    const path = freshPath();
    const store = await open(path, { checkpointDelayMs: 0 });
    await store.setCounts(team, [{ release: 'windows/8.1', count: 14450 }], by);
    // The checkpoint's timer was set first, so it has fired, and is writing, when this one runs.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await store.close();
    expect(readFileSync(path, 'utf8')).toContain('windows/8.1');
  });

  it('keeps counts, names and history across a restart', async () => {
    const path = freshPath();
    const first = await open(path);
    await first.setCounts(team, [{ release: 'windows/5-sp3', count: 18293 }], by);
    await first.setTeamName(team, 'Met IT');
    const second = await open(path);
    expect(await second.team(team)).toEqual({ channel: 'C1', name: 'Met IT', counts: { 'windows/5-sp3': 18293 } });
    expect(await second.history(team)).toHaveLength(1);
  });

  it.each([
    ['truncated mid-JSON', (text: string) => text.slice(0, Math.floor(text.length / 2)), /not valid JSON/],
    [
      'of the wrong shape',
      () => JSON.stringify({ schemaVersion: 2, workspaces: { T1: { teams: { C1: { counts: { x: -3 } } } } } }),
      /unexpected shape/,
    ],
    ['from a newer eolwatch', () => JSON.stringify({ schemaVersion: 99, workspaces: {} }), /newer than this eolwatch/],
  ])('refuses to open a store %s, naming the file, and leaves it byte for byte', async (_case, spoil, message) => {
    const path = freshPath();
    const store = await open(path);
    await store.setCounts(team, [{ release: 'windows/8.1', count: 14450 }], by);
    const damaged = spoil(readFileSync(path, 'utf8'));
    writeFileSync(path, damaged);
    const error = await LowdbStore.open(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreFileError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toMatch(message);
    expect(readFileSync(path, 'utf8')).toBe(damaged);
  });

  it('replays history the store missed (a crash between the two writes)', async () => {
    const path = freshPath();
    const store = await open(path);
    await store.setCounts(team, [{ release: 'windows/8.1', count: 10 }], by);
    appendFileSync(
      join(store.historyDir, 'T1', 'C1.jsonl'),
      `${JSON.stringify({ release: 'windows/8.1', from: 10, to: 11, ...by, action: 'set' })}\n`,
    );
    const reopened = await open(path);
    expect((await reopened.team(team)).counts).toEqual({ 'windows/8.1': 11 });
  });

  it('drops a torn history line that was never acknowledged', async () => {
    const path = freshPath();
    const store = await open(path);
    await store.setCounts(team, [{ release: 'windows/8.1', count: 10 }], by);
    appendFileSync(join(store.historyDir, 'T1', 'C1.jsonl'), '{"release":"windows/8.1","fr');
    const reopened = await open(path);
    expect((await reopened.team(team)).counts).toEqual({ 'windows/8.1': 10 });
    await reopened.setCounts(team, [{ release: 'windows/8.1', count: 12 }], by);
    expect((await reopened.history(team)).map((entry) => entry.to)).toEqual([10, 12]);
  });

  it('answers busy, and changes nothing, when another process holds the lock too long', async () => {
    const path = freshPath();
    const store = await open(path, { lockWaitMs: 100 });
    const release = await lockfile.lock(path, { realpath: false });
    try {
      await expect(store.setCounts(team, [{ release: 'windows/8.1', count: 1 }], by)).rejects.toBeInstanceOf(
        StoreBusyError,
      );
    } finally {
      await release();
    }
    expect((await store.team(team)).counts).toEqual({});
    expect(existsSync(join(store.historyDir, 'T1', 'C1.jsonl'))).toBe(false);
  });

  it('takes over at once a lock left by a process on this host that is gone', async () => {
    const path = freshPath();
    const store = await open(path, { lockWaitMs: 100 });
    // What a crash mid-write leaves: the lock folder, fresh, and its owner, a pid no longer running.
    // (This process made it, so tell proper-lockfile here not to mind when it is taken over.)
    await lockfile.lock(path, { realpath: false, onCompromised: () => undefined });
    writeFileSync(`${path}.lock-owner`, `${hostname()}/999999999`);
    // The store waits 100 ms for a lock, and proper-lockfile calls one stale after 10 s: saved means taken over.
    await store.setCounts(team, [{ release: 'windows/8.1', count: 3 }], by);
    expect((await store.team(team)).counts).toEqual({ 'windows/8.1': 3 });
  });

  it('still answers busy while the process holding the lock lives', async () => {
    const path = freshPath();
    const store = await open(path, { lockWaitMs: 100 });
    const release = await lockfile.lock(path, { realpath: false });
    writeFileSync(`${path}.lock-owner`, `${hostname()}/${process.ppid}`);
    try {
      await expect(store.setCounts(team, [{ release: 'windows/8.1', count: 1 }], by)).rejects.toBeInstanceOf(
        StoreBusyError,
      );
    } finally {
      await release();
    }
  });

  it('loses no update when a second process writes at the same time', async () => {
    const path = freshPath();
    const store = await open(path, { lockWaitMs: 10_000 });
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/store-writer.ts', path, 'child', '40'], {
      stdio: 'inherit',
    });
    let exitCode: number | null | undefined;
    child.on('exit', (code) => (exitCode = code));
    // Keep writing for as long as the child runs, so that the two really overlap.
    let written = 0;
    while (exitCode === undefined)
      await store.setCounts(team, [{ release: 'parent/release', count: (written += 1) }], by);
    expect(exitCode).toBe(0);
    const reopened = await open(path);
    const expected = { 'parent/release': written, 'child/release': 40 };
    expect((await reopened.team(team)).counts).toEqual(expected);
    const history = await reopened.history(team);
    expect(history).toHaveLength(written + 40);
    // Interleaved, not one after the other.
    const firstChild = history.findIndex((entry) => entry.user === 'child');
    expect(history.slice(firstChild).some((entry) => entry.user === 'U1')).toBe(true);
    // The first store sees the child's writes too, without a restart.
    expect((await store.team(team)).counts).toEqual(expected);
  });
});
