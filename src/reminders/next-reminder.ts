// The next day a watch will remind its channel, for `/eol watches`.
import type { Release } from '../catalog/catalog.js';
import { addDays } from '../lifecycle/calendar-date.js';
import { milestoneKey, reminderKey, type MilestoneMark, type ReminderRecord, type WatchedRelease } from './watch-store.js';
import type { TeamRef } from '../inventory/inventory-store.js';

export interface NextReminder {
  date: string;
  phaseLabel: string;
  end: string;
}

export function nextReminder(
  ref: TeamRef,
  key: string,
  release: Release,
  watched: WatchedRelease,
  today: string,
  marks: Readonly<Record<string, MilestoneMark>>,
  records: Readonly<Record<string, ReminderRecord>>,
): NextReminder | null {
  let best: NextReminder | null = null;
  for (const phase of release.phases) {
    if (typeof phase.end !== 'string') continue;
    const milestone = milestoneKey(ref, key, phase.key);
    const mark = marks[milestone];
    if (mark?.handledAt) continue;
    for (const lead of watched.leads) {
      let date = addDays(phase.end, -lead);
      if (mark?.snoozedUntil && date > (mark.snoozedAt ?? '') && date < mark.snoozedUntil) date = mark.snoozedUntil;
      if (date < today || date < watched.createdAt || records[reminderKey(milestone, phase.end, String(lead))]?.status === 'sent') continue;
      if (!best || date < best.date) best = { date, phaseLabel: phase.label, end: phase.end };
    }
  }
  return best;
}
