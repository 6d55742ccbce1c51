// Builds the core once (the catalogue and its refresher, the store opened on first use) and hands out
// command dependencies with a chosen clock. Shared by the two entry points, main.ts and cli.ts.
import { DateTime, Info, Settings } from 'luxon';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Catalog } from './catalog/catalog.js';
import { CatalogRefresher } from './catalog-sync/catalog-refresher.js';
import type { CatalogSources, InitialCatalog } from './catalog-sync/load-initial-catalog.js';
import { openCatalog } from './catalog-sync/prepared-catalog.js';
import type { AnswerObservation, CommandDeps } from './commands/command-types.js';
import type { EolwatchStore } from './eolwatch-store.js';
import type { Config } from './config.js';
import { newRunId } from './store/run-claims.js';
import { releasesInUse } from './reminders/releases-in-use.js';
import type { OffloadPool } from './offload-pool.js';
import type { Metrics } from './metrics/metrics.js';
import { timeStore } from './metrics/time-store.js';

// Answers are in English with ISO dates: luxon need not ask Intl for the system's locale, which loads
// ICU's data (about 15 ms of every command line's start).
Settings.defaultLocale = 'en-US';

// A refresh that has not answered by then is a failure; the last good catalogue stays.
const REFRESH_TIMEOUT_MS = 30_000;

export interface Core {
  readonly catalog: Catalog;
  refresher: CatalogRefresher;
  deps(clock?: ((zone: string) => DateTime) | null): CommandDeps;
  pinnedClock: (isoDate: string) => (zone: string) => DateTime;
  /** Opens the store now (main does, to refuse a damaged one at start); later calls share it. */
  store: () => Promise<EolwatchStore>;
  /** Flushes the store if it was opened. */
  close(): Promise<void>;
  /**
   * Runs the daily job once for `day`: on PostgreSQL once among every replica (see PostgresStore.runOnce);
   * on the JSON store, which serves one bot, simply now.
   */
  once<T>(
    job: string,
    day: string,
    run: () => Promise<T>,
  ): Promise<{ ran: true; result: T } | { ran: false; by: string }>;
  /** main tells when the reminder job runs next, for `/eol status`. */
  setNextReminderRun(next: () => string | null): void;
}

export type CoreConfig = Pick<
  Config,
  'catalogPath' | 'supplementsPath' | 'timezone' | 'storePath' | 'admins' | 'catalogUrl' | 'catalogCachePath'
> &
  Partial<
    Pick<
      Config,
      'databaseUrl' | 'databaseSchema' | 'userCacheDir' | 'publicUrl' | 'secretKey' | 'graphUrl' | 'entraLoginUrl'
    >
  >;

/** A database URL as it may be shown: no password. */
const redactDatabaseUrl = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

const catalogSourcesOf = (config: CoreConfig): CatalogSources => ({
  catalogPath: config.catalogPath,
  supplementsPath: config.supplementsPath,
  cachePath: config.catalogCachePath,
  ...(config.userCacheDir ? { fallbackDir: config.userCacheDir } : {}),
});

export interface CoreOptions {
  /**
   * Imports and charts in worker threads (offload-pool.ts): for the bot, which answers others meanwhile.
   * A command line run does its one job in place.
   */
  offload?: boolean;
  /** The process's metrics: answers observed, store operations timed. */
  metrics?: Metrics;
}

/** The core over the catalogue found at start (a prepared copy when current: catalog-sync/prepared-catalog.ts). */
export async function openCore(config: CoreConfig, options: CoreOptions = {}): Promise<Core> {
  const initial = await openCatalog(catalogSourcesOf(config), new Date().toISOString().slice(0, 10));
  return wireCore(config, initial, options);
}

