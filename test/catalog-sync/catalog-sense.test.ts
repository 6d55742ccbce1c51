// A refreshed catalogue is held to sense and size, not only shape; a cache that cannot be used never
// keeps eolwatch from starting; and a refresh that failed in another process (`eol sync`) shows in
// this one's /eol status.
import { expect, it } from '@jest/globals';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { RefresherOptions } from '../../src/catalog-sync/catalog-refresher.js';
import { openRefresher } from '../helpers/open-refresher.js';
import { editedCatalog, releaseIn } from '../helpers/catalog-server.js';
import { useCatalogServer } from '../helpers/use-servers.js';
import { CATALOG_FILES } from '../helpers/test-core.js';

const BUNDLED = readFileSync(CATALOG_FILES.catalogPath, 'utf8');
const NOW = '2026-11-27T06:00:00.000Z';
const catalogServer = useCatalogServer();

function options(overrides: Partial<RefresherOptions> = {}): RefresherOptions {
  return {
    ...CATALOG_FILES,
    cachePath: catalogServer.nextCachePath(),
    url: catalogServer.server().url,
    timeoutMs: 30_000,
    now: () => NOW,
    ...overrides,
  };
}

it.each([
  [
    'an end of support in the year 9999',
    (data: any) => (releaseIn(data, 'windows', '5-sp3').eolFrom = '9999-12-31'),
    /windows 5-sp3 has the date 9999-12-31/,
  ],
  [
    'a release date before 1985',
    (data: any) => (releaseIn(data, 'windows', '8.1').releaseDate = '1970-01-01'),
    /windows 8\.1 has the date 1970-01-01/,
  ],
  [
    'a label of 3,000 characters',
    (data: any) => (releaseIn(data, 'windows', '8.1').label = 'x'.repeat(3000)),
    /unexpected shape/,
  ],
])('refuses a catalogue with %s, keeping the last good one', async (_name, edit, reason) => {
  catalogServer.server().body = editedCatalog(BUNDLED, edit);
  const refresher = await openRefresher(options());
  const outcome = await refresher.refresh();
  expect(outcome.kind).toBe('failed');
  expect(refresher.info().lastError?.reason).toMatch(reason);
  expect(
    refresher
      .current()
      .releaseByKey.get('windows/5-sp3')
      ?.phases.find((phase) => phase.key === 'eol')?.end,
  ).toBe('2014-04-08');
});

it('refuses an answer larger than the cap while it streams in, a gzip bomb included', async () => {
  catalogServer.server().body = `${' '.repeat(30 * 1024 * 1024)}${BUNDLED}`; // gzips to about 30 KB
  const refresher = await openRefresher(options({ maxBytes: 8 * 1024 * 1024 }));
  const outcome = await refresher.refresh();
  expect(outcome).toEqual({ kind: 'failed', reason: 'the answer is larger than 8 MB' });
  expect(refresher.info().source).toBe('bundled snapshot');
});

it('keeps a catalogue near the size cap that a restart then loads from its cache', async () => {
  // 49 MB as served; kept as a JSON string, its quotes and backslashes are escaped again and it grows
  // past 50 MB. A start read the cache with the answer's cap and fell back to the bundled snapshot.
  const stretch = `${'x'.repeat(46)}\\"`; // a quoted word in running text: 48 characters, 50 once escaped
  const padding = stretch.repeat(Math.floor((49 * 1024 * 1024 - BUNDLED.length) / stretch.length));
  catalogServer.server().body = `{"padding":"${padding}",${BUNDLED.trimStart().slice(1)}`;
  const opened = options();
  const refresher = await openRefresher(opened);
  expect((await refresher.refresh()).kind).not.toBe('failed');
  expect(statSync(opened.cachePath).size).toBeGreaterThan(50 * 1024 * 1024);
  const restarted = await openRefresher(opened);
  expect(restarted.info().source).toBe('cached refresh');
  expect(restarted.info().lastError).toBeNull();
});

it('refuses a catalogue whose cache a start could not read back, keeping the last good one', async () => {
  catalogServer.server().body = BUNDLED;
  const opened = options({ maxCacheBytes: 1024 * 1024 });
  const refresher = await openRefresher(opened);
  const outcome = await refresher.refresh();
  expect(outcome.kind).toBe('failed');
  expect(refresher.info().lastError?.reason).toMatch(/MB cached, more than the 1 MB a start will read/);
  expect(refresher.info().source).toBe('bundled snapshot');
  expect(existsSync(opened.cachePath)).toBe(false);
});

it.each([
  [
    'far too large',
    (path: string) => writeFileSync(path, Buffer.alloc(70 * 1024 * 1024, 32)),
    /MB, more than a catalogue can be/,
  ],
  ['not JSON', (path: string) => writeFileSync(path, '{"body": "trunc'), /not complete JSON/],
  [
    'a catalogue with a date in 9999',
    (path: string) =>
      writeFileSync(
        path,
        JSON.stringify({
          url: 'x',
          fetchedAt: NOW,
          validators: { etag: null, lastModified: null },
          body: editedCatalog(BUNDLED, (data: any) => (releaseIn(data, 'windows', '8.1').eolFrom = '9999-01-01')),
        }),
      ),
    /cache was refused .*9999-01-01/,
  ],
])('starts from the bundled snapshot when the cache is %s, and says why in status', async (_name, write, reason) => {
  const opened = options();
  write(opened.cachePath);
  const refresher = await openRefresher(opened);
  expect(refresher.info().source).toBe('bundled snapshot');
  expect(refresher.info().lastError?.reason).toMatch(reason);
});

it("shows a refresh that failed in another process (eol sync) in this one's status", async () => {
  const shared = options();
  const bot = await openRefresher(shared);
  expect(bot.info().lastError).toBeNull();
  catalogServer.server().mode = 'html-404';
  const cli = await openRefresher({ ...shared, now: () => '2026-11-27T07:00:00.000Z' });
  await cli.refresh();
  expect(bot.info().lastError).toEqual({ at: '2026-11-27T07:00:00.000Z', reason: 'HTTP 404 (text/html)' });
});
