// The daily reminder job over the stores and a poster: plan today's reminders, then deliver them
// (or, for a dry run, only plan). Called by the scheduler and by `eol reminders run`.
import type { Release } from '../catalog/catalog.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { InventoryStore, ReleaseKey } from '../inventory/inventory-store.js';
import { deliverReminders, type DeliveryReport, type ReminderPoster } from './deliver-reminders.js';
import { planReminders, type PlannedReminder } from './plan-reminders.js';
import type { WatchStore, WorkspaceWatches } from './watch-store.js';
import { forecastRelease } from '../forecasts/forecast-release.js';
import { pointsByRelease } from '../forecasts/release-forecasts.js';

export interface ReminderJobDeps {
  store: InventoryStore & WatchStore & Pick<AuditLog, 'appendAudit'>;
  releaseByKey: (key: ReleaseKey) => Release | undefined;
  /** The job's day (ISO date) in the configured time zone. */
  today: string;
  now: () => string;
  sleep: (ms: number) => Promise<void>;
  channelGapMs?: number;
  /** This run, as it claims what it posts; unique per run (store/run-claims.ts). */
  runId: string;
}

/** Every watching channel's machine counts, for planning reminders and notices. */
export async function countsOfWatchers(
  store: InventoryStore,
  watches: readonly WorkspaceWatches[],
): Promise<(workspace: string, channel: string) => Readonly<Record<ReleaseKey, number>>> {
  const counts = new Map<string, Readonly<Record<ReleaseKey, number>>>();
  for (const { workspace } of watches) {
    for (const team of await store.teams(workspace)) counts.set(`${workspace}|${team.channel}`, team.counts);
  }
  return (workspace, channel) => counts.get(`${workspace}|${channel}`) ?? {};
}

/**
 * Each reminder of a counted release, before its end, with the machines the team's pace leaves on it
 * that day. Histories are read only for the channels with such a reminder today.
 */
async function withMachinesLeft(
  planned: PlannedReminder[],
  store: InventoryStore,
  today: string,
): Promise<PlannedReminder[]> {
  const histories = new Map<string, ReturnType<typeof pointsByRelease>>();
  for (const reminder of planned) {
    if (!reminder.machineCount || reminder.daysLeft <= 0) continue;
    const team = `${reminder.workspace}|${reminder.channel}`;
    if (!histories.has(team))
      histories.set(
        team,
        pointsByRelease(await store.history({ workspace: reminder.workspace, channel: reminder.channel })),
      );
    const key = `${reminder.release.productName}/${reminder.release.name}`;
    const forecast = forecastRelease(histories.get(team)?.get(key) ?? [], reminder.release, today);
    const phase =
      forecast.kind === 'pace' ? forecast.phasesAhead.find((ahead) => ahead.end === reminder.end) : undefined;
    if (phase) reminder.leftAtEnd = phase.left;
  }
  return planned;
}

export async function planToday(
  deps: Pick<ReminderJobDeps, 'store' | 'releaseByKey' | 'today'>,
): Promise<PlannedReminder[]> {
  const watches = await deps.store.allWatches();
  const planned = planReminders({
    today: deps.today,
    watches,
    releaseByKey: deps.releaseByKey,
    countsOf: await countsOfWatchers(deps.store, watches),
    records: await deps.store.reminderRecords(),
    marks: await deps.store.milestoneMarks(),
  });
  return withMachinesLeft(planned, deps.store, deps.today);
}

export async function runReminders(
  deps: ReminderJobDeps,
  poster: ReminderPoster,
): Promise<{ planned: PlannedReminder[]; report: DeliveryReport }> {
  const planned = await planToday(deps);
  try {
    const report = await deliverReminders(planned, {
      store: deps.store,
      poster,
      now: deps.now,
      sleep: deps.sleep,
      channelGapMs: deps.channelGapMs,
      runId: deps.runId,
    });
    return { planned, report };
  } finally {
    // Whatever this run leaves pending is no longer held: the next run looks for it and settles it.
    await deps.store.endClaims(deps.runId);
  }
}
