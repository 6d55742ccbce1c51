// Work that takes seconds runs in worker threads (piscina), never on the event loop that answers every
// user and /healthz: planning an import (a near-miss OS name costs the resolver milliseconds, and a
// hostile file has thousands) and drawing a chart (a workspace's burn-down took 1.9 s). The workers
// plan against the catalogue in use: when a refresh swaps it, the next import starts a new pool with
// the new one, and the old pool finishes what it has and closes.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Catalog } from './catalog/catalog.js';
import type { ChartImageFormat } from './chart-images/render-chart-image.js';
import type { ImportPlanning } from './imports/plan-import.js';
import type { OffloadTask, OffloadWorkerData } from './offload-worker.js';

/** Idle workers go after this; the next task starts one again (about 0.1 s, plus the catalogue's index). */
const IDLE_TIMEOUT_MS = 60_000;

// From src/ (tests, `npm run eol`) the worker is TypeScript and is loaded through tsx, as its parent is.
const fromSource = import.meta.url.endsWith('.ts');
const WORKER_FILE = new URL(fromSource ? './offload-worker.ts' : './offload-worker.js', import.meta.url).href;

export interface OffloadPool {
  planImport(bytes: Uint8Array, catalog: Catalog): Promise<ImportPlanning>;
  renderChart(spec: object, format: ChartImageFormat): Promise<Buffer>;
  close(): Promise<void>;
}

export function createOffloadPool(threads = Math.max(1, availableParallelism() - 1)): OffloadPool {
  let pool: Piscina | null = null;
  let poolCatalog: Catalog | null = null;

  const start = (catalog: Catalog | null): Piscina => {
    const data: OffloadWorkerData = {
      generatedAt: catalog?.generatedAt ?? '',
      products: [...(catalog?.products ?? [])],
    };
    return new Piscina({
      filename: WORKER_FILE,
      workerData: data,
      maxThreads: threads,
      minThreads: 0,
      idleTimeout: IDLE_TIMEOUT_MS,
      ...(fromSource ? { execArgv: ['--import', 'tsx'] } : {}),
    });
  };

  /** The pool for `catalog` (any pool when the task needs none). */
  const poolFor = (catalog: Catalog | null): Piscina => {
    if (pool && (catalog === null || catalog === poolCatalog)) return pool;
    const old = pool;
    pool = start(catalog);
    poolCatalog = catalog;
    void old?.close();
    return pool;
  };

  const run = <T>(catalog: Catalog | null, task: OffloadTask): Promise<T> => poolFor(catalog).run(task) as Promise<T>;

  return {
    planImport: (bytes, catalog) => run<ImportPlanning>(catalog, { kind: 'import', bytes }),
    renderChart: async (spec, format) => Buffer.from(await run<Uint8Array>(null, { kind: 'chart', spec, format })),
    close: async () => {
      await pool?.close();
      pool = null;
    },
  };
}
