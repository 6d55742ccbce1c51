// The catalogue in use, and how it is replaced: at start the last accepted refresh (the cache file) or
// else the bundled snapshot; then `refresh()` fetches endoflife.date's API, validates the whole answer
// and, only if all is well, swaps it in and writes the cache. A failure keeps the last good catalogue
// and is remembered for `/eol status`. Heavy steps yield to the event loop between them, so requests
// in flight keep being answered (bench/catalog-refresh.ts measures it).
import { readFileSync } from 'node:fs';
import type { Catalog, Release } from '../catalog/catalog.js';
import type { CatalogInfo } from '../catalog/catalog-info.js';
import { diffCatalogs, type PhaseChange } from '../catalog/diff-catalogs.js';
import { changedReleaseCount, retainReleases } from '../catalog/retain-releases.js';
import { indexCatalog, type IndexedCatalog } from '../catalog/index-catalog.js';
import { checkCatalogDates } from '../catalog/check-catalog-dates.js';
import { readRefreshStatus, writeCatalogCache, writeRefreshStatus } from './catalog-cache.js';
import { fetchCatalog, type Validators } from './fetch-catalog.js';
import type { InitialCatalog } from './load-initial-catalog.js';

const MIN_PRODUCTS = 100;

export type RefreshOutcome =
  | { kind: 'not-modified' }
  /** `vanished`: releases in use that the API dropped in this refresh, kept with their last known facts. */
  | { kind: 'updated'; changes: PhaseChange[]; vanished: Release[] }
  | { kind: 'failed'; reason: string };

/** A refresh that would change or drop more than this share of releases at once is held back. */
const MAX_CHANGE_SHARE = 0.25;

export interface RefresherOptions {
  catalogPath: string;
  supplementsPath: string;
  cachePath: string;
  url: string;
  timeoutMs: number;
  now: () => string;
  /** Cap on the unpacked answer; MAX_CATALOG_BYTES unless a test sets a smaller one. */
  maxBytes?: number;
  /** Cap on the cache file written; MAX_CACHE_BYTES (what a start reads) unless a test sets a smaller one. */
  maxCacheBytes?: number;
  /** `product/release` keys teams rely on (counted, watched, under contract): never dropped silently. */
  inUse?: () => Promise<ReadonlySet<string>>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return PARSE_FAILED;
  }
}

const PARSE_FAILED = Symbol('not JSON');

/** A catalogue from the API's answer, or why it is refused. Sliced by `pause` when given. */
async function parseCatalog(
  body: string,
  supplements: unknown,
  pause?: () => Promise<void>,
): Promise<Catalog | string> {
  const json = parseJson(body);
  if (json === PARSE_FAILED) return 'the answer is not complete JSON (truncated?)';
  const products = (json as { result?: unknown })?.result;
  if (Array.isArray(products) && products.length < MIN_PRODUCTS)
    return `only ${products.length} products (at least ${MIN_PRODUCTS} expected)`;
  try {
    // The schema library is loaded only when a refresh needs it (see prepared-catalog.ts).
    const { createCatalog, createCatalogInSlices } = await import('../catalog/create-catalog.js');
    return pause ? await createCatalogInSlices(json, supplements, pause) : createCatalog(json, supplements);
  } catch (error) {
    return (error as Error).message;
  }
}

export class CatalogRefresher {
  private indexed: IndexedCatalog;
  private validators: Validators = { etag: null, lastModified: null };
  private state: CatalogInfo;
  private running: Promise<RefreshOutcome> | null = null;
  /** When the status file was last read, to take in a refresh another process (`eol sync`) made. */
  private statusSeenMs = 0;

  private constructor(
    private readonly options: RefresherOptions,
    private readonly supplements: unknown,
    indexed: IndexedCatalog,
    source: CatalogInfo['source'],
    lastRefreshAt: string | null,
  ) {
    this.indexed = indexed;
    this.state = {
      source,
      url: options.url,
      generatedAt: indexed.catalog.generatedAt,
      lastRefreshAt,
      lastError: null,
      generation: 1,
    };
  }

