// HTTPS_PROXY / HTTP_PROXY: Slack's Web API and the catalogue refresh go through the proxy (a CONNECT
// tunnel, as corporate proxies allow), here to host names that only the proxy can reach.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { CatalogServer } from '../helpers/catalog-server.js';
import { ConnectProxy } from '../helpers/connect-proxy.js';
import { FakeSlackApi } from '../helpers/fake-slack-api.js';
import { freePort } from '../helpers/free-port.js';
import { runEntry } from '../helpers/run-entry.js';
import { startMain } from '../helpers/start-main.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
let proxy: ConnectProxy;
let api: FakeSlackApi;
let catalog: CatalogServer;
beforeAll(async () => {
  proxy = await new ConnectProxy().start();
  api = await new FakeSlackApi().start();
  catalog = await new CatalogServer().start();
  catalog.body = readFileSync('data/products-full.json', 'utf8');
});
afterAll(async () => {
  await proxy.stop();
  await api.stop();
  await catalog.stop();
  temp.remove();
});

/** The same address under a name nothing but the proxy resolves. */
const behindProxy = (url: string) => url.replace('127.0.0.1', 'only-via-proxy.invalid');

it('refreshes the catalogue through the proxy', async () => {
  const run = await runEntry('src/cli.ts', ['sync'], {
    env: { EOLWATCH_CATALOG_URL: behindProxy(catalog.url), HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url },
  });
  expect(run.stdout).toContain('Accepted the catalogue');
  expect(proxy.tunnels.some((tunnel) => tunnel.startsWith('only-via-proxy.invalid:'))).toBe(true);
});

it('reaches Slack through the proxy at start', async () => {
  const port = await freePort();
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-good',
    SLACK_SIGNING_SECRET: 's',
    SLACK_API_URL: behindProxy(api.apiUrl),
    PORT: String(port),
    HTTP_PROXY: proxy.url,
    EOLWATCH_STORE: `${temp.path}/eolwatch.json`,
  };
  const before = api.callsTo('auth.test').length;
  const main = await startMain(env);
  try {
    expect(api.callsTo('auth.test').length).toBeGreaterThan(before);
    expect(proxy.tunnels.filter((tunnel) => tunnel === new URL(behindProxy(api.apiUrl)).host).length).toBeGreaterThan(
      0,
    );
  } finally {
    await main.stop();
  }
}, 30_000);
