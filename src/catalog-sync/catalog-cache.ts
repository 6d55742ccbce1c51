// The last accepted catalogue on disk, with the validators for the next conditional request. Written
// atomically and durably; read at start, before the bundled snapshot.
import { readFileSync } from 'node:fs';
import { writeFileDurably } from '../store/durable-json-file.js';
import type { Validators } from './fetch-catalog.js';

export interface CachedCatalog {
  url: string;
  fetchedAt: string;
  validators: Validators;
  /** The API's response, as served. */
  body: string;
}

/** Read once at start, before anything else runs: synchronous on purpose. */
export function readCatalogCache(path: string): CachedCatalog | null {
  try {
    const cached = JSON.parse(readFileSync(path, 'utf8')) as CachedCatalog;
    return typeof cached.body === 'string' ? cached : null;
  } catch {
    return null;
  }
}

export function writeCatalogCache(path: string, cached: CachedCatalog): Promise<void> {
  return writeFileDurably(path, JSON.stringify(cached));
}
