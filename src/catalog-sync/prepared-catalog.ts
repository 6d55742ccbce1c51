// A catalogue validated once and kept on disk beside the refresh cache, stamped with the size and
// modification time of each file it came from. A start that finds every stamp unchanged uses it as it
// is: no schema library to load (60-85 ms) and no 8,000 releases to validate again, which is most of
// what a one-question command line costs (bench/cli-wall-time.ts). Anything else (a file changed, the
// copy missing, damaged or of an older format) falls back to the full load, which writes a new copy.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { assembleCatalog, type Product, type Release } from '../catalog/catalog.js';
import { writeFileDurably } from '../store/durable-json-file.js';
import type { CatalogSources, InitialCatalog } from './load-initial-catalog.js';

/** Raised whenever what is written changes shape, so an older copy is never read as this one. */
const FORMAT = 2;

/** A release without what its product already says (a fifth of the file, and of the time to read it). */
type PreparedRelease = Omit<Release, 'productName' | 'productLabel' | 'link'>;

interface PreparedCatalog {
  format: number;
  stamps: string[];
  source: InitialCatalog['source'];
  fetchedAt: string | null;
  validators: InitialCatalog['validators'];
  generatedAt: string;
  products: (Omit<Product, 'releases'> & { releases: PreparedRelease[] })[];
}

/** Whether a release differs from its product where the prepared copy leaves it out; then it is not written. */
const keepsProductFacts = (product: Product) =>
  product.releases.every(
    (r) => r.productName === product.name && r.productLabel === product.label && r.link === product.link,
  );

function toPrepared(product: Product): PreparedCatalog['products'][number] {
  return {
    ...product,
    releases: product.releases.map(({ productName: _name, productLabel: _label, link: _link, ...release }) => release),
  };
}

function fromPrepared(product: PreparedCatalog['products'][number]): Product {
  return {
    ...product,
    releases: product.releases.map((release) => ({
      productName: product.name,
      productLabel: product.label,
      link: product.link,
      ...release,
    })),
  };
}

/**
 * Beside the refresh cache; when its folder does not exist (the command line run from any folder, where
 * `data/` is not), in the user's own cache folder, named after the files it comes from.
 */
export function preparedCatalogPath(
  sources: Pick<CatalogSources, 'catalogPath' | 'supplementsPath' | 'cachePath' | 'fallbackDir'>,
): string {
  if (!sources.fallbackDir || existsSync(dirname(sources.cachePath))) return `${sources.cachePath}.prepared.json`;
  const id = createHash('sha256')
    .update([sources.catalogPath, sources.supplementsPath, sources.cachePath].map((path) => resolve(path)).join('\0'))
    .digest('hex')
    .slice(0, 16);
  return join(sources.fallbackDir, `catalog-${id}.prepared.json`);
}

function stampsOf({ catalogPath, supplementsPath, cachePath }: CatalogSources): string[] {
  return [catalogPath, supplementsPath, cachePath].map((path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat ? `${stat.size}:${stat.mtimeMs}` : 'absent';
  });
}

function readPrepared(path: string, stamps: readonly string[]): InitialCatalog | null {
  let prepared: PreparedCatalog;
  try {
    prepared = JSON.parse(readFileSync(path, 'utf8')) as PreparedCatalog;
  } catch {
    return null;
  }
  const current =
    prepared?.format === FORMAT && Array.isArray(prepared.products) && prepared.stamps?.join('|') === stamps.join('|');
  if (!current) return null;
  const { source, fetchedAt, validators, generatedAt, products } = prepared;
  return {
    catalog: assembleCatalog(generatedAt, products.map(fromPrepared)),
    source,
    fetchedAt,
    validators,
    problem: null,
  };
}

/** The catalogue to start with: the prepared copy when it is current, else a full load (and a new copy). */
export async function openCatalog(sources: CatalogSources, today: string): Promise<InitialCatalog> {
  const path = preparedCatalogPath(sources);
  // Stamped before reading: a file that changes meanwhile leaves a copy that will not match.
  const stamps = stampsOf(sources);
  const prepared = readPrepared(path, stamps);
  if (prepared) return prepared;
  const { loadInitialCatalog } = await import('./load-initial-catalog.js');
  const initial = loadInitialCatalog(sources, today);
  // A refused cache is reported at every start until a refresh replaces it, so it is not kept.
  if (initial.problem === null && initial.catalog.products.every(keepsProductFacts)) {
    const { source, fetchedAt, validators, catalog } = initial;
    const copy: PreparedCatalog = {
      format: FORMAT,
      stamps,
      source,
      fetchedAt,
      validators,
      generatedAt: catalog.generatedAt,
      products: catalog.products.map(toPrepared),
    };
    // Only a speed-up: a folder that cannot be written to costs the full load next time, nothing more.
    await mkdir(dirname(path), { recursive: true })
      .then(() => writeFileDurably(path, JSON.stringify(copy)))
      .catch(() => undefined);
  }
  return initial;
}
