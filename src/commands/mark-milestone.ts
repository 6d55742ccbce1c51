// A reminder's buttons (Snooze, Mark handled) and the Undo beside a handled milestone: the channel's mark
// on one milestone, changed (the pipeline records it in the audit log). Typed by buttons, never parsed.
import { addDays, toIsoDate } from '../leaf/calendar-date.js';
import type { RequestHandlers, RequestOf } from './command-definition.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';
import type { AuditChange } from './record-audit.js';

const MAX_SNOOZE_DAYS = 365;

export const markMilestoneRun: RequestHandlers = { 'milestone-mark': markMilestone };

async function markMilestone(
  { milestone, mark }: RequestOf<'milestone-mark'>,
  deps: CommandDeps,
  speaker: Speaker,
): Promise<Result> {
  // `T1|C1|windows/8.1|eol`. It came back from Slack's client: only the asker's channel's own is marked.
  const [workspace, channel, release = ''] = milestone.split('|');
  if (workspace !== speaker.workspace || channel !== speaker.channel)
    return { kind: 'invalid', reason: 'That reminder belongs to another channel.' };
  const store = await deps.store();
  const now = deps.now();
  const today = toIsoDate(now);
  const marked = { kind: 'milestone-marked', milestone, release, by: speaker.user, on: today } as const;
  if (mark === 'unhandled') {
    // Reminders of it resume from its next lead time on; undoing what is not handled changes nothing.
    const changed = (await store.milestoneMarks())[milestone]?.handledAt !== undefined;
    if (changed) await store.markMilestone(milestone, { handledBy: undefined, handledAt: undefined });
    return { ...marked, mark, until: null, changed };
  }
  if (mark === 'handled') {
    await store.markMilestone(milestone, { handledBy: speaker.user, handledAt: now.toUTC().toISO() ?? today });
    return { ...marked, mark, until: null, changed: true };
  }
  if (!Number.isInteger(mark.snoozeDays) || mark.snoozeDays < 1 || mark.snoozeDays > MAX_SNOOZE_DAYS)
    return { kind: 'invalid', reason: `A snooze is 1 to ${MAX_SNOOZE_DAYS} days.` };
  const until = addDays(today, mark.snoozeDays);
  await store.markMilestone(milestone, { snoozedUntil: until, snoozedBy: speaker.user, snoozedAt: today });
  return { ...marked, mark: 'snoozed', until, changed: true };
}

/** A mark that changed, for the audit log; an undo of what was not handled records nothing. */
export function milestoneAudit(result: Result): AuditChange | null {
  if (result.kind !== 'milestone-marked' || !result.changed) return null;
  const change =
    result.mark === 'snoozed'
      ? `until ${result.until ?? ''}`
      : result.mark === 'handled'
        ? 'not handled → handled'
        : 'handled → not handled';
  const action = result.mark === 'snoozed' ? 'milestone.snooze' : `milestone.${result.mark}`;
  return { action, change: `${result.milestone}: ${change}`, releases: [result.release] };
}
