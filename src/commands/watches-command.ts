// `/eol watches`: this channel's watches, each with its next reminder, and anything broken or handled.
import { toIsoDate } from '../leaf/calendar-date.js';
import { nextReminder } from '../reminders/next-reminder.js';
import { milestoneKey } from '../reminders/watch-store.js';
import type { CommandDefinition } from './command-definition.js';
import { markMilestoneRun, milestoneAudit } from './mark-milestone.js';
import type { CommandDeps, Result, Speaker, WatchRow } from './command-types.js';

export const watchesCommand: CommandDefinition = {
  name: 'watches',
  usage: '/eol watches',
  summary:
    "This channel's watches with the next reminder of each, who marked what handled, and whether delivery is broken.",
  parse: () => ({ kind: 'watches' }),
  // The marks it lists are changed by the reminders' buttons.
  run: { watches: (_request, deps, speaker) => runWatches(deps, speaker), ...markMilestoneRun },
  audit: milestoneAudit,
};

async function runWatches(deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const store = await deps.store();
  const today = toIsoDate(deps.now());
  const [channel, marks, records, team] = await Promise.all([
    store.channelWatches(speaker),
    store.milestoneMarks(),
    store.reminderRecords(),
    store.team(speaker),
  ]);
  const rows: WatchRow[] = [];
  for (const [key, watched] of Object.entries(channel.releases)) {
    const release = deps.releaseByKey(key);
    if (!release || (watched.source === 'auto' && (!channel.autoWatch || !team.counts[key]))) continue;
    const handled = release.phases.flatMap((phase) => {
      const milestone = milestoneKey(speaker, key, phase.key);
      const mark = marks[milestone];
      return mark?.handledAt
        ? [{ milestone, phaseLabel: phase.label, by: mark.handledBy ?? '', at: mark.handledAt }]
        : [];
    });
    rows.push({
      release,
      source: watched.source,
      leads: watched.leads,
      next: nextReminder(speaker, key, release, watched, today, marks, records),
      handled,
    });
  }
  rows.sort((a, b) => (a.next?.date ?? '9999').localeCompare(b.next?.date ?? '9999'));
  return { kind: 'watches', asOf: today, broken: channel.broken, autoWatch: channel.autoWatch, rows };
}
