// The real Bolt HTTP app on a real store file in a temporary folder, started before a test file's tests
// and stopped (store closed, folder removed) after them.
import { afterAll, beforeAll } from '@jest/globals';
import { join } from 'node:path';
import { LowdbStore } from '../../src/store/json/lowdb-store.js';
import { startHttpApp, type RunningApp } from './start-http-app.js';
import { makeTempDir } from './temp-dir.js';
import { depsAt } from './test-core.js';

export interface HttpAppOnStoreFile {
  dir: string;
  running(): RunningApp;
  store(): LowdbStore;
  /** Closes the store and opens the file again, as a restart would. */
  reopen(): Promise<LowdbStore>;
}

export function httpAppOnStoreFile(isoDate: string): HttpAppOnStoreFile {
  const temp = makeTempDir();
  const path = join(temp.path, 'eolwatch.json');
  let running: RunningApp;
  let store: LowdbStore;
  beforeAll(async () => {
    store = await LowdbStore.open(path);
    running = await startHttpApp(depsAt(isoDate, { store: async () => store }));
  });
  afterAll(async () => {
    await running.stop();
    await store.close();
    temp.remove();
  });
  return {
    dir: temp.path,
    running: () => running,
    store: () => store,
    reopen: async () => {
      await store.close();
      store = await LowdbStore.open(path);
      return store;
    },
  };
}
