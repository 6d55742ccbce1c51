// A catalogue with what answers need built once: the name resolver and the release-by-key index.
// Swapped whole when a refresh is accepted, so a request in flight keeps the one it started with.
import type { Catalog, Release } from './catalog.js';
import { createResolver, type Resolver } from './resolve-name.js';

export interface IndexedCatalog {
  catalog: Catalog;
  resolve: Resolver;
  releaseByKey: ReadonlyMap<string, Release>;
  /** ISO date of the data, named in every answer. */
  dataDate: string;
}

export function indexCatalog(catalog: Catalog): IndexedCatalog {
  return {
    catalog,
    resolve: createResolver(catalog),
    releaseByKey: new Map(
      catalog.products.flatMap((product) =>
        product.releases.map((release) => [`${product.name}/${release.name}`, release] as const),
      ),
    ),
    dataDate: catalog.generatedAt.slice(0, 10),
  };
}
