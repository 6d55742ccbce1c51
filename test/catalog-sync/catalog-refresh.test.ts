// Refreshing the catalogue from a local server that serves the recorded response with an ETag.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { openRefresher } from '../helpers/open-refresher.js';
import { runText } from '../../src/commands/run-command.js';
import { renderText } from '../../src/render/render-text.js';
import { editedCatalog, releaseIn } from '../helpers/catalog-server.js';
import { useCatalogServer } from '../helpers/use-servers.js';
import { CATALOG_FILES, depsAt, SPEAKER } from '../helpers/test-core.js';

const BUNDLED = readFileSync(CATALOG_FILES.catalogPath, 'utf8');
const catalogServer = useCatalogServer();

async function open(url = catalogServer.server().url, timeoutMs = 30_000) {
  const cachePath = catalogServer.nextCachePath();
  return {
    cachePath,
    refresher: await openRefresher({
      ...CATALOG_FILES,
      cachePath,
      url,
      timeoutMs,
      now: () => '2026-11-27T06:00:00.000Z',
    }),
  };
}

const moved = () =>
  editedCatalog(BUNDLED, (data) => {
    releaseIn(data, 'windows', '8.1').eolFrom = '2023-07-11';
  });

describe('refreshing the catalogue', () => {
  it('starts from the bundled snapshot, accepts a fresh catalogue, then gets 304 and changes nothing', async () => {
    catalogServer.server().body = moved();
    const { refresher, cachePath } = await open();
    expect(refresher.info()).toMatchObject({
      source: 'bundled snapshot',
      generatedAt: '2026-08-22T08:52:34+00:00',
      generation: 1,
    });
    const first = await refresher.refresh();
    expect(first.kind).toBe('updated');
    expect(first.kind === 'updated' && first.changes).toEqual([
      {
        release: 'windows/8.1',
        phaseKey: 'eol',
        phaseLabel: 'Security Support',
        before: '2023-01-10',
        after: '2023-07-11',
      },
    ]);
    expect(refresher.info()).toMatchObject({
      source: 'refresh',
      generatedAt: '2026-11-20T10:00:00+00:00',
      generation: 2,
      lastError: null,
    });
    expect(catalogServer.server().requests.at(-1)?.acceptEncoding).toContain('gzip');
    expect(existsSync(cachePath)).toBe(true);
    expect(await refresher.refresh()).toEqual({ kind: 'not-modified' });
    expect(catalogServer.server().requests.at(-1)?.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/);
    expect(refresher.info().generation).toBe(2);
  });

  it('starts from the cache of the last accepted refresh, with its ETag', async () => {
    catalogServer.server().body = moved();
    const { refresher, cachePath } = await open();
    await refresher.refresh();
    const restarted = await openRefresher({
      ...CATALOG_FILES,
      cachePath,
      url: catalogServer.server().url,
      timeoutMs: 30_000,
      now: () => '2026-11-27T07:00:00.000Z',
    });
    expect(restarted.info()).toMatchObject({ source: 'cached refresh', generatedAt: '2026-11-20T10:00:00+00:00' });
    expect(
      restarted
        .current()
        .releaseByKey.get('windows/8.1')
        ?.phases.find((p) => p.key === 'eol')?.end,
    ).toBe('2023-07-11');
    expect(await restarted.refresh()).toEqual({ kind: 'not-modified' });
  });

  it('keeps our supplements on top of a refreshed catalogue', async () => {
    catalogServer.server().body = moved();
    const { refresher } = await open();
    await refresher.refresh();
    expect(
      refresher
        .current()
        .releaseByKey.get('windows/7-sp1')
        ?.phases.find((p) => p.key === 'eoes')?.end,
    ).toBe('2023-01-10');
  });

  it.each([
    ['the network is down', 'down', /network error/],
    ['the API answers its HTML 404 page', 'html-404', /HTTP 404 \(text\/html\)/],
    ['the API answers 429', 'rate-limited', /rate limited \(HTTP 429, Retry-After 60 s\)/],
    ['the answer is truncated JSON', 'truncated', /not complete JSON/],
    ['the schema changed', 'schema', /unexpected shape/],
    ['a date does not parse', 'bad-date', /unexpected shape/],
    ['there are too few products', 'too-few', /only 3 products/],
    ['the API never answers', 'hang', /no answer within 0.3 s/],
  ])('keeps the last good catalogue when %s, and says why in /eol status', async (_case, failure, reason) => {
    const edits: Record<string, (data: any) => void> = {
      schema: (data) => {
        data.products = data.result;
        delete data.result;
      },
      'bad-date': (data) => {
        releaseIn(data, 'windows', '8.1').eolFrom = '2023-13-45';
      },
      'too-few': (data) => {
        data.result = data.result.slice(0, 3);
      },
    };
    catalogServer.server().body = editedCatalog(BUNDLED, edits[failure] ?? (() => undefined));
    if (['html-404', 'rate-limited', 'truncated', 'hang'].includes(failure))
      catalogServer.server().mode = failure as never;
    // Only the fake that really never answers gets a short deadline: the others must finish reading a
    // 2.7 MB answer, which on a busy machine can take seconds.
    const { refresher } = await open(
      failure === 'down' ? 'http://127.0.0.1:9/api/v1/products/full' : catalogServer.server().url,
      failure === 'hang' ? 300 : 30_000,
    );
    const before = refresher.current();
    const outcome = await refresher.refresh();
    expect(outcome.kind).toBe('failed');
    expect(outcome.kind === 'failed' && outcome.reason).toMatch(reason);
    expect(refresher.current()).toBe(before);
    expect(refresher.info().lastError?.reason).toMatch(reason);
    const status = renderText(
      await runText('status', depsAt('2026-11-27', { catalogInfo: () => refresher.info() }), SPEAKER),
    );
    expect(status).toMatch(new RegExp(`Last refresh error: .*${reason.source}`));
    expect(status).toContain('Catalogue: bundled snapshot, generated 2026-08-22 (97 days old)');
  });
});
