// Builds the core once (catalogue, resolver) and hands out command dependencies with a chosen clock.
// Shared by the two entry points, main.ts and cli.ts.
import { DateTime } from 'luxon';
import type { Catalog } from './catalog/catalog.js';
import { createResolver } from './catalog/resolve-name.js';
import type { CommandDeps } from './commands/command-types.js';
import type { Config } from './config.js';
import { loadCatalogFiles } from './store/load-catalog-files.js';

export interface Core {
  catalog: Catalog;
  deps(clock?: ((zone: string) => DateTime) | null): CommandDeps;
  pinnedClock(isoDate: string): (zone: string) => DateTime;
}

export function wireCore(config: Pick<Config, 'catalogPath' | 'supplementsPath' | 'timezone'>): Core {
  const catalog = loadCatalogFiles(config);
  const resolve = createResolver(catalog);
  const dataDate = catalog.generatedAt.slice(0, 10);
  return {
    catalog,
    deps: (clock) => ({
      resolve,
      dataDate: () => dataDate,
      now: clock ? () => clock(config.timezone) : () => DateTime.now().setZone(config.timezone),
    }),
    pinnedClock: (isoDate) => (zone) => DateTime.fromISO(`${isoDate}T12:00:00`, { zone }),
  };
}
