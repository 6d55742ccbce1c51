// A lock left by a dead process, and eight writers starting at once: exactly one takes it over, the
// writers then take turns, and every acknowledged update is in an unbroken history (each change starts
// from the count the one before it left). Eight stores in one process contend only through the file
// lock, as eight processes would.
import { afterAll, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LowdbStore } from '../../src/store/json/lowdb-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
afterAll(() => temp.remove());

const WRITERS = 8;
const ROUNDS = 60;
const team = { workspace: 'T1', channel: 'CRACE' };

/** The lock folder made as soon as no live writer holds it (a writer still releasing after its answer). */
async function plantWhenFree(lockPath: string): Promise<void> {
  for (;;) {
    try {
      mkdirSync(lockPath);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}

it(`lets exactly one writer at a time in after a dead holder, over ${ROUNDS} rounds of ${WRITERS}`, async () => {
  const path = join(temp.path, 'race.json');
  await (await LowdbStore.open(path)).close();
  const stores = await Promise.all(
    Array.from({ length: WRITERS }, () => LowdbStore.open(path, { lockWaitMs: 30_000 })),
  );
  const failures: string[] = [];
  let acknowledged = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    // What a crash mid-write leaves: the lock, fresh, and its owner, a pid no longer running.
    await plantWhenFree(`${path}.lock`);
    writeFileSync(`${path}.lock-owner`, `${hostname()}/999999999`);
    const outcomes = await Promise.allSettled(
      stores.map((store, writer) =>
        store.updateCounts(
          team,
          { mode: 'add', counts: [{ release: 'windows/8.1', count: 1 }], action: 'set' },
          { user: `U${writer}`, at: '2026-12-06T10:00:00.000Z' },
        ),
      ),
    );
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') acknowledged += 1;
      else failures.push(String(outcome.reason));
    }
  }
  const history = await stores[0]!.history(team);
  const breaks = history.filter((entry, index) => index > 0 && entry.from !== history[index - 1]?.to);
  expect(failures).toEqual([]);
  expect(breaks).toEqual([]);
  expect(acknowledged).toBe(ROUNDS * WRITERS);
  expect((await stores[0]!.team(team)).counts).toEqual({ 'windows/8.1': ROUNDS * WRITERS });
  await Promise.all(stores.map((store) => store.close()));
}, 120_000);
