// A release at a date -> where it stands: the current phase, each phase's end, days left or since.
// Computed from the phase end dates at query time, never from the catalogue's frozen is* flags.
import type { Phase, PhaseKind, Release } from '../catalog/catalog.js';
import { daysBetween } from '../leaf/calendar-date.js';

export type Status = PhaseKind | 'unsupported' | 'unknown' | 'unreleased';

export interface PhaseState {
  phase: Phase;
  /** null when the end is unknown. An end date is the last supported day, so it ends the day after. */
  ended: boolean | null;
  daysLeft: number | null;
  daysSince: number | null;
  /** A phase that ended on a day nobody published ended no earlier than this: the latest dated end before it. */
  endsAfter?: string;
}

export interface Lifecycle {
  asOf: string;
  status: Status;
  current: PhaseState | null;
  phases: PhaseState[];
  /** The last supported day, once nothing is left: the end of the vendor's last phase (or the contract's). Null when not published. */
  unsupportedSince: string | null;
  releaseDate: string;
  /** The release's product, for words that depend on it (who pays for its extended phase). */
  productName: string;
}

// Vendor phases nest: security updates outlast active support, and paid extended support outlasts both.
// So once a later kind has ended, the earlier kinds have too, whatever their own (missing) end says.
const NESTING: Readonly<Record<PhaseKind, number | null>> = { active: 0, security: 1, extended: 2, contract: null };

function stateOf(phase: Phase, asOf: string, endsAfter: string | null): PhaseState {
  if (typeof phase.end === 'string') {
    const delta = daysBetween(asOf, phase.end);
    return { phase, ended: delta < 0, daysLeft: delta >= 0 ? delta : null, daysSince: delta < 0 ? -delta : null };
  }
  // Ended on an unpublished day, but not before the dated phases ahead of it: on or before their last
  // day it was still running (Amazon RDS for MySQL 5.6 had security support to 2022-03-01).
  if (phase.end === true && endsAfter !== null)
    return { phase, ended: asOf > endsAfter, daysLeft: null, daysSince: null, endsAfter };
  return { phase, ended: phase.end, daysLeft: null, daysSince: null };
}

/**
 * Each phase's state, and nesting applied: a phase that ended on an unpublished day is floored at the
 * latest dated end among the vendor phases before it, and once a later kind has ended the earlier
 * kinds have too. One pass and one fix-up, no intermediate arrays: this runs for every release /eol
 * names or lists.
 */
function phaseStates(phases: readonly Phase[], asOf: string): PhaseState[] {
  const states: PhaseState[] = new Array<PhaseState>(phases.length);
  let latestDated: string | null = null;
  let highestEnded = -1;
  for (let index = 0; index < phases.length; index += 1) {
    const phase = phases[index] as Phase;
    const rank = NESTING[phase.kind];
    const state = stateOf(phase, asOf, phase.end === true ? latestDated : null);
    if (typeof phase.end === 'string' && rank !== null && (latestDated === null || phase.end > latestDated))
      latestDated = phase.end;
    if (state.ended === true && rank !== null && rank > highestEnded) highestEnded = rank;
    states[index] = state;
  }
  for (let index = 0; index < states.length; index += 1) {
    const state = states[index] as PhaseState;
    const rank = NESTING[state.phase.kind];
    if (rank !== null && rank < highestEnded && state.ended !== true)
      states[index] = { ...state, ended: true, daysLeft: null };
  }
  return states;
}

/** The day support ended: the latest end among the highest kind of vendor phase that ended, never another phase's date. */
function lastSupportedDay(states: PhaseState[]): string | null {
  const vendor = states.filter((state) => NESTING[state.phase.kind] !== null);
  const highest = Math.max(...vendor.map((state) => NESTING[state.phase.kind] as number));
  const ends = vendor.filter((state) => NESTING[state.phase.kind] === highest).map((state) => state.phase.end);
  const vendorDay = ends.every((end) => typeof end === 'string') ? (ends.sort().at(-1) ?? null) : null;
  const contract = states.find((state) => state.phase.kind === 'contract')?.phase.end;
  return typeof contract === 'string' && (vendorDay === null || contract > vendorDay) ? contract : vendorDay;
}

export function computeLifecycle(release: Release, asOf: string): Lifecycle {
  const phases = phaseStates(release.phases, asOf);
  const { releaseDate, productName } = release;
  const lifecycle = (
    status: Status,
    current: PhaseState | null,
    unsupportedSince: string | null = null,
  ): Lifecycle => ({
    asOf,
    status,
    current,
    phases,
    unsupportedSince,
    releaseDate,
    productName,
  });
  if (releaseDate > asOf) return lifecycle('unreleased', null);
  // A contract only matters once the vendor's phases have ended; it is always the last phase.
  const current = phases.find((state) => state.ended === false) ?? null;
  if (current) return lifecycle(current.phase.kind, current);
  if (phases.some((state) => state.ended === null)) return lifecycle('unknown', null);
  return lifecycle('unsupported', null, lastSupportedDay(phases));
}
