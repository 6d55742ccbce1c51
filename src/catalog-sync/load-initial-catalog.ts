// The catalogue to start with, validated in full: the last accepted refresh (the cache file) when it is
// whole and makes sense, else the bundled snapshot. Synchronous, since nothing else runs yet; loads the
// schema library, so a start that finds a prepared copy (prepared-catalog.ts) skips this file.
import { readFileSync } from 'node:fs';
import type { Catalog } from '../catalog/catalog.js';
import { createCatalog } from '../catalog/create-catalog.js';
import { checkCatalogDates } from '../catalog/check-catalog-dates.js';
import { withReleases } from '../catalog/retain-releases.js';
import { MAX_CACHE_BYTES, readCatalogCache } from './catalog-cache.js';
import type { Validators } from './fetch-catalog.js';

export interface CatalogSources {
  catalogPath: string;
  supplementsPath: string;
  cachePath: string;
  /** Where the prepared copy goes when the cache's folder does not exist (`npx eolwatch` run anywhere). */
  fallbackDir?: string;
}

export interface InitialCatalog {
  catalog: Catalog;
  source: 'cached refresh' | 'bundled snapshot';
  /** When the cached refresh was fetched; null for the snapshot. */
  fetchedAt: string | null;
  validators: Validators;
  /** Why a cache present could not be used, for `/eol status`; null when none. */
  problem: string | null;
}

const NO_VALIDATORS: Validators = { etag: null, lastModified: null };

export function loadInitialCatalog(sources: CatalogSources, today: string): InitialCatalog {
  const supplements: unknown = JSON.parse(readFileSync(sources.supplementsPath, 'utf8'));
  const cached = readCatalogCache(sources.cachePath, MAX_CACHE_BYTES);
  let problem = cached && 'problem' in cached ? cached.problem : null;
  if (cached && !('problem' in cached)) {
    const fromCache = parseCachedCatalog(cached.body, supplements, today);
    if (typeof fromCache !== 'string') {
      return {
        catalog: withReleases(fromCache, cached.retained ?? []),
        source: 'cached refresh',
        fetchedAt: cached.fetchedAt,
        validators: cached.validators,
        problem: null,
      };
    }
    problem = `the cache was refused (${fromCache}); using the bundled snapshot`;
  }
  const bundled = createCatalog(JSON.parse(readFileSync(sources.catalogPath, 'utf8')), supplements);
  return { catalog: bundled, source: 'bundled snapshot', fetchedAt: null, validators: NO_VALIDATORS, problem };
}

/** The cache is held to the same sense as a refresh: shape, then dates. */
function parseCachedCatalog(body: string, supplements: unknown, today: string): Catalog | string {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return 'the cache is not complete JSON';
  }
  try {
    const catalog = createCatalog(json, supplements);
    return checkCatalogDates(catalog, today) ?? catalog;
  } catch (error) {
    return (error as Error).message;
  }
}
