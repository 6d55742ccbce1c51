// A refresh may not make a release that teams rely on vanish: machines counted on it would become
// "unknown" and its reminders stop, silently. Releases in use (counted, watched, under contract) that
// the new catalogue lacks keep their last known facts, marked with the day they went; pure.
import { assembleCatalog, type Catalog, type Product, type Release } from './catalog.js';

export interface Retention {
  catalog: Catalog;
  /** Every release carried over, and those newly gone in this refresh (for notices). */
  retained: Release[];
  newlyRetained: Release[];
}

export function retainReleases(next: Catalog, previous: Catalog, inUse: ReadonlySet<string>, today: string): Retention {
  const missing: Release[] = [];
  for (const key of inUse) {
    const [productName = '', releaseName = ''] = key.split('/');
    const before = previous.productByName.get(productName)?.releases.find((release) => release.name === releaseName);
    const now = next.productByName.get(productName)?.releases.find((release) => release.name === releaseName);
    if (before && !now) missing.push({ ...before, retainedSince: before.retainedSince ?? today });
  }
  if (missing.length === 0) return { catalog: next, retained: [], newlyRetained: [] };
  const newlyRetained = missing.filter((release) => !previousRetained(previous, release));
  return { catalog: withReleases(next, missing, previous), retained: missing, newlyRetained };
}

/** The catalogue with these releases added (their products taken from `productsFrom` where it lacks them). */
export function withReleases(catalog: Catalog, releases: readonly Release[], productsFrom?: Catalog): Catalog {
  if (releases.length === 0) return catalog;
  const productByName = new Map(catalog.productByName);
  for (const release of releases) {
    const product =
      productByName.get(release.productName) ??
      productsFrom?.productByName.get(release.productName) ??
      emptyProductOf(release);
    const kept = productByName.has(release.productName) ? product.releases : [];
    productByName.set(release.productName, {
      ...product,
      releases: [...kept.filter((r) => r.name !== release.name), release],
    });
  }
  return assembleCatalog(catalog.generatedAt, [...productByName.values()]);
}

function emptyProductOf(release: Release): Product {
  return {
    name: release.productName,
    label: release.productLabel,
    aliases: [],
    category: 'unknown',
    link: release.link,
    releases: [],
  };
}

function previousRetained(previous: Catalog, release: Release): boolean {
  return (
    previous.productByName.get(release.productName)?.releases.find((r) => r.name === release.name)?.retainedSince !==
    undefined
  );
}

/** How many releases of `before` a refresh changes or drops (phase dates moved, gained, lost). */
export function changedReleaseCount(before: Catalog, after: Catalog, phaseChangedKeys: ReadonlySet<string>): number {
  let dropped = 0;
  for (const product of before.products) {
    const now = after.productByName.get(product.name);
    for (const release of product.releases) if (!now?.releases.some((r) => r.name === release.name)) dropped += 1;
  }
  return dropped + phaseChangedKeys.size;
}