export function wireCore(config: CoreConfig, initial: InitialCatalog, options: CoreOptions = {}): Core {
  const configuredZone = Info.normalizeZone(config.timezone);
  let opened: Promise<EolwatchStore> | undefined;
  let offloading: Promise<OffloadPool> | undefined;
  // Loaded with the first import or chart: piscina is nothing a question needs.
  const offload = () =>
    (offloading ??= import('./offload-pool.js').then(({ createOffloadPool }) => createOffloadPool()));
  const databaseUrl = config.databaseUrl ?? null;
  // Each store is loaded when first used: a question on the command line needs none (nor its schemas).
  const { metrics } = options;
  const store = () =>
    (opened ??= (
      databaseUrl
        ? import('./store/postgres/postgres-store.js').then(({ PostgresStore }) =>
            PostgresStore.open(databaseUrl, { schema: config.databaseSchema }),
          )
        : import('./store/json/lowdb-store.js').then(({ LowdbStore }) => LowdbStore.open(config.storePath))
    ).then((opened: EolwatchStore) =>
      metrics ? timeStore(opened, (operation, seconds) => metrics.storeOperation(operation, seconds)) : opened,
    ));
  const refresher = CatalogRefresher.from(
    {
      catalogPath: config.catalogPath,
      supplementsPath: config.supplementsPath,
      cachePath: config.catalogCachePath,
      url: config.catalogUrl,
      timeoutMs: REFRESH_TIMEOUT_MS,
      now: () => new Date().toISOString(),
      inUse: async () => releasesInUse(await store()),
    },
    initial,
  );
  const admins = new Set(config.admins);
  let nextReminderRun: () => string | null = () => null;
  return {
    get catalog() {
      return refresher.current().catalog;
    },
    refresher,
    store,
    close: async () => {
      if (offloading) await (await offloading).close();
      if (opened) await (await opened).close();
    },
    once: async (job, day, run) => (await store()).runOnce(job, day, newRunId(), run),
    setNextReminderRun: (next) => {
      nextReminderRun = next;
    },
    deps: (clock) => ({
      // Each call reads the catalogue in use now: a refresh swaps it between requests.
      resolve: (query) => refresher.current().resolve(query),
      releaseByKey: (key) => refresher.current().releaseByKey.get(key),
      dataDate: () => refresher.current().dataDate,
      catalogInfo: () => refresher.info(),
      catalogGeneration: () => refresher.generation(),
      // One DateTime, in a zone looked up once: `DateTime.now().setZone(name)` built two and read the zone's name each time.
      now: clock ? () => clock(config.timezone) : () => DateTime.fromMillis(Date.now(), { zone: configuredZone }),
      store,
      publicUrl: config.publicUrl ?? null,
      secretKey: config.secretKey ?? null,
      // The device managers' clients load with the first sync.
      readDevices: async (connector, secret) =>
        (await import('./device-managers/read-devices.js')).readDevices(connector, secret, {
          graphUrl: config.graphUrl ?? 'https://graph.microsoft.com',
          loginUrl: config.entraLoginUrl ?? 'https://login.microsoftonline.com',
        }),
      storeIsAbsent: (asked) => asked === store && !opened && !databaseUrl && !existsSync(config.storePath),
      admins,
      status: async () => ({
        storePath: databaseUrl ? `PostgreSQL ${redactDatabaseUrl(databaseUrl)}` : config.storePath,
        storeBytes: databaseUrl ? null : ((await stat(config.storePath).catch(() => null))?.size ?? null),
        nextReminderRun: nextReminderRun(),
      }),
      ...(metrics ? { observe: (answer: AnswerObservation) => metrics.observeAnswer(answer) } : {}),
      ...(options.offload
        ? {
            planImport: async (bytes: Uint8Array) => (await offload()).planImport(bytes, refresher.current().catalog),
            drawChart: async (spec: object, format: 'png' | 'svg') => (await offload()).renderChart(spec, format),
          }
        : {}),
    }),
    pinnedClock: (isoDate) => (zone) => DateTime.fromISO(`${isoDate}T12:00:00`, { zone }),
  };
}
