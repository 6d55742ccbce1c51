// The catalogue as the rest of eolwatch sees it: products and releases with their support phases.
// Validated and built from endoflife.date's answer by create-catalog.ts; this file loads no schema
// library, so a catalogue prepared earlier (catalog-sync/prepared-catalog.ts) is used without one.

/** `contract`: a team's own support contract, never from the catalogue (contracts/apply-contract.ts). */
import { releaseLabelsOf, type ReleaseLabels } from './release-labels.js';

export type PhaseKind = 'active' | 'security' | 'extended' | 'contract';

/**
 * The last supported day (ISO date), `true` when the phase has ended on a date nobody recorded,
 * `false` when no end has been announced, `null` when not even that is known.
 */
export type PhaseEnd = string | boolean | null;

export interface Phase {
  key: string;
  label: string;
  kind: PhaseKind;
  end: PhaseEnd;
  /** Where a fact that endoflife.date lacks comes from. */
  source?: string;
}

export interface Release {
  productName: string;
  productLabel: string;
  name: string;
  label: string;
  codename: string | null;
  releaseDate: string;
  lts: boolean;
  latest: { name: string; date: string | null } | null;
  link: string;
  phases: Phase[];
  /** End of sale, for hardware; not a support phase. */
  discontinued: PhaseEnd;
  /** Set when endoflife.date dropped a release that teams rely on: the day it went, its facts the last known. */
  retainedSince?: string;
}

export interface Product {
  name: string;
  label: string;
  aliases: string[];
  category: string;
  link: string;
  releases: Release[];
}

export interface Catalog {
  /** When endoflife.date generated the data (ISO date-time). */
  generatedAt: string;
  /** A prepared catalogue's products read their releases from disk on first use. */
  products: readonly Product[];
  productByName: ReadonlyMap<string, Product>;
  releaseCount: number;
  /** The words that name a release alone (worked out on first use, unless the catalogue came with them). */
  releaseLabels(): ReleaseLabels;
}

export class CatalogError extends Error {}

/** The catalogue over products already validated and built; `prepared`: what a prepared copy kept of it. */
export function assembleCatalog(
  generatedAt: string,
  products: readonly Product[],
  prepared?: { releaseCount: number; releaseLabels: ReleaseLabels },
): Catalog {
  let labels = prepared?.releaseLabels;
  return {
    generatedAt,
    products,
    productByName: new Map(products.map((product) => [product.name, product])),
    releaseCount: prepared?.releaseCount ?? products.reduce((sum, product) => sum + product.releases.length, 0),
    releaseLabels: () => (labels ??= releaseLabelsOf(products)),
  };
}
