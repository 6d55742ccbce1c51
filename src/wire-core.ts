// Builds the core once (catalogue, resolver, the store opened on first use) and hands out command
// dependencies with a chosen clock. Shared by the two entry points, main.ts and cli.ts.
import { DateTime } from 'luxon';
import type { Catalog, Release } from './catalog/catalog.js';
import { createResolver } from './catalog/resolve-name.js';
import type { CommandDeps } from './commands/command-types.js';
import type { Config } from './config.js';
import type { InventoryStore } from './inventory/inventory-store.js';
import type { WatchStore } from './reminders/watch-store.js';
import { loadCatalogFiles } from './store/load-catalog-files.js';
import { LowdbStore } from './store/lowdb-store.js';

export interface Core {
  catalog: Catalog;
  deps(clock?: ((zone: string) => DateTime) | null): CommandDeps;
  pinnedClock(isoDate: string): (zone: string) => DateTime;
  /** Opens the store now (main does, to refuse a damaged one at start); later calls share it. */
  store(): Promise<InventoryStore & WatchStore>;
  /** Flushes the store if it was opened. */
  close(): Promise<void>;
}

export type CoreConfig = Pick<Config, 'catalogPath' | 'supplementsPath' | 'timezone' | 'storePath' | 'admins'>;

export function wireCore(config: CoreConfig): Core {
  const catalog = loadCatalogFiles(config);
  const resolve = createResolver(catalog);
  const dataDate = catalog.generatedAt.slice(0, 10);
  const releaseByKey = new Map<string, Release>(
    catalog.products.flatMap((product) => product.releases.map((release) => [`${product.name}/${release.name}`, release] as const)),
  );
  let opened: Promise<InventoryStore & WatchStore> | undefined;
  const store = () => (opened ??= LowdbStore.open(config.storePath));
  const admins = new Set(config.admins);
  return {
    catalog,
    store,
    close: async () => {
      if (opened) await (await opened).close();
    },
    deps: (clock) => ({
      resolve,
      releaseByKey: (key) => releaseByKey.get(key),
      dataDate: () => dataDate,
      now: clock ? () => clock(config.timezone) : () => DateTime.now().setZone(config.timezone),
      store,
      admins,
    }),
    pinnedClock: (isoDate) => (zone) => DateTime.fromISO(`${isoDate}T12:00:00`, { zone }),
  };
}
