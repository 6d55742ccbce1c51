// Exactly one run posts each reminder and notice, however many run at once on one store (the bot's
// daily job, `eol reminders run`, `eol sync`, another replica): a run claims a key before posting it,
// and the claim is decided here, inside the store's lock. Pure: whether a holder is still alive is the
// store's to say (a process on this host is checked by pid; any claim expires after a lease).
import type { ClaimResult, ReminderClaim, ReminderRecord } from './watch-store.js';

/** A claim no run has touched for this long is stale whoever holds it: a run never takes this long. */
const CLAIM_LEASE_MS = 60 * 60 * 1000;

export function decideClaim(
  existing: ReminderRecord | undefined,
  claim: ReminderClaim,
  holderAlive: (claimedBy: string, claimedAt: string) => boolean,
): { result: ClaimResult; record: ReminderRecord | null } {
  const record: ReminderRecord = {
    status: 'pending',
    at: claim.at,
    ts: null,
    late: claim.late,
    claimedBy: claim.runId,
  };
  if (!existing) return { result: { kind: 'claimed' }, record };
  if (existing.status === 'sent') return { result: { kind: 'sent' }, record: null };
  if (existing.claimedBy === claim.runId) return { result: { kind: 'claimed' }, record: null };
  if (existing.claimedBy && holderAlive(existing.claimedBy, existing.at))
    return { result: { kind: 'held', by: existing.claimedBy }, record: null };
  return { result: { kind: 'reclaimed', since: existing.at }, record };
}

export function withoutClaim(record: ReminderRecord): ReminderRecord {
  const { claimedBy: _ended, ...rest } = record;
  return rest;
}

/** Whether a claim is within its lease, by the clock: the rule a store without pids uses alone. */
export function withinLease(claimedAt: string, now: string): boolean {
  return Date.parse(now) - Date.parse(claimedAt) < CLAIM_LEASE_MS;
}
