// Jest hooks that start a test file's local servers before its tests and stop them after. Kept apart
// from the servers themselves, which the benches also use outside jest.
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { join } from 'node:path';
import { CatalogServer } from './catalog-server.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { makeTempDir } from './temp-dir.js';

/** A catalogue server and a temporary folder for cache files. */
export function useCatalogServer(): { server: () => CatalogServer; nextCachePath: () => string } {
  const temp = makeTempDir();
  let server: CatalogServer;
  let made = 0;
  beforeAll(async () => {
    server = await new CatalogServer().start();
  });
  afterAll(async () => {
    await server.stop();
    temp.remove();
  });
  afterEach(() => {
    server.mode = 'ok';
  });
  return { server: () => server, nextCachePath: () => join(temp.path, `cache-${(made += 1)}.json`) };
}

/** A fake Slack Web API. */
export function useFakeSlackApi(): () => FakeSlackApi {
  let api: FakeSlackApi;
  beforeAll(async () => {
    api = await new FakeSlackApi().start();
  });
  afterAll(async () => api.stop());
  return () => api;
}
