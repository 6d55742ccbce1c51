// Entry point: reads the configuration, wires the core, and runs Slack (Socket Mode or HTTP) or,
// with no Slack credentials, the local shell.
import { HTTP_SERVER_OPTIONS, MAX_CONNECTIONS } from './net/http-server-options.js';
import { createCalendarRoute, isCalendarPath } from './api/calendar-route.js';
import { pino } from 'pino';
import { loadDotEnv } from './load-dot-env.js';
import { useProxy } from './net/use-proxy.js';
import { loadConfig, slackModeOf, type Config, type SlackMode } from './config.js';
import { describeStartupError, StartupError } from './describe-startup-error.js';
import { runShell } from './shell/run-shell.js';
import type { Server } from 'node:http';
import { answerHealth, listen } from './wire-http.js';
import { createApiHandler } from './api/create-api-handler.js';
import { createSlackApp, type SlackConnection } from './slack/create-slack-app.js';
import { scheduleDaily } from './scheduler/schedule-daily.js';
import { openCore } from './wire-core.js';
import { holdBotLock } from './store/bot-lock.js';
import { runDailyJob, type SlackAccess } from './wire-daily-job.js';
import { botTokenOf, createInstallationStore, orgWorkspaceRememberer } from './slack/installation-store.js';
import type { InstallationStore, StateStore } from '@slack/bolt';
import { createOneTimeStateStore } from './slack/one-time-state-store.js';
import { uninstallHandler } from './slack/uninstall-handler.js';
import { startMetrics } from './wire-metrics.js';

const STOP_DEADLINE_MS = 9_000;
/** Slack's client retries for about half an hour; a start that cannot reach Slack says so well before. */
const SLACK_REACH_DEADLINE_MS = 30_000;

/** The promise, or a StartupError with `message` once `ms` have passed. */
function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StartupError(message)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function connectionOf(
  config: Config,
  mode: SlackMode,
  installationStore: InstallationStore,
  rememberOrgWorkspace: (teamId: string, enterpriseId: string) => Promise<void>,
  stateStore: StateStore,
): SlackConnection {
  const { botToken = '', appToken = '', signingSecret = '', apiUrl, oauth } = config.slack;
  if (mode === 'oauth' && oauth)
    return { mode: 'oauth', signingSecret, ...oauth, installationStore, stateStore, apiUrl, rememberOrgWorkspace };
  return mode === 'socket'
    ? { mode: 'socket', botToken, appToken, apiUrl }
    : { mode: 'http', botToken, signingSecret, apiUrl };
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig(process.env);
  await useProxy(config.proxy);
  const mode = slackModeOf(config);
  const logger = pino({ level: config.logLevel, base: { app: 'eolwatch' } });
  const catalog = { generatedAt: () => '' };
  const metrics = await startMetrics(config, () => catalog.generatedAt());
  const core = await openCore(config, { offload: true, metrics });
  catalog.generatedAt = () => core.refresher.info().generatedAt;
  await core.store(); // a damaged store stops the start here, before anyone is told "saved"
  const deps = core.deps();
  if (mode === 'shell') {
    await runShell(deps, { input: process.stdin, output: process.stdout });
    await core.close();
    return;
  }
  const releaseBotLock = config.databaseUrl ? () => undefined : await holdBotLock(config.storePath);
  process.once('exit', releaseBotLock);
  const installationStore = createInstallationStore(core.store);
  const onUninstall = uninstallHandler(
    mode === 'oauth' ? installationStore : null,
    mode === 'oauth' ? core.store : null,
    () => new Date().toISOString(),
    logger,
  );
  const rememberOrgWorkspace = orgWorkspaceRememberer(core.store);
  const app = createSlackApp(
    connectionOf(config, mode, installationStore, rememberOrgWorkspace, createOneTimeStateStore(core.store)),
    {
      commands: deps,
      logger,
      onUninstall,
    },
  );
  const unreachable = `cannot reach Slack at ${config.slack.apiUrl ?? 'https://slack.com/api/'} within ${SLACK_REACH_DEADLINE_MS / 1000} s (network, DNS, firewall or proxy? HTTPS_PROXY is honoured).`;
  await withDeadline(app.init(), SLACK_REACH_DEADLINE_MS, unreachable);
  if (mode === 'http' || mode === 'oauth') {
    const server = (await app.start(config.port, HTTP_SERVER_OPTIONS)) as Server;
    server.maxConnections = MAX_CONNECTIONS;
  } else {
    await withDeadline(app.start(), SLACK_REACH_DEADLINE_MS, unreachable);
    // Socket Mode has no HTTP port of its own: the API on EOLWATCH_API_PORT, /healthz on PORT if set.
    if (config.apiPort !== null) {
      const api = createApiHandler({ commands: deps, logger });
      const calendar = createCalendarRoute({ commands: deps, logger });
      await listen(config.apiPort, (req, res) => (isCalendarPath(req.url ?? '') ? calendar(req, res) : api(req, res)));
    }
    if (config.portSet) await listen(config.port, answerHealth);
  }
  const slack: SlackAccess =
    mode === 'oauth'
      ? { tokenFor: async (workspace) => botTokenOf(await core.store(), workspace), apiUrl: config.slack.apiUrl }
      : { botToken: config.slack.botToken ?? '', apiUrl: config.slack.apiUrl };
  // One daily job: refresh the catalogue (notices of moved dates), then remind on the dates now in use.
  const reminders = scheduleDaily(
    'daily',
    config.reminderTime,
    config.timezone,
    () => runDailyJob(core, slack, logger, { uninstallGraceDays: config.uninstallGraceDays, metrics }),
    logger,
  );
  core.setNextReminderRun(() => reminders.getNextRun()?.toISOString() ?? null);
  logger.info(
    {
      mode,
      port: mode === 'http' || mode === 'oauth' ? config.port : undefined,
      apiPort: mode === 'socket' ? (config.apiPort ?? undefined) : undefined,
      releases: core.catalog.releaseCount,
      nextReminderRun: reminders.getNextRun()?.toISOString(),
    },
    'eolwatch ready',
  );
  // SIGTERM (a deploy, docker stop): stop taking requests, flush the store, exit 0 within 10 s. A daily
  // job cut short is safe: its claims are taken over and its posts found by the next run.
  const stop = (): void => {
    setTimeout(() => {
      logger.warn('stop took over 9 s: exiting; an unfinished reminder run is completed by the next one');
      process.exit(0);
    }, STOP_DEADLINE_MS).unref();
    void reminders.destroy();
    void app
      .stop()
      .then(() => core.close())
      .then(releaseBotLock)
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`eolwatch: ${describeStartupError(error)}\n`);
  process.exit(1);
});
