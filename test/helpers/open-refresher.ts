// A refresher opened as a start opens it: through the prepared copy when current, else a full load.
import { CatalogRefresher, type RefresherOptions } from '../../src/catalog-sync/catalog-refresher.js';
import { openCatalog } from '../../src/catalog-sync/prepared-catalog.js';

export async function openRefresher(options: RefresherOptions): Promise<CatalogRefresher> {
  return CatalogRefresher.from(options, await openCatalog(options, options.now().slice(0, 10)));
}
