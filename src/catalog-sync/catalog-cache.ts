// The last accepted catalogue on disk, with the validators for the next conditional request, and beside
// it how the last refresh went (so a failed `eol sync` from the command line shows in the bot's
// `/eol status`). Written atomically and durably; read at start, before the bundled snapshot.
import { readFileSync, statSync } from 'node:fs';
import { writeFileDurably } from '../store/durable-json-file.js';
import type { Release } from '../catalog/catalog.js';
import type { Validators } from './fetch-catalog.js';

export interface CachedCatalog {
  url: string;
  fetchedAt: string;
  validators: Validators;
  /** The API's response, as served. */
  body: string;
  /** Releases teams rely on that the API no longer lists, kept with their last known facts. */
  retained?: Release[];
}

/**
 * The most a cache file may be, written or read. The API's answer is capped at 50 MB; kept as a JSON
 * string with the retained releases beside it, it grows (a 49 MB answer was 52.9 MB cached, and was
 * then refused on every start for the bundled snapshot). What is written is held to the same cap as
 * what is read, so a catalogue accepted is one a restart can load.
 */
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;

export interface RefreshStatus {
  lastRefreshAt: string | null;
  lastError: { at: string; reason: string } | null;
}

/**
 * Read once at start, before anything else runs: synchronous on purpose. A file too large to be a
 * catalogue is not read at all, so a bad cache can never keep the bot from starting.
 */
export function readCatalogCache(path: string, maxBytes: number): CachedCatalog | { problem: string } | null {
  const size = statSync(path, { throwIfNoEntry: false })?.size;
  if (size === undefined) return null;
  if (size > maxBytes)
    return {
      problem: `the cache ${path} is ${Math.round(size / 1024 / 1024)} MB, more than a catalogue can be; using the bundled snapshot`,
    };
  try {
    const cached = JSON.parse(readFileSync(path, 'utf8')) as CachedCatalog;
    return typeof cached.body === 'string'
      ? cached
      : { problem: `the cache ${path} has no catalogue in it; using the bundled snapshot` };
  } catch {
    return { problem: `the cache ${path} is not complete JSON; using the bundled snapshot` };
  }
}

/** Refuses (rejects, writing nothing) a cache a restart could not read back. */
export async function writeCatalogCache(
  path: string,
  cached: CachedCatalog,
  maxBytes = MAX_CACHE_BYTES,
): Promise<void> {
  const text = JSON.stringify(cached);
  const bytes = Buffer.byteLength(text);
  if (bytes > maxBytes)
    throw new Error(
      `it takes ${(bytes / 1024 / 1024).toFixed(1)} MB cached, more than the ${Math.round(maxBytes / 1024 / 1024)} MB a start will read`,
    );
  await writeFileDurably(path, text);
}

const refreshStatusPath = (cachePath: string): string => `${cachePath}.status.json`;

/** The status file and when it was last written (to notice another process's refresh), or null. */
export function readRefreshStatus(cachePath: string): { status: RefreshStatus; mtimeMs: number } | null {
  const path = refreshStatusPath(cachePath);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat || stat.size > 64 * 1024) return null;
  try {
    return { status: JSON.parse(readFileSync(path, 'utf8')) as RefreshStatus, mtimeMs: stat.mtimeMs };
  } catch {
    return null;
  }
}

export function writeRefreshStatus(cachePath: string, status: RefreshStatus): Promise<void> {
  return writeFileDurably(refreshStatusPath(cachePath), JSON.stringify(status));
}
