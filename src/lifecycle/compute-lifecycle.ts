// A release at a date -> where it stands: the current phase, each phase's end, days left or since.
// Computed from the phase end dates at query time, never from the catalogue's frozen is* flags.
import type { Phase, PhaseKind, Release } from '../catalog/catalog.js';
import { daysBetween } from './calendar-date.js';

export type Status = PhaseKind | 'unsupported' | 'unknown';

export interface PhaseState {
  phase: Phase;
  /** null when the end is unknown. An end date is the last supported day, so it ends the day after. */
  ended: boolean | null;
  daysLeft: number | null;
  daysSince: number | null;
}

export interface Lifecycle {
  asOf: string;
  status: Status;
  current: PhaseState | null;
  phases: PhaseState[];
  /** The last day of the last phase that had a date, once nothing is left. */
  unsupportedSince: string | null;
}

function stateOf(phase: Phase, asOf: string): PhaseState {
  if (typeof phase.end === 'string') {
    const delta = daysBetween(asOf, phase.end);
    return { phase, ended: delta < 0, daysLeft: delta >= 0 ? delta : null, daysSince: delta < 0 ? -delta : null };
  }
  return { phase, ended: phase.end, daysLeft: null, daysSince: null };
}

export function computeLifecycle(release: Release, asOf: string): Lifecycle {
  const phases = release.phases.map((phase) => stateOf(phase, asOf));
  // A contract only matters once the vendor's phases have ended; it is always the last phase.
  const current = phases.find((state) => state.ended === false) ?? null;
  if (current) return { asOf, status: current.phase.kind, current, phases, unsupportedSince: null };
  if (phases.some((state) => state.ended === null)) {
    return { asOf, status: 'unknown', current: null, phases, unsupportedSince: null };
  }
  const datedEnds = phases.map((state) => state.phase.end).filter((end): end is string => typeof end === 'string');
  const unsupportedSince = datedEnds.sort().at(-1) ?? null;
  return { asOf, status: 'unsupported', current: null, phases, unsupportedSince };
}
