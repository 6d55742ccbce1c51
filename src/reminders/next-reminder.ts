// The next day a watch will remind its channel, for `/eol watches`.
import type { Release } from '../catalog/catalog.js';
import { dateOfDay, dayNumber } from '../leaf/calendar-date.js';
import {
  milestoneKey,
  reminderKey,
  type MilestoneMark,
  type ReminderRecord,
  type WatchedRelease,
} from './watch-store.js';
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
  // In whole days: the Home tab asks this of every watch of a workspace (26,000 for 1,000 teams).
  const earliest = Math.max(dayNumber(today), dayNumber(watched.createdAt));
  let best: { day: number; phaseLabel: string; end: string } | null = null;
  for (const phase of release.phases) {
    if (typeof phase.end !== 'string') continue;
    const milestone = milestoneKey(ref, key, phase.key);
    const mark = marks[milestone];
    if (mark?.handledAt) continue;
    const end = dayNumber(phase.end);
    const snoozedAt = mark?.snoozedUntil ? dayNumber(mark.snoozedAt ?? '0000-01-01') : null;
    const snoozedUntil = mark?.snoozedUntil ? dayNumber(mark.snoozedUntil) : null;
    for (const lead of watched.leads) {
      let day = end - lead;
      if (snoozedAt !== null && snoozedUntil !== null && day > snoozedAt && day < snoozedUntil) day = snoozedUntil;
      // Only a day that would be the new earliest is looked up in the delivery records.
      if (
        day < earliest ||
        (best && day >= best.day) ||
        records[reminderKey(milestone, phase.end, String(lead))]?.status === 'sent'
      )
        continue;
      best = { day, phaseLabel: phase.label, end: phase.end };
    }
  }
  return best && { date: dateOfDay(best.day), phaseLabel: best.phaseLabel, end: best.end };
}