  /** The refresher over the catalogue a start found (catalog-sync/prepared-catalog.ts opens it). */
  static from(options: RefresherOptions, initial: InitialCatalog): CatalogRefresher {
    const supplements: unknown = JSON.parse(readFileSync(options.supplementsPath, 'utf8'));
    const refresher = new CatalogRefresher(
      options,
      supplements,
      indexCatalog(initial.catalog),
      initial.source,
      initial.fetchedAt,
    );
    refresher.validators = initial.validators;
    refresher.takeInStatusFile();
    // A cache that could not be used is said in /eol status; the bundled snapshot serves meanwhile.
    if (initial.problem)
      refresher.state = { ...refresher.state, lastError: { at: options.now(), reason: initial.problem } };
    return refresher;
  }

  private takeInStatusFile(): void {
    const read = readRefreshStatus(this.options.cachePath);
    if (!read || read.mtimeMs <= this.statusSeenMs) return;
    this.statusSeenMs = read.mtimeMs;
    this.state = {
      ...this.state,
      lastRefreshAt: read.status.lastRefreshAt ?? this.state.lastRefreshAt,
      lastError: read.status.lastError,
    };
  }

  private async recordStatus(): Promise<void> {
    await writeRefreshStatus(this.options.cachePath, {
      lastRefreshAt: this.state.lastRefreshAt,
      lastError: this.state.lastError,
    }).catch(() => undefined);
    this.statusSeenMs = readRefreshStatus(this.options.cachePath)?.mtimeMs ?? this.statusSeenMs;
  }

  current(): IndexedCatalog {
    return this.indexed;
  }

  /** Which catalogue is in use (CatalogInfo's generation), without reading another process's status. */
  generation(): number {
    return this.state.generation;
  }

  info(): CatalogInfo {
    this.takeInStatusFile();
    return { ...this.state };
  }

  /**
   * One refresh at a time: a second call while one runs shares its outcome. `force` accepts a
   * catalogue that changes more than MAX_CHANGE_SHARE of releases at once (`eol sync --force`).
   */
  refresh(force = false): Promise<RefreshOutcome> {
    this.running ??= this.refreshOnce(force)
      .then(async (outcome) => {
        await this.recordStatus();
        return outcome;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private fail(reason: string): RefreshOutcome {
    this.state = { ...this.state, lastError: { at: this.options.now(), reason } };
    return { kind: 'failed', reason };
  }

  private async refreshOnce(force: boolean): Promise<RefreshOutcome> {
    const fetched = await fetchCatalog(
      this.options.url,
      this.validators,
      this.options.timeoutMs,
      this.options.maxBytes,
    );
    if (fetched.kind === 'failed') return this.fail(fetched.reason);
    if (fetched.kind === 'not-modified') {
      this.state = { ...this.state, lastRefreshAt: this.options.now(), lastError: null };
      return { kind: 'not-modified' };
    }
    await nextTurn();
    const catalog = await parseCatalog(fetched.body, this.supplements, nextTurn);
    if (typeof catalog === 'string') return this.fail(catalog);
    const today = this.options.now().slice(0, 10);
    const nonsense = checkCatalogDates(catalog, today);
    if (nonsense) return this.fail(nonsense);
    const previous = this.indexed.catalog;
    const inUse = (await this.options.inUse?.()) ?? new Set<string>();
    const { catalog: kept, retained, newlyRetained } = retainReleases(catalog, previous, inUse, today);
    const changes = diffCatalogs(previous, kept);
    const changed = changedReleaseCount(previous, kept, new Set(changes.map((change) => change.release)));
    if (!force && changed > previous.releaseCount * MAX_CHANGE_SHARE) {
      return this.fail(
        `held back: it changes or drops ${changed} of ${previous.releaseCount} releases at once (more than ${MAX_CHANGE_SHARE * 100}%); check it, then accept it with \`eol sync --force\``,
      );
    }
    await nextTurn();
    const indexed = indexCatalog(kept);
    await nextTurn();
    const fetchedAt = this.options.now();
    try {
      await writeCatalogCache(
        this.options.cachePath,
        {
          url: this.options.url,
          fetchedAt,
          validators: fetched.validators,
          body: fetched.body,
          retained,
        },
        this.options.maxCacheBytes,
      );
    } catch (error) {
      return this.fail(`could not write the cache ${this.options.cachePath}: ${(error as Error).message}`);
    }
    this.indexed = indexed;
    this.validators = fetched.validators;
    this.state = {
      source: 'refresh',
      url: this.options.url,
      generatedAt: catalog.generatedAt,
      lastRefreshAt: fetchedAt,
      lastError: null,
      generation: this.state.generation + 1,
    };
    return { kind: 'updated', changes, vanished: newlyRetained };
  }
}
