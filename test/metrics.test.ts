// The bot's Prometheus metrics, as a scrape sees them: answers by kind and entry point with their time,
// Slack's Web API calls by method and outcome, the catalogue's age, store operations; on their own port.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { FakeSlackApi } from './helpers/fake-slack-api.js';
import { freePort } from './helpers/free-port.js';
import { postToSlackApp, slashCommandBody } from './helpers/signed-request.js';
import { startMain, type StartedMain } from './helpers/start-main.js';
import { makeTempDir } from './helpers/temp-dir.js';

const temp = makeTempDir();
let api: FakeSlackApi;
let main: StartedMain;
let port: number;
let metricsPort: number;

beforeAll(async () => {
  api = await new FakeSlackApi().start();
  port = await freePort();
  metricsPort = await freePort();
  main = await startMain({
    SLACK_BOT_TOKEN: 'xoxb-metrics',
    SLACK_SIGNING_SECRET: 'test-signing-secret',
    SLACK_API_URL: api.apiUrl,
    PORT: String(port),
    EOLWATCH_METRICS_PORT: String(metricsPort),
    EOLWATCH_STORE: join(temp.path, 'eolwatch.json'),
  });
}, 60_000);
afterAll(async () => {
  await main.stop();
  await api.stop();
  temp.remove();
});

const scrape = async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();

it('counts /eol answers by kind and entry point, with their time', async () => {
  const eol = (text: string) =>
    postToSlackApp(`http://127.0.0.1:${port}/slack/events`, {
      body: slashCommandBody(text, api.responseUrl),
      contentType: 'application/x-www-form-urlencoded',
    });
  expect((await eol('xp')).status).toBe(200);
  expect((await eol('xp')).status).toBe(200); // the answer cache: counted too
  expect((await eol('inventory set xp 3')).status).toBe(200);
  const text = await scrape();
  expect(text).toMatch(/^eolwatch_answers_total\{kind="lookup",entry="slash"\} 2$/m);
  expect(text).toMatch(/^eolwatch_answers_total\{kind="inventory-updated",entry="slash"\} 1$/m);
  expect(text).toMatch(/^eolwatch_answer_seconds_count\{entry="slash"\} 3$/m);
  expect(text).toMatch(/^eolwatch_store_operation_seconds_count\{operation="updateCounts"\} 1$/m);
});

it("counts Slack's Web API calls by method and outcome", async () => {
  expect(await scrape()).toMatch(/^eolwatch_slack_api_calls_total\{method="auth.test",outcome="ok"\} [1-9]/m);
});

it('has the catalogue’s age and the process defaults, and is not on the public port', async () => {
  const text = await scrape();
  expect(text).toMatch(/^eolwatch_catalog_age_seconds \d+/m);
  expect(text).toContain('nodejs_eventloop_lag_seconds');
  expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).not.toBe(200);
});
