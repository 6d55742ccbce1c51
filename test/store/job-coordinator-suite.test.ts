// One suite for every JobCoordinator: the daily job runs through the store it has, with no question of
// which kind of store that is. PostgreSQL runs it once a day among replicas; the JSON store and memory
// serve one bot each, so they simply run it.
import { describe, expect, it } from '@jest/globals';
import { storeImplementations } from '../helpers/store-implementations.js';

const implementations = await storeImplementations();

describe.each(implementations)('%s', (name, openStore) => {
  it('runs a job and hands back its result', async () => {
    const store = await openStore();
    expect(await store.runOnce('daily', '2026-12-06', 'run-a', async () => 42)).toEqual({ ran: true, result: 42 });
  });

  it(
    name === 'PostgresStore' ? 'runs a job once a day, saying who ran it' : 'runs a job each time it is asked',
    async () => {
      const store = await openStore();
      await store.runOnce('daily', '2026-12-07', 'run-a', async () => 'first');
      const again = await store.runOnce('daily', '2026-12-07', 'run-b', async () => 'second');
      expect(again).toEqual(name === 'PostgresStore' ? { ran: false, by: 'run-a' } : { ran: true, result: 'second' });
    },
  );

  it('lets a failed run be run again', async () => {
    const store = await openStore();
    await expect(
      store.runOnce('daily', '2026-12-08', 'run-a', async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await store.runOnce('daily', '2026-12-08', 'run-b', async () => 'retried')).toEqual({
      ran: true,
      result: 'retried',
    });
  });
});
