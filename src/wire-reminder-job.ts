// The daily reminder job wired to the store, the catalogue and Slack: used by main's schedule and by
// `eol reminders run [--dry-run]`.
import type { DateTime } from 'luxon';
import { toIsoDate } from './lifecycle/calendar-date.js';
import { plainFormat } from './render/formatter.js';
import { reminderText } from './render/render-reminder.js';
import { planToday, runReminders } from './reminders/run-reminders.js';
import { createSlackReminderPoster, createWebClient } from './slack/slack-reminder-poster.js';
import type { Core } from './wire-core.js';

export interface ReminderRunSummary {
  /** What to print: one line per reminder planned or posted, then the totals. */
  lines: string[];
  ok: boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runReminderJob(core: Core, clock: () => DateTime, slack: { botToken: string; apiUrl?: string } | null): Promise<ReminderRunSummary> {
  const store = await core.store();
  const deps = core.deps();
  const jobDeps = { store, releaseByKey: deps.releaseByKey, today: toIsoDate(clock()), now: () => clock().toUTC().toISO() ?? '', sleep };
  const where = (reminder: { workspace: string; channel: string }) => `${reminder.workspace}/${reminder.channel}`;
  if (!slack) {
    const planned = await planToday(jobDeps);
    const lines = planned.map((reminder) => `[dry run] ${where(reminder)}: ${reminderText(reminder, plainFormat).replace(/\n/g, ' ')}`);
    return { lines: [...lines, `${planned.length} reminder(s) due on ${jobDeps.today}; nothing posted (--dry-run).`], ok: true };
  }
  const { report } = await runReminders(jobDeps, createSlackReminderPoster(createWebClient(slack.botToken, slack.apiUrl)));
  const lines = [
    ...report.posted.map((reminder) => `posted ${where(reminder)}: ${reminder.key}${reminder.late ? ' (late)' : ''}`),
    ...report.alreadyPosted.map((reminder) => `already posted ${where(reminder)}: ${reminder.key}`),
    ...report.broken.map((broken) => `broken ${broken.workspace}/${broken.channel}: ${broken.reason}`),
    ...report.pending.map(({ reminder, reason }) => `left pending ${where(reminder)}: ${reminder.key} (${reason})`),
    `${report.posted.length} posted, ${report.alreadyPosted.length} found already posted, ${report.broken.length} channel(s) broken, ${report.pending.length} left for the next run, ${report.rateLimited} rate limit(s) met.`,
  ];
  return { lines, ok: report.pending.length === 0 && report.broken.length === 0 };
}
