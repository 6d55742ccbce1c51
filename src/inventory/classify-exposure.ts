// How exposed a machine on a release is today: out of support, on extended support only (`paid-only`:
// the key predates the table of who pays, catalog/names/extended-support.ts, and the API carries it),
// losing free support soon, or fine. The buckets the inventory and the report count machines in.
import type { Lifecycle, PhaseState } from '../lifecycle/compute-lifecycle.js';

export type Exposure = 'unsupported' | 'paid-only' | 'covered' | 'at-risk' | 'supported' | 'unknown';

/** "Losing support soon": the vendor's free support ends within this many days. */
export const AT_RISK_DAYS = 180;
/** Raising a count on a release whose next phase ends within this many days gets a warning. */
const UPGRADE_WARNING_DAYS = 365;

/** The end of the vendor's free support (the last non-paid phase), if it is still running. */
function freeSupportEnd(lifecycle: Lifecycle): PhaseState | null {
  const free = lifecycle.phases.filter((state) => state.phase.kind === 'active' || state.phase.kind === 'security');
  const last = free.at(-1);
  return last && last.ended === false ? last : null;
}

export function classifyExposure(lifecycle: Lifecycle): Exposure {
  switch (lifecycle.status) {
    case 'unsupported':
      return 'unsupported';
    case 'extended':
      return 'paid-only';
    case 'contract':
      return 'covered';
    case 'unknown':
      return 'unknown';
    default: {
      const daysLeft = freeSupportEnd(lifecycle)?.daysLeft;
      return daysLeft !== null && daysLeft !== undefined && daysLeft <= AT_RISK_DAYS ? 'at-risk' : 'supported';
    }
  }
}

/** The next free-support phase to end within UPGRADE_WARNING_DAYS: the Met's Windows 8.1 lesson. */
export function upcomingPhaseEnd(lifecycle: Lifecycle): PhaseState | null {
  return (
    lifecycle.phases.find(
      (state) =>
        (state.phase.kind === 'active' || state.phase.kind === 'security') &&
        state.ended === false &&
        state.daysLeft !== null &&
        state.daysLeft <= UPGRADE_WARNING_DAYS,
    ) ?? null
  );
}

export type ExposureTotals = Record<Exposure, number> & { total: number };

export function emptyTotals(): ExposureTotals {
  return { unsupported: 0, 'paid-only': 0, covered: 0, 'at-risk': 0, supported: 0, unknown: 0, total: 0 };
}

export function addToTotals(totals: ExposureTotals, exposure: Exposure, count: number): void {
  totals[exposure] += count;
  totals.total += count;
}
