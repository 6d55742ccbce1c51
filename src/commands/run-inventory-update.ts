// Applies a count update to the speaker's team and answers with what changed and the exposure after:
// the one path typed counts, imports and the HTTP API share.
import { upcomingPhaseEnd } from '../inventory/classify-exposure.js';
import type { CountChange, CountUpdate } from '../inventory/inventory-store.js';
import { computeLifecycle } from '../lifecycle/compute-lifecycle.js';
import type { AppliedChange, CommandDeps, Result, Speaker, UpgradeWarning } from './command-types.js';
import { inventoryRows, releaseKeyOf, teamLabelOf } from './inventory-rows.js';
import { recordAudit } from './record-audit.js';
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
  const changes = appliedChanges(
    await store.updateCounts(speaker, update, { user: speaker.user, at: deps.now().toUTC().toISO() ?? '' }),
    deps,
  );
  const warnings: UpgradeWarning[] = changes
    .filter((change) => change.to > change.from)
    .flatMap((change) => {
      const ending = upcomingPhaseEnd(computeLifecycle(change.release, asOf));
      return ending ? [{ release: change.release, ending }] : [];
    });
  const auditWarning =
    changes.length === 0
      ? null
      : await recordAudit(deps, speaker, {
          action: `counts.${update.action}`,
          change: `${changes.map((change) => `${releaseTitle(change.release)} ${change.from} → ${change.to}`).join(', ')}${update.file ? ` (from “${update.file}”)` : ''}`,
          releases: changes.map((change) => releaseKeyOf(change.release)),
        });
  const team = await store.team(speaker);
  return {
    kind: 'inventory-updated',
    asOf,
    team: teamLabelOf(team),
    changes,
    warnings,
    ...inventoryRows(team.counts, deps, asOf, await contractsOf(deps, speaker)),
    ...(auditWarning ? { warning: auditWarning } : {}),
  };
}
