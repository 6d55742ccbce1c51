// Builds the catalogue from endoflife.date's API v1 response plus our own supplements, validating both
// (zod); pure, no I/O.
import {
  assembleCatalog,
  CatalogError,
  type Catalog,
  type Phase,
  type PhaseEnd,
  type Product,
  type Release,
} from './catalog.js';
import {
  catalogEnvelopeSchema,
  catalogResponseSchema,
  productSchema,
  supplementsSchema,
  type ApiProduct,
  type ApiRelease,
  type Supplements,
} from './catalog-schema.js';

function endOf(date: string | null | undefined, flag: boolean | null | undefined): PhaseEnd {
  // The stored is* flags were frozen at build time: only trust them where no date is given.
  return date ?? flag ?? null;
}

function toPhases(product: ApiProduct, release: ApiRelease): Phase[] {
  const phases: Phase[] = [];
  const { labels } = product;
  if (labels.eoas !== null && (release.eoasFrom != null || release.isEoas != null)) {
    phases.push({ key: 'eoas', label: labels.eoas, kind: 'active', end: endOf(release.eoasFrom, release.isEoas) });
  }
  phases.push({
    key: 'eol',
    label: labels.eol ?? 'Support',
    // With no active-support column, the one phase a product shows is its full support.
    kind: labels.eoas === null ? 'active' : 'security',
    end: endOf(release.eolFrom, release.isEol),
  });
  if (labels.eoes !== null && (release.eoesFrom != null || release.isEoes != null)) {
    phases.push({ key: 'eoes', label: labels.eoes, kind: 'extended', end: endOf(release.eoesFrom, release.isEoes) });
  }
  return phases;
}

function toRelease(product: ApiProduct, release: ApiRelease): Release {
  return {
    productName: product.name,
    productLabel: product.label,
    name: release.name,
    label: release.label,
    codename: release.codename,
    releaseDate: release.releaseDate,
    lts: release.isLts,
    latest: release.latest ? { name: release.latest.name, date: release.latest.date } : null,
    link: product.links.html,
    phases: toPhases(product, release),
    discontinued: product.labels.discontinued === null ? null : endOf(release.discontinuedFrom, release.isDiscontinued),
  };
}

function extendedOrder(end: PhaseEnd): string {
  if (end === true) return '0';
  if (typeof end === 'string') return `1${end}`;
  return '2';
}

function applySupplements(
  productByName: Map<string, Product>,
  supplements: Supplements,
  phaseLabels: ReadonlyMap<string, ApiProduct['labels']>,
): void {
  for (const supplement of supplements.supplements) {
    const release = productByName.get(supplement.product)?.releases.find((r) => r.name === supplement.release);
    if (!release) {
      throw new CatalogError(`supplement names ${supplement.product} ${supplement.release}, which the catalogue lacks`);
    }
    const existing = release.phases.find((phase) => phase.key === supplement.phase.key);
    if (existing) {
      existing.end = supplement.phase.end;
      existing.source = supplement.source;
    } else {
      // A supplement of a phase the product already names ("eoes") takes the product's own words.
      const productLabels = phaseLabels.get(supplement.product) as Record<string, string | null> | undefined;
      const label = supplement.phase.label ?? productLabels?.[supplement.phase.key] ?? supplement.phase.key;
      release.phases.push({
        key: supplement.phase.key,
        label,
        kind: 'extended',
        end: supplement.phase.end,
        source: supplement.source,
      });
    }
    const core = release.phases.filter((phase) => phase.kind !== 'extended');
    const extended = release.phases
      .filter((phase) => phase.kind === 'extended')
      .sort((a, b) => extendedOrder(a.end).localeCompare(extendedOrder(b.end)));
    release.phases = [...core, ...extended];
  }
}

function summarizeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** Validates an API v1 `products/full` response and our supplements, and indexes them. */
export function createCatalog(response: unknown, supplementsJson: unknown): Catalog {
  const parsed = catalogResponseSchema.safeParse(response);
  if (!parsed.success)
    throw new CatalogError(`catalogue has an unexpected shape: ${summarizeIssues(parsed.error.issues)}`);
  return buildCatalog(parsed.data.generated_at, parsed.data.result, supplementsJson);
}

/**
 * The same in slices: the envelope, then a few products at a time with `pause()` between, so that a
 * refresh of 8,351 releases never holds the event loop for long (catalog-sync/catalog-refresher.ts).
 */
export async function createCatalogInSlices(
  response: unknown,
  supplementsJson: unknown,
  pause: () => Promise<void>,
): Promise<Catalog> {
  const envelope = catalogEnvelopeSchema.safeParse(response);
  if (!envelope.success)
    throw new CatalogError(`catalogue has an unexpected shape: ${summarizeIssues(envelope.error.issues)}`);
  const products: ApiProduct[] = [];
  for (const [index, item] of envelope.data.result.entries()) {
    const product = productSchema.safeParse(item);
    if (!product.success) {
      const issues = product.error.issues.map((issue) => ({ ...issue, path: ['result', index, ...issue.path] }));
      throw new CatalogError(`catalogue has an unexpected shape: ${summarizeIssues(issues)}`);
    }
    products.push(product.data);
    if (index % PRODUCTS_PER_SLICE === PRODUCTS_PER_SLICE - 1) await pause();
  }
  return buildCatalog(envelope.data.generated_at, products, supplementsJson);
}

const PRODUCTS_PER_SLICE = 40;

function buildCatalog(generatedAt: string, apiProducts: readonly ApiProduct[], supplementsJson: unknown): Catalog {
  const supplements = supplementsSchema.safeParse(supplementsJson);
  if (!supplements.success)
    throw new CatalogError(`supplements have an unexpected shape: ${summarizeIssues(supplements.error.issues)}`);
  const productByName = new Map<string, Product>();
  for (const api of apiProducts) {
    productByName.set(api.name, {
      name: api.name,
      label: api.label,
      aliases: api.aliases,
      category: api.category,
      link: api.links.html,
      releases: api.releases.map((release) => toRelease(api, release)),
    });
  }
  applySupplements(productByName, supplements.data, new Map(apiProducts.map((api) => [api.name, api.labels])));
  return assembleCatalog(generatedAt, [...productByName.values()]);
}
