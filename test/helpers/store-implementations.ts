// Every store implementation, for the shared store suites: in memory (the reference), the lowdb JSON
// file (a file of its own each) and PostgreSQL (a database of its own each, when a server answers).
import { afterAll, describe, it } from '@jest/globals';
import { join } from 'node:path';
import type { EolwatchStore } from '../../src/eolwatch-store.js';
import { LowdbStore } from '../../src/store/json/lowdb-store.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createTestDatabase, postgresSkipReason, type TestDatabase } from './postgres.js';
import { makeTempDir } from './temp-dir.js';

export type StoreImplementation = [name: string, open: () => Promise<EolwatchStore>];

/** Call at the top level of a test file: it registers the clean-up (stores closed, then files and databases go). */
export async function storeImplementations(): Promise<StoreImplementation[]> {
  const temp = makeTempDir();
  const opened: EolwatchStore[] = [];
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
    await Promise.all(databases.map((database) => database.drop()));
    temp.remove();
  });
  const track = async <S extends EolwatchStore>(store: Promise<S>): Promise<S> => {
    opened.push(await store);
    return store;
  };
  let files = 0;
  const skipped = await postgresSkipReason();
  // Reported as skipped with its reason, never as passed.
  if (skipped) describe.skip(`PostgresStore (${skipped})`, () => it('runs the shared suite', () => undefined));
  return [
    ['MemoryStore', async () => new MemoryStore()],
    ['LowdbStore', () => track(LowdbStore.open(join(temp.path, `store-${(files += 1)}.json`)))],
    ...(!skipped
      ? [
          [
            'PostgresStore',
            async () => {
              const database = (await createTestDatabase()) as TestDatabase;
              databases.push(database);
              return track(PostgresStore.open(database.url, { max: 4 }));
            },
          ] satisfies StoreImplementation,
        ]
      : []),
  ];
}
