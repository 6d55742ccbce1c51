// Old catalogue vs new: every phase of every release whose end moved, appeared or went away.
import type { Catalog, Phase, PhaseEnd } from './catalog.js';

export interface PhaseChange {
  /** `product/release`. */
  release: string;
  phaseKey: string;
  phaseLabel: string;
  /** undefined: the phase did not exist on that side. */
  before: PhaseEnd | undefined;
  after: PhaseEnd | undefined;
}

const phasesByKey = (phases: readonly Phase[]) => new Map(phases.map((phase) => [phase.key, phase]));

export function diffCatalogs(before: Catalog, after: Catalog): PhaseChange[] {
  const changes: PhaseChange[] = [];
  for (const product of after.products) {
    const old = before.productByName.get(product.name);
    if (!old) continue;
    const oldReleases = new Map(old.releases.map((release) => [release.name, release]));
    for (const release of product.releases) {
      const previous = oldReleases.get(release.name);
      if (!previous) continue;
      const was = phasesByKey(previous.phases);
      const now = phasesByKey(release.phases);
      for (const key of new Set([...was.keys(), ...now.keys()])) {
        const a = was.get(key);
        const b = now.get(key);
        if (a?.end === b?.end) continue;
        changes.push({
          release: `${product.name}/${release.name}`,
          phaseKey: key,
          phaseLabel: (b ?? a)?.label ?? key,
          before: a?.end,
          after: b?.end,
        });
      }
    }
  }
  return changes;
}
