// The daily jobs wired to the store, the catalogue and Slack: the catalogue refresh with its date-change
// notices (`eol sync`) and the reminder run (`eol reminders run [--dry-run]`); main runs both daily.
import type { DateTime } from 'luxon';
import { toIsoDate } from './leaf/calendar-date.js';
import { plainFormat } from './render/formatter.js';
import { reminderText } from './render/render-reminder.js';
import { countsOfWatchers, planToday, runReminders } from './reminders/run-reminders.js';
import { deliverNotices, type DeliveryReport } from './reminders/deliver-reminders.js';
import { planNotices, vanishedChange } from './reminders/plan-notices.js';
import { createSlackReminderPoster, createWebClient, createWorkspacePoster } from './slack/slack-reminder-poster.js';
import { newRunId } from './store/run-claims.js';
import type { Core } from './wire-core.js';
import type { Logger } from 'pino';
import type { Metrics } from './metrics/metrics.js';
import { purgeUninstalled } from './installations/purge-uninstalled.js';
import { connectorNamed, saveConnector } from './connectors/connector-records.js';
import { runCommand } from './commands/run-command.js';

/** Who the daily job acts as: never a Slack user id (those are upper-case). */
const JOB_USER = 'eolwatch-daily-job';

export interface ReminderRunSummary {
  /** What to print: one line per reminder planned or posted, then the totals. */
  lines: string[];
  ok: boolean;
  /** What a run that posted did, for the metrics. */
  report?: DeliveryReport;
}

/** How the daily jobs post: one bot token (one workspace), or each workspace's own (OAuth installs). */
export type SlackAccess =
  { botToken: string; apiUrl?: string } | { tokenFor: (workspace: string) => Promise<string | null>; apiUrl?: string };

const posterOf = (slack: SlackAccess) =>
  'botToken' in slack
    ? createSlackReminderPoster(createWebClient(slack.botToken, slack.apiUrl))
    : createWorkspacePoster(slack.tokenFor, slack.apiUrl);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runReminderJob(
  core: Core,
  clock: () => DateTime,
  slack: SlackAccess | null,
): Promise<ReminderRunSummary> {
  const store = await core.store();
  const deps = core.deps();
  const jobDeps = {
    store,
    releaseByKey: deps.releaseByKey,
    today: toIsoDate(clock()),
    now: () => clock().toUTC().toISO() ?? '',
    sleep,
    runId: newRunId(),
  };
  const where = (reminder: { workspace: string; channel: string }) => `${reminder.workspace}/${reminder.channel}`;
  if (!slack) {
    const planned = await planToday(jobDeps);
    const lines = planned.map(
      (reminder) => `[dry run] ${where(reminder)}: ${reminderText(reminder, plainFormat).replace(/\n/g, ' ')}`,
    );
    return {
      lines: [...lines, `${planned.length} reminder(s) due on ${jobDeps.today}; nothing posted (--dry-run).`],
      ok: true,
    };
  }
  const { report } = await runReminders(jobDeps, posterOf(slack));
  const lines = [
    ...report.posted.map((reminder) => `posted ${where(reminder)}: ${reminder.key}${reminder.late ? ' (late)' : ''}`),
    ...report.alreadyPosted.map((reminder) => `already posted ${where(reminder)}: ${reminder.key}`),
    ...report.broken.map((broken) => `broken ${broken.workspace}/${broken.channel}: ${broken.reason}`),
    ...report.pending.map(({ reminder, reason }) => `left pending ${where(reminder)}: ${reminder.key} (${reason})`),
    `${report.posted.length} posted, ${report.alreadyPosted.length} found already posted, ${report.heldElsewhere} being posted by another run, ${report.broken.length} channel(s) broken, ${report.pending.length} left for the next run, ${report.rateLimited} rate limit(s) met.`,
  ];
  return { lines, ok: report.pending.length === 0 && report.broken.length === 0, report };
}

/** Refreshes the catalogue; on accepted changes, tells each watching channel (when Slack is set up). */
export async function runSync(core: Core, slack: SlackAccess | null, force = false): Promise<ReminderRunSummary> {
  const outcome = await core.refresher.refresh(force);
  const info = core.refresher.info();
  if (outcome.kind === 'failed')
    return {
      lines: [`Refresh failed: ${outcome.reason}. Keeping the catalogue generated ${info.generatedAt}.`],
      ok: false,
    };
  if (outcome.kind === 'not-modified')
    return {
      lines: [`Not modified since the last refresh: keeping the catalogue generated ${info.generatedAt}.`],
      ok: true,
    };
  const lines = [
    `Accepted the catalogue generated ${info.generatedAt}: ${outcome.changes.length} phase date(s) changed.`,
    ...outcome.vanished.map(
      (release) =>
        `No longer listed by endoflife.date, kept with its last known dates: ${release.productName}/${release.name}`,
    ),
  ];
  const store = await core.store();
  const watches = await store.allWatches();
  // A catalogue accepted over the guard against mass changes is a decision someone made: every workspace
  // it touches has it in its audit log.
  if (force) {
    const at = new Date().toISOString();
    const change = `catalogue generated ${info.generatedAt} accepted with sync --force: ${outcome.changes.length} phase date(s) changed`;
    for (const { workspace } of watches) {
      await store.appendAudit({
        workspace,
        at,
        user: 'eolwatch',
        via: 'cli',
        channel: null,
        action: 'catalog.force',
        change,
        releases: [],
      });
    }
  }
  if (outcome.changes.length === 0 && outcome.vanished.length === 0) return { lines, ok: true };
  const changes = [...outcome.changes, ...outcome.vanished.map(vanishedChange)];
  const notices = planNotices(changes, watches, core.deps().releaseByKey, await countsOfWatchers(store, watches));
  if (!slack)
    return {
      lines: [
        ...lines,
        `${notices.length} date-change notice(s) for watching channels; not posted (no SLACK_BOT_TOKEN).`,
      ],
      ok: true,
    };
  const poster = posterOf(slack);
  const runId = newRunId();
  const delivered = await deliverNotices(notices, {
    store,
    poster,
    now: () => new Date().toISOString(),
    runId,
  }).finally(() => store.endClaims(runId));
  return {
    lines: [
      ...lines,
      ...delivered.failed.map((failure) => `notice not posted: ${failure}`),
      `${delivered.posted.length} date-change notice(s) posted.`,
    ],
    ok: delivered.failed.length === 0,
  };
}

