// A team's own support contract (the Met's Custom Support Agreement for XP) as one more phase of a
// release, after the vendor's: lookups, inventory, reports and reminders then treat it like any phase.
import type { Release } from '../catalog/catalog.js';

export interface Contract {
  /** The last covered day (ISO date). */
  until: string;
  name: string;
  by: string;
  at: string;
}

export const CONTRACT_PHASE_KEY = 'contract';

export function applyContract(release: Release, contract: Contract | undefined): Release {
  if (!contract) return release;
  return {
    ...release,
    phases: [
      ...release.phases,
      { key: CONTRACT_PHASE_KEY, label: contract.name, kind: 'contract', end: contract.until },
    ],
  };
}
