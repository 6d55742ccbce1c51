// A worker thread of the offload pool (offload-pool.ts): plans imports against the catalogue it was
// started with and draws charts, so neither holds up the event loop that answers everyone else.
import { workerData } from 'node:worker_threads';
import { assembleCatalog, type Product } from './catalog/catalog.js';
import { indexCatalog, type IndexedCatalog } from './catalog/index-catalog.js';
import { renderChartImage, type ChartImageFormat } from './chart-images/render-chart-image.js';
import { planImport, type ImportPlanning } from './imports/plan-import.js';

export type OffloadTask =
  { kind: 'import'; bytes: Uint8Array } | { kind: 'chart'; spec: object; format: ChartImageFormat };

export interface OffloadWorkerData {
  generatedAt: string;
  products: Product[];
}

let indexed: IndexedCatalog | undefined;

/** The catalogue is indexed on this thread's first import, not at start: a chart needs none. */
function catalog(): IndexedCatalog {
  const data = workerData as OffloadWorkerData;
  indexed ??= indexCatalog(assembleCatalog(data.generatedAt, data.products));
  return indexed;
}

export default async function runTask(task: OffloadTask): Promise<ImportPlanning | Uint8Array | string> {
  if (task.kind === 'import') {
    const { resolve, releaseByKey } = catalog();
    return planImport(task.bytes, { resolve, releaseByKey: (key) => releaseByKey.get(key) });
  }
  return renderChartImage(task.spec, task.format);
}
