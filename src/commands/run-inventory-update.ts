// Applies a count update to the speaker's team and answers with what changed and the exposure after:
// the one path typed counts, imports and the HTTP API share.
import { upcomingPhaseEnd } from '../inventory/classify-exposure.js';
import { AuditWriteError, type CountChange, type CountUpdate } from '../inventory/inventory-store.js';
import type { AuditEntry } from '../audit/audit-log.js';
import { computeLifecycle } from '../lifecycle/compute-lifecycle.js';
import type { AppliedChange, CommandDeps, Result, Speaker, UpgradeWarning } from './command-types.js';
import { inventoryRows, releaseKeyOf, teamLabelOf } from './inventory-rows.js';
import { AUDIT_FAILED, auditEntryOf } from './record-audit.js';
import { releaseTitle } from '../catalog/release-title.js';
import { contractsOf } from './team-contracts.js';

export function appliedChanges(changes: CountChange[], deps: CommandDeps): AppliedChange[] {
  return changes.flatMap((change) => {
    const release = deps.releaseByKey(change.release);
    return release ? [{ release, from: change.from, to: change.to }] : [];
  });
}

/** `user`: who is recorded as making the change; the speaker's user unless an API token's name. */
export async function runInventoryUpdate(
  update: CountUpdate,
  deps: CommandDeps,
  speaker: Speaker,
  asOf: string,
): Promise<Extract<Result, { kind: 'inventory-updated' }>> {
  const store = await deps.store();
  // The audit entry goes with the change (PostgreSQL: in its transaction), made from what changed.
  const audit = (changed: CountChange[]): AuditEntry | null => {
    const applied = appliedChanges(changed, deps);
    return applied.length === 0
      ? null
      : auditEntryOf(deps, speaker, {
          action: `counts.${update.action}`,
          change: `${applied.map((change) => `${releaseTitle(change.release)} ${change.from} → ${change.to}`).join(', ')}${update.file ? ` (from “${update.file}”)` : ''}`,
          releases: applied.map((change) => releaseKeyOf(change.release)),
        });
  };
  let auditWarning: string | null = null;
  const saved = await store
    .updateCounts(speaker, update, { user: speaker.user, at: deps.now().toUTC().toISO() ?? '' }, audit)
    .catch((error: unknown) => {
      // Saved, but not recorded in the audit log: said in the answer, never undone.
      if (!(error instanceof AuditWriteError)) throw error;
      auditWarning = AUDIT_FAILED;
      return error.saved;
    });
  const changes = appliedChanges(saved.changes, deps);
  const warnings: UpgradeWarning[] = changes
    .filter((change) => change.to > change.from)
    .flatMap((change) => {
      const ending = upcomingPhaseEnd(computeLifecycle(change.release, asOf));
      return ending ? [{ release: change.release, ending }] : [];
    });
  // The team as the change left it comes with the change: only the contracts are read.
  const { team } = saved;
  const withContract = await contractsOf(deps, speaker);
  return {
    kind: 'inventory-updated',
    asOf,
    team: teamLabelOf(team),
    changes,
    warnings,
    ...inventoryRows(team.counts, deps, asOf, withContract),
    ...(auditWarning ? { warning: auditWarning } : {}),
  };
}
