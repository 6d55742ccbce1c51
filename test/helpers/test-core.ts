// The bundled catalogue and a core with a pinned clock, as every test uses them.
import { DateTime } from 'luxon';
import type { CommandDeps } from '../../src/commands/command-types.js';
import { wireCore, type Core } from '../../src/wire-core.js';

export const CATALOG_FILES = { catalogPath: 'data/products-full.json', supplementsPath: 'data/supplements.json' };

let core: Core | undefined;

export function testCore(): Core {
  core ??= wireCore({ ...CATALOG_FILES, timezone: 'UTC' });
  return core;
}

/** Command dependencies with the clock pinned to noon UTC of `isoDate`. */
export function depsAt(isoDate: string): CommandDeps {
  return testCore().deps(() => DateTime.fromISO(`${isoDate}T12:00:00`, { zone: 'UTC' }));
}
