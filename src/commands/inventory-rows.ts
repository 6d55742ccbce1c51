// Counts keyed by release -> rows with each release's lifecycle today, worst exposure first, and totals.
import type { Release } from '../catalog/catalog.js';
import {
  addToTotals,
  classifyExposure,
  emptyTotals,
  type Exposure,
  type ExposureTotals,
} from '../inventory/classify-exposure.js';
import { computeLifecycle, type Lifecycle } from '../lifecycle/compute-lifecycle.js';
import type { CommandDeps, InventoryRow, TeamLabel } from './command-types.js';
import type { TeamState } from '../inventory/inventory-store.js';

const SEVERITY: Exposure[] = ['unsupported', 'paid-only', 'covered', 'at-risk', 'unknown', 'supported'];

export const releaseKeyOf = (release: Release): string => `${release.productName}/${release.name}`;

export const teamLabelOf = (team: TeamState): TeamLabel => ({ channel: team.channel, name: team.name });

export function inventoryRows(
  counts: Readonly<Record<string, number>>,
  deps: CommandDeps,
  asOf: string,
  withContract: (release: Release) => Release = (release) => release,
  /** Where a release stands on `asOf`; the report passes one that remembers, shared by every team. */
  lifecycleOf: (release: Release) => Lifecycle = (release) => computeLifecycle(release, asOf),
): { rows: InventoryRow[]; totals: ExposureTotals } {
  const totals = emptyTotals();
  const rows: (InventoryRow & { exposure: Exposure })[] = [];
  for (const [key, count] of Object.entries(counts)) {
    const found = deps.releaseByKey(key);
    // A release the catalogue dropped still counts, as unknown, rather than vanishing from the totals.
    if (!found) {
      addToTotals(totals, 'unknown', count);
      continue;
    }
    const release = withContract(found);
    const lifecycle = lifecycleOf(release);
    const exposure = classifyExposure(lifecycle);
    addToTotals(totals, exposure, count);
    rows.push({ release, lifecycle, count, exposure });
  }
  rows.sort((a, b) => SEVERITY.indexOf(a.exposure) - SEVERITY.indexOf(b.exposure) || b.count - a.count);
  return { rows: rows.map(({ exposure: _exposure, ...row }) => row), totals };
}
