// `eolwatch serve`: eolwatch without Slack, for a CMDB, a script, calendar subscribers or connectors. On
// PORT: the HTTP API, the calendar feeds and /healthz; metrics on EOLWATCH_METRICS_PORT when set; and
// the daily job (catalogue refresh, purges; reminders need Slack, and say so in the log once a day).
import { pino } from 'pino';
import { createCalendarRoute, isCalendarPath } from './api/calendar-route.js';
import { createApiHandler } from './api/create-api-handler.js';
import type { Config } from './config.js';
import { scheduleDaily } from './scheduler/schedule-daily.js';
import { holdBotLock } from './store/bot-lock.js';
import { runDailyJob } from './wire-daily-job.js';
import { answerHealth, listen } from './wire-http.js';
import { startMetrics } from './wire-metrics.js';
import { openCore } from './wire-core.js';

const STOP_DEADLINE_MS = 9_000;

export async function serve(config: Config): Promise<void> {
  const logger = pino({ level: config.logLevel, base: { app: 'eolwatch' } });
  const catalog = { generatedAt: () => '' };
  const metrics = await startMetrics(config, () => catalog.generatedAt(), { slack: false });
  const core = await openCore(config, { offload: true, metrics });
  catalog.generatedAt = () => core.refresher.info().generatedAt;
  await core.store(); // a damaged store stops the start here
  // Like the bot, one process serves a JSON store (it runs the daily job); PostgreSQL takes any number.
  const releaseLock = config.databaseUrl ? () => undefined : await holdBotLock(config.storePath);
  process.once('exit', releaseLock);
  const deps = core.deps();
  const api = createApiHandler({ commands: deps, logger });
  const calendar = createCalendarRoute({ commands: deps, logger });
  await listen(config.port, (req, res) => {
    const url = req.url ?? '';
    if (url.startsWith('/api/')) return api(req, res);
    if (isCalendarPath(url)) return calendar(req, res);
    return answerHealth(req, res);
  });
  const daily = scheduleDaily(
    'daily',
    config.reminderTime,
    config.timezone,
    () => runDailyJob(core, null, logger, { uninstallGraceDays: config.uninstallGraceDays, metrics }),
    logger,
  );
  core.setNextReminderRun(() => daily.getNextRun()?.toISOString() ?? null);
  logger.info(
    {
      mode: 'serve',
      port: config.port,
      metricsPort: config.metricsPort ?? undefined,
      releases: core.catalog.releaseCount,
      nextDailyJob: daily.getNextRun()?.toISOString(),
    },
    'eolwatch ready',
  );
  const stop = (): void => {
    setTimeout(() => process.exit(0), STOP_DEADLINE_MS).unref();
    void daily.destroy();
    void core
      .close()
      .then(releaseLock)
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
