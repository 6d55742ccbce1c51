// The bundled catalogue and a core with a pinned clock, as every test uses them.
import { DateTime } from 'luxon';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandDeps, Speaker } from '../../src/commands/command-types.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { loadInitialCatalog } from '../../src/catalog-sync/load-initial-catalog.js';
import { wireCore, type Core } from '../../src/wire-core.js';

export const CATALOG_FILES = { catalogPath: 'data/products-full.json', supplementsPath: 'data/supplements.json' };
export const ADMIN = 'UADMIN';
export const SPEAKER: Speaker = { workspace: 'T1', channel: 'C1', user: 'U1' };

let core: Core | undefined;

/** The real core; its file store (opened only if used) lives in a fresh temporary directory. */
export function testCore(): Core {
  core ??= wireCoreInTempDir();
  return core;
}

/**
 * One core per test file. Its folder is only named here: the store creates it on first use (most tests
 * never open it), and it goes when the process ends.
 */
function wireCoreInTempDir(): Core {
  const dir = join(tmpdir(), `eolwatch-core-${process.pid}-${Math.random().toString(36).slice(2)}`);
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const catalogCachePath = join(dir, 'catalog-cache.json');
  const initial = loadInitialCatalog(
    { ...CATALOG_FILES, cachePath: catalogCachePath },
    new Date().toISOString().slice(0, 10),
  );
  return wireCore(
    {
      ...CATALOG_FILES,
      timezone: 'UTC',
      storePath: join(dir, 'eolwatch.json'),
      admins: [ADMIN],
      // Never fetched by these tests; the refresh tests build their own against a local server.
      catalogUrl: 'http://127.0.0.1:9/api/v1/products/full',
      catalogCachePath,
    },
    initial,
  );
}

/** Command dependencies with the clock pinned to noon UTC of `isoDate`, and a fresh in-memory store. */
export function depsAt(isoDate: string, overrides: Partial<CommandDeps> = {}): CommandDeps {
  const store = new MemoryStore();
  return {
    ...testCore().deps(() => DateTime.fromISO(`${isoDate}T12:00:00`, { zone: 'UTC' })),
    store: async () => store,
    ...overrides,
  };
}
