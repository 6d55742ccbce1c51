// A refresh that drops a release teams rely on keeps it, with its last known dates, tells the channels
// that watch it once, and keeps it across a restart; one that changes too much at once is held back.
import { afterAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runText } from '../../src/commands/run-command.js';
import { renderText } from '../../src/render/render-text.js';
import { runSync } from '../../src/wire-daily-job.js';
import { openCore } from '../../src/wire-core.js';
import { editedCatalog } from '../helpers/catalog-server.js';
import { useCatalogServer, useFakeSlackApi } from '../helpers/use-servers.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { CATALOG_FILES, SPEAKER } from '../helpers/test-core.js';

const BUNDLED = readFileSync(CATALOG_FILES.catalogPath, 'utf8');
const temp = makeTempDir();
afterAll(() => temp.remove());
const catalogServer = useCatalogServer();
const fakeApi = useFakeSlackApi();
let made = 0;

async function core() {
  const dir = join(temp.path, `core-${(made += 1)}`);
  const config = {
    ...CATALOG_FILES,
    timezone: 'UTC',
    storePath: join(dir, 'eolwatch.json'),
    admins: [],
    catalogUrl: catalogServer.server().url,
    catalogCachePath: join(dir, 'catalog-cache.json'),
  };
  return { config, core: await openCore(config) };
}

const dropWindows = (names: string[]) =>
  editedCatalog(BUNDLED, (data: any) => {
    const windows = data.result.find((product: any) => product.name === 'windows');
    windows.releases = windows.releases.filter((release: any) => !names.includes(release.name));
  });

it('keeps a dropped release that a team counts and watches, says so once to the watching channel, and keeps it after a restart', async () => {
  const { config, core: first } = await core();
  const store = await first.store();
  const slack = { botToken: 'xoxb-test', apiUrl: fakeApi().apiUrl };
  await runText('inventory set windows-8.1 14450', first.deps(), { ...SPEAKER, channel: 'CMET' });
  catalogServer.server().body = dropWindows(['8.1', '8']); // 8.1 is in use, 8 is not

  const sync = await runSync(first, slack);
  expect(sync.ok).toBe(true);
  expect(sync.lines).toContain('No longer listed by endoflife.date, kept with its last known dates: windows/8.1');
  const notices = fakeApi()
    .callsTo('chat.postMessage')
    .filter((call) => String(call.body.text).includes("no longer in endoflife.date's data"));
  expect(notices.map((call) => call.body.channel)).toEqual(['CMET']);
  expect(first.deps().releaseByKey('windows/8.1')?.retainedSince).toBeDefined();
  expect(first.deps().releaseByKey('windows/8')).toBeUndefined();
  const lookup = renderText(await runText('windows 8.1', first.deps(), SPEAKER));
  expect(lookup).toContain("No longer in endoflife.date's data since");
  expect(lookup).toContain('Security Support: ended after 2023-01-10');
  expect(renderText(await runText('inventory', first.deps(), { ...SPEAKER, channel: 'CMET' }))).not.toContain(
    'status unknown',
  );

  expect((await runSync(first, slack)).lines[0]).toContain('Not modified');
  expect(
    fakeApi()
      .callsTo('chat.postMessage')
      .filter((call) => String(call.body.text).includes("no longer in endoflife.date's data")),
  ).toHaveLength(1);
  await store.close();

  const restarted = await openCore(config);
  expect(restarted.deps().releaseByKey('windows/8.1')?.retainedSince).toBeDefined();
  await restarted.close();
});

it('holds back a catalogue that changes or drops more than a quarter of releases at once, and says why; --force accepts it', async () => {
  const { core: c } = await core();
  catalogServer.server().body = editedCatalog(BUNDLED, (data: any) => {
    data.result = data.result.filter((product: any, index: number) => product.name === 'windows' || index % 5 < 3); // 40% gone
  });
  const held = await runSync(c, null);
  expect(held.ok).toBe(false);
  expect(held.lines[0]).toMatch(/held back: it changes or drops \d+ of 8351 releases at once \(more than 25%\)/);
  expect(c.refresher.info().lastError?.reason).toMatch(/^held back/);
  expect(c.refresher.info().source).toBe('bundled snapshot');
  const forced = await runSync(c, null, true);
  expect(forced.ok).toBe(true);
  expect(c.refresher.info().source).toBe('refresh');
  await c.close();
});