/** Why reminders were not posted, counted for the metrics. */
function failuresOf(report: DeliveryReport): { reason: string; count: number }[] {
  return [
    { reason: 'broken_channel', count: report.broken.length },
    { reason: 'left_pending', count: report.pending.length },
    { reason: 'rate_limited', count: report.rateLimited },
  ].filter((failure) => failure.count > 0);
}

/**
 * The daily job, once a day among replicas: refresh the catalogue (notices of moved dates), remind on
 * the dates now in use, erase workspaces uninstalled past their grace period. Without Slack (`eolwatch
 * serve`) the reminders are skipped, and the log says so.
 */
export async function runDailyJob(
  core: Core,
  slack: SlackAccess | null,
  logger: Logger,
  options: { uninstallGraceDays: number; metrics?: Metrics },
): Promise<void> {
  const started = performance.now();
  const deps = core.deps();
  const run = await core.once('daily', toIsoDate(deps.now()), async () => {
    const sync = await runSync(core, slack);
    (sync.ok ? logger.info.bind(logger) : logger.warn.bind(logger))(
      { job: 'sync', lines: sync.lines },
      sync.lines[0] ?? 'sync',
    );
    // Counts brought up to date before the reminders say how many machines are on each release.
    await syncAllConnectors(core, slack, logger, options.metrics);
    if (slack) {
      const summary = await runReminderJob(core, deps.now, slack);
      logger.info({ job: 'reminders', lines: summary.lines }, summary.lines.at(-1) ?? 'reminders run');
      if (summary.report) options.metrics?.reminders(summary.report.posted.length, failuresOf(summary.report));
    } else {
      logger.info(
        { job: 'reminders' },
        'reminders skipped: no Slack credentials here; `eolwatch reminders run` (or the bot) posts them where Slack is set up',
      );
    }
    for (const workspace of await purgeUninstalled(
      await core.store(),
      new Date().toISOString(),
      options.uninstallGraceDays,
    ))
      logger.warn(
        { job: 'purge', workspace },
        `erased the data of a workspace uninstalled over ${options.uninstallGraceDays} days ago`,
      );
  });
  if (!run.ran) logger.info({ job: 'daily', by: run.by }, 'daily job already run today by another replica');
  else options.metrics?.dailyJobSucceeded(Date.now(), (performance.now() - started) / 1000);
}

/**
 * Every connector of every workspace synced, one after another. A failure changes nothing; the first
 * failure since the last good sync is told to the workspace's admins (once, not every day), and the
 * audit log has each.
 */
export async function syncAllConnectors(
  core: Core,
  slack: SlackAccess | null,
  logger: Logger,
  metrics?: Metrics,
): Promise<void> {
  const store = await core.store();
  const wired = core.deps();
  // The job syncs as `connector sync` does, through the pipeline, with an admin's standing.
  const deps = { ...wired, admins: new Set([...wired.admins, JOB_USER]) };
  const workspaces = new Set((await store.installationKeys('X:')).map((key) => key.slice(2).split('|')[0] ?? ''));
  for (const workspace of workspaces) {
    const speaker = { workspace, channel: '', user: JOB_USER, via: 'scheduler' as const };
    const result = await runCommand({ kind: 'connector-sync', name: null, dryRun: false }, deps, speaker);
    if (result.kind !== 'connector-synced') continue; // no connectors left in this workspace
    for (const { connector, summary } of result.syncs) {
      metrics?.connectorSync(summary.ok, summary.devices);
      if (summary.ok) {
        logger.info(
          { job: 'connectors', connector: connector.name, workspace, devices: summary.devices },
          'connector synced',
        );
        continue;
      }
      logger.warn(
        { job: 'connectors', connector: connector.name, workspace, error: summary.error },
        'connector sync failed',
      );
      if (connector.failureToldAt || !slack) continue;
      const admins = [...new Set([...wired.admins, ...(await store.admins(workspace))])];
      await posterOf(slack).tellUsers(
        workspace,
        admins,
        `The connector “${connector.name}” could not sync today, so #${connector.channel}'s counts were left as they were: ${summary.error ?? 'no reason given'}. \`/eol connectors\` shows it; you will not be told again until it has synced once.`,
      );
      const stored = await connectorNamed(store, workspace, connector.name);
      if (stored) await saveConnector(store, { ...stored, failureToldAt: summary.at });
    }
  }
}
