// A catalogue validated once and kept on disk beside the refresh cache, stamped with the size and
// modification time of each file it came from. A start that finds every stamp unchanged uses it as it
// is: no schema library to load (60-85 ms) and no 8,000 releases to validate again. Anything else (a
// file changed, the copy missing, damaged or of an older format) falls back to the full load, which
// writes a new copy.
//
// The copy is a first line (format and sizes), a header (stamps, products without their releases, the
// words that name a release alone) and each product's releases as JSON at an offset the header gives.
// A start reads the header only; a product's releases are read the first time something asks for them,
// through a descriptor kept open, so a copy replaced meanwhile is never read at the old offsets. A
// one-question command line reads one product of 464 (bench/cli-wall-time.ts).
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { assembleCatalog, CatalogError, type Product, type Release } from '../catalog/catalog.js';
import type { ReleaseLabels } from '../catalog/release-labels.js';
import { writeFileDurably } from '../store/durable-json-file.js';
import type { CatalogSources, InitialCatalog } from './load-initial-catalog.js';

/** Raised whenever what is written changes shape, so an older copy is never read as this one. */
const FORMAT = 3;
const FIRST_LINE = /^eolwatch prepared catalogue (\d+) (\d+) (\d+)\n/;
const FIRST_LINE_MAX = 64;

/** A release without what its product already says (a fifth of the file, and of the time to read it). */
type PreparedRelease = Omit<Release, 'productName' | 'productLabel' | 'link'>;

interface PreparedHeader {
  stamps: string[];
  source: InitialCatalog['source'];
  fetchedAt: string | null;
  validators: InitialCatalog['validators'];
  generatedAt: string;
  releaseCount: number;
  releaseLabels: ReleaseLabels;
  /** Each product without its releases, and where they are: bytes from the start of the releases. */
  products: (Omit<Product, 'releases'> & { at: number; bytes: number })[];
}

/** Whether a release differs from its product where the prepared copy leaves it out; then it is not written. */
const keepsProductFacts = (product: Product) =>
  product.releases.every(
    (r) => r.productName === product.name && r.productLabel === product.label && r.link === product.link,
  );

function toPrepared(initial: InitialCatalog, stamps: string[]): string {
  const { source, fetchedAt, validators, catalog } = initial;
  const bodies: string[] = [];
  let at = 0;
  const products = catalog.products.map(({ releases, ...product }) => {
    const body = JSON.stringify(
      releases.map(({ productName: _name, productLabel: _label, link: _link, ...release }) => release),
    );
    const bytes = Buffer.byteLength(body);
    bodies.push(body);
    at += bytes;
    return { ...product, at: at - bytes, bytes };
  });
  const header: PreparedHeader = {
    stamps,
    source,
    fetchedAt,
    validators,
    generatedAt: catalog.generatedAt,
    releaseCount: catalog.releaseCount,
    releaseLabels: catalog.releaseLabels(),
    products,
  };
  const headerText = JSON.stringify(header);
  return `eolwatch prepared catalogue ${FORMAT} ${Buffer.byteLength(headerText)} ${at}\n${headerText}${bodies.join('')}`;
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Nothing to do: it was only read.
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const got = readSync(fd, buffer, read, length - read, position + read);
    if (got === 0) break;
    read += got;
  }
  return buffer.subarray(0, read);
}

/** A product whose releases are read from the copy the first time they are asked for. */
function lazyProduct(
  fd: number,
  bodyStart: number,
  path: string,
  { at, bytes, ...product }: PreparedHeader['products'][number],
): Product {
  const lazy = product as Product;
  Object.defineProperty(lazy, 'releases', {
    enumerable: true,
    configurable: true,
    get(): Release[] {
      let prepared: PreparedRelease[];
      try {
        prepared = JSON.parse(readAt(fd, bodyStart + at, bytes).toString('utf8')) as PreparedRelease[];
      } catch {
        throw new CatalogError(
          `the prepared catalogue ${path} is damaged (${product.name}); delete it and start again`,
        );
      }
      const releases = prepared.map((release) => ({
        productName: product.name,
        productLabel: product.label,
        link: product.link,
        ...release,
      }));
      Object.defineProperty(lazy, 'releases', { value: releases, enumerable: true, writable: true });
      return releases;
    },
  });
  return lazy;
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
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const first = FIRST_LINE.exec(readAt(fd, 0, FIRST_LINE_MAX).toString('latin1'));
    if (!first || Number(first[1]) !== FORMAT) throw new Error('not this format');
    const [lineBytes, headerBytes, bodyBytes] = [first[0].length, Number(first[2]), Number(first[3])];
    // A copy cut short is found here, not when a product is first read.
    if (fstatSync(fd).size !== lineBytes + headerBytes + bodyBytes) throw new Error('cut short');
    const header = JSON.parse(readAt(fd, lineBytes, headerBytes).toString('utf8')) as PreparedHeader;
    if (!Array.isArray(header?.products) || header.stamps?.join('|') !== stamps.join('|')) throw new Error('stale');
    const { source, fetchedAt, validators, generatedAt, releaseCount, releaseLabels } = header;
    const bodyStart = lineBytes + headerBytes;
    const products = header.products.map((product) => lazyProduct(fd, bodyStart, path, product));
    // The descriptor stays open while any product may still read from it: for the process's life.
    return {
      catalog: assembleCatalog(generatedAt, products, { releaseCount, releaseLabels }),
      source,
      fetchedAt,
      validators,
      problem: null,
    };
  } catch {
    closeQuietly(fd);
    return null;
  }
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
    // Only a speed-up: a folder that cannot be written to costs the full load next time, nothing more.
    await mkdir(dirname(path), { recursive: true })
      .then(() => writeFileDurably(path, toPrepared(initial, stamps)))
      .catch(() => undefined);
  }
  return initial;
}
