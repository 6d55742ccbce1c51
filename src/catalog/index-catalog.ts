// A catalogue with what answers need built once: the name resolver and the release-by-key index.
// Swapped whole when a refresh is accepted, so a request in flight keeps the one it started with.
import type { Catalog, Release } from './catalog.js';
import { createResolver, type Resolver } from './resolve-name.js';

export interface IndexedCatalog {
  catalog: Catalog;
  resolve: Resolver;
  /** `windows/8.1` -> its release. */
  releaseByKey: { get(key: string): Release | undefined };
  /** ISO date of the data, named in every answer. */
  dataDate: string;
}

export function indexCatalog(catalog: Catalog): IndexedCatalog {
  // One product's releases indexed when first asked for: a question reads only the products it names.
  const byProduct = new Map<string, Map<string, Release>>();
  const releasesOf = (productName: string): Map<string, Release> | undefined => {
    let releases = byProduct.get(productName);
    const product = releases ? undefined : catalog.productByName.get(productName);
    if (product) byProduct.set(productName, (releases = new Map(product.releases.map((r) => [r.name, r]))));
    return releases;
  };
  return {
    catalog,
    resolve: createResolver(catalog),
    releaseByKey: {
      get: (key) => {
        const slash = key.indexOf('/');
        return slash > 0 ? releasesOf(key.slice(0, slash))?.get(key.slice(slash + 1)) : undefined;
      },
    },
    dataDate: catalog.generatedAt.slice(0, 10),
  };
}
