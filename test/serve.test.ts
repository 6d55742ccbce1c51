// `eolwatch serve`: eolwatch without Slack. The HTTP API, the calendar feeds and /healthz on PORT, the
// metrics on EOLWATCH_METRICS_PORT (and not on PORT), and a daily job that skips the reminders, saying why.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { runDailyJob } from '../src/wire-daily-job.js';
import { createMetrics } from '../src/metrics/metrics.js';
import { freePort } from './helpers/free-port.js';
import { runEntry } from './helpers/run-entry.js';
import { startMain, type StartedMain } from './helpers/start-main.js';
import { makeTempDir } from './helpers/temp-dir.js';
import { testCore } from './helpers/test-core.js';

const temp = makeTempDir();
const store = join(temp.path, 'eolwatch.json');
let port: number;
let metricsPort: number;
let served: StartedMain;
let token: string;
let calendarPath: string;

beforeAll(async () => {
  const env = { EOLWATCH_STORE: store };
  const made = await runEntry('src/cli.ts', ['--workspace', 'T1', 'api', 'token', 'create', 'cmdb'], { env });
  token = made.stdout.trim().split('\n').at(-1) ?? '';
  await runEntry('src/cli.ts', ['--workspace', 'T1', '--channel', 'C1', 'inventory', 'set', 'xp', '12'], { env });
  const calendar = await runEntry('src/cli.ts', ['--workspace', 'T1', '--channel', 'C1', 'calendar', 'reset'], { env });
  calendarPath = /\/calendar\/\S+\.ics/.exec(calendar.stdout)?.[0] ?? '';
  port = await freePort();
  metricsPort = await freePort();
  served = await startMain(
    { EOLWATCH_STORE: store, PORT: String(port), EOLWATCH_METRICS_PORT: String(metricsPort) },
    { args: ['--import', 'tsx', 'src/cli.ts', 'serve'] },
  );
}, 60_000);
afterAll(async () => {
  await served.stop();
  temp.remove();
});

const get = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

describe('eolwatch serve', () => {
  it('starts without Slack credentials and says so', () => {
    expect(served.ready).toMatchObject({ mode: 'serve', port, metricsPort });
  });

  it('answers /healthz, the HTTP API and a calendar feed on PORT', async () => {
    expect((await get(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const inventory = await get(`http://127.0.0.1:${port}/api/v1/channels/C1/inventory`, {
      authorization: `Bearer ${token}`,
    });
    expect(inventory.status).toBe(200);
    expect(JSON.parse(inventory.text).counts[0]).toMatchObject({ product: 'windows', release: '5-sp3', count: 12 });
    const feed = await get(`http://127.0.0.1:${port}${calendarPath}`);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe('text/calendar; charset=utf-8');
    expect(feed.text).toContain('SUMMARY:Microsoft Windows XP SP3: Security Support ends — 12 machines');
  });

  it('serves the metrics on their own port, not on PORT', async () => {
    expect((await get(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
    const metrics = await get(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.text).toContain('process_cpu_user_seconds_total');
    expect(metrics.text).toMatch(/eolwatch_answers_total\{kind="inventory-get-ok",entry="api"\} 1/);
    expect(metrics.text).toMatch(/eolwatch_catalog_age_seconds \d/);
    expect(metrics.text).toMatch(/eolwatch_store_operation_seconds_count\{operation="team"\} [1-9]/);
  });
});

describe('the daily job without Slack', () => {
  it('refreshes and purges, skips the reminders with one log line, and records its success', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'info' },
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
          done();
        },
      }),
    );
    const metrics = createMetrics(() => '2026-08-22T00:00:00Z');
    await runDailyJob(testCore(), null, logger, { uninstallGraceDays: 30, metrics });
    expect(lines.filter((line) => String(line.msg).startsWith('reminders skipped'))).toHaveLength(1);
    expect(lines.find((line) => line.job === 'sync')).toBeDefined();
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/eolwatch_daily_job_last_success_timestamp_seconds \d{10}/);
    expect(text).toMatch(/eolwatch_daily_job_duration_seconds \d/);
  });
});
