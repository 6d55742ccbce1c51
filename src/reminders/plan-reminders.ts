// Which reminders are due on a day, for every watch: pure planning, no I/O.
//
// A milestone is the end of one phase of a watched release. Each lead time gives it a due day (end
// minus lead). On a day, a milestone posts its most recent due slot if that one was never posted:
// after downtime that is one late reminder, never a burst of the missed ones. Slots due before the
// watch was created, snoozed slots and handled milestones post nothing.
import type { Release } from '../catalog/catalog.js';
import { applyContract } from '../contracts/apply-contract.js';
import type { ReleaseKey } from '../inventory/inventory-store.js';
import { addDays, daysBetween } from '../leaf/calendar-date.js';
import {
  milestoneKey,
  reminderKey,
  type MilestoneMark,
  type ReminderRecord,
  type WorkspaceWatches,
} from './watch-store.js';

export interface PlannedReminder {
  key: string;
  milestone: string;
  workspace: string;
  channel: string;
  release: Release;
  phase: { key: string; label: string; kind: string };
  end: string;
  dueDate: string;
  /** Days from the run's day to the end; negative once it has passed (a late "ended" notice). */
  daysLeft: number;
  late: boolean;
  /** The next phase with a date after this one, if any: what remains. */
  /** `extended`: the next phase is extended support, whose cost depends on the product. */
  after: { label: string; end: string; extended: boolean } | null;
  machineCount: number | null;
  /** Machines still on it at the end at the team's pace (forecasts/), when its history gives one. */
  leftAtEnd?: number;
  /**
   * The first reminder of the same milestone and end date posted in this channel: later ones reply in
   * its thread, so a channel sees one thread per milestone; `broadcast` also shows the reply in the
   * channel, for the last week and the end day.
   */
  thread: { ts: string; broadcast: boolean } | null;
}

/** Within this many days of the end, a reply in the thread is shown in the channel too. */
const BROADCAST_DAYS = 7;

function threadOf(
  records: Readonly<Record<string, ReminderRecord>>,
  milestone: string,
  end: string,
  daysLeft: number,
): PlannedReminder['thread'] {
  const prefix = `${milestone}|${end}|`;
  let first: { ts: string; at: string } | null = null;
  for (const [key, record] of Object.entries(records)) {
    if (!key.startsWith(prefix) || record.status !== 'sent' || !record.ts) continue;
    if (!first || record.at < first.at) first = { ts: record.ts, at: record.at };
  }
  return first ? { ts: first.ts, broadcast: daysLeft <= BROADCAST_DAYS } : null;
}

export interface PlanInput {
  today: string;
  watches: WorkspaceWatches[];
  releaseByKey: (key: ReleaseKey) => Release | undefined;
  countsOf: (workspace: string, channel: string) => Readonly<Record<ReleaseKey, number>>;
  records: Readonly<Record<string, ReminderRecord>>;
  marks: Readonly<Record<string, MilestoneMark>>;
}

interface Slot {
  name: string;
  dueDate: string;
}

function slotsOf(end: string, leads: readonly number[], mark: MilestoneMark | undefined): Slot[] {
  const slots = leads.map((lead) => ({ name: String(lead), dueDate: addDays(end, -lead) }));
  if (!mark?.snoozedUntil) return slots;
  const { snoozedAt = '', snoozedUntil } = mark;
  // A snooze silences the slots inside its window and brings one reminder at its end.
  return [
    ...slots.filter((slot) => slot.dueDate <= snoozedAt || slot.dueDate >= snoozedUntil),
    { name: `snooze-${snoozedUntil}`, dueDate: snoozedUntil },
  ];
}

export function planReminders(input: PlanInput): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  for (const { workspace, channels } of input.watches) {
    for (const channel of channels) {
      if (channel.broken) continue;
      const counts = input.countsOf(workspace, channel.channel);
      const ref = { workspace, channel: channel.channel };
      for (const [key, watched] of Object.entries(channel.releases)) {
        const base = input.releaseByKey(key);
        if (!base) continue;
        const release = applyContract(base, channel.contracts[key]);
        if (watched.source === 'auto' && (!channel.autoWatch || !counts[key])) continue;
        const dated = release.phases.filter(
          (phase): phase is typeof phase & { end: string } => typeof phase.end === 'string',
        );
        for (const [index, phase] of dated.entries()) {
          const milestone = milestoneKey(ref, key, phase.key);
          const mark = input.marks[milestone];
          if (mark?.handledAt) continue;
          const due = slotsOf(phase.end, watched.leads, mark)
            .filter((slot) => slot.dueDate <= input.today && slot.dueDate >= watched.createdAt)
            .sort((a, b) => b.dueDate.localeCompare(a.dueDate))[0];
          if (!due) continue;
          const reminder = reminderKey(milestone, phase.end, due.name);
          if (input.records[reminder]?.status === 'sent') continue;
          const next = dated[index + 1];
          planned.push({
            key: reminder,
            milestone,
            workspace,
            channel: channel.channel,
            release,
            phase: { key: phase.key, label: phase.label, kind: phase.kind },
            end: phase.end,
            dueDate: due.dueDate,
            daysLeft: daysBetween(input.today, phase.end),
            late: due.dueDate < input.today,
            after: next ? { label: next.label, end: next.end, extended: next.kind === 'extended' } : null,
            machineCount: counts[key] ?? null,
            thread: threadOf(input.records, milestone, phase.end, daysBetween(input.today, phase.end)),
          });
        }
      }
    }
  }
  return planned;
}
