// Build number -> release, for Windows client and server: what `winver`, `ver`, Intune, Configuration
// Manager and Active Directory report. Built from the catalogue's `latest` builds plus a small table
// of corrections (names/windows-builds.ts); the imports of device exports use the same index.
import type { Catalog, Release } from './catalog.js';
import { buildOverrides, productsWithBuilds } from './names/windows-builds.js';

export interface BuildIndex {
  /** Releases with this build (`10.0.19045`, `10.0.19045.4291`), in `product`, or in any product with builds. */
  releasesFor(build: string, product?: string): Release[];
}

const BUILD = /^(\d+)\.(\d+)\.(\d+)(?:\.\d+)?$/;

/** `10.0.19045.4291` -> `10.0.19045`; null when it is not a build number. */
function buildKey(text: string): string | null {
  const match = BUILD.exec(text);
  return match ? `${Number(match[1])}.${Number(match[2])}.${Number(match[3])}` : null;
}

export function createBuildIndex(catalog: Catalog): BuildIndex {
  // Built on the first build number asked about: most questions name no build.
  let byProduct: Map<string, Map<string, Release[]>> | undefined;
  const index = () => (byProduct ??= buildsByProduct(catalog));
  return {
    releasesFor(build, product) {
      const key = buildKey(build);
      if (!key) return [];
      for (const name of product ? [product] : productsWithBuilds) {
        const found = index().get(name)?.get(key);
        if (found) return found;
      }
      return [];
    },
  };
}

function buildsByProduct(catalog: Catalog): Map<string, Map<string, Release[]>> {
  const byProduct = new Map<string, Map<string, Release[]>>();
  for (const productName of productsWithBuilds) {
    const product = catalog.productByName.get(productName);
    if (!product) continue;
    const builds = new Map<string, Release[]>();
    for (const release of product.releases) {
      const key = release.latest ? buildKey(release.latest.name) : null;
      if (key) builds.set(key, [...(builds.get(key) ?? []), release]);
    }
    for (const [build, names] of Object.entries(buildOverrides[productName] ?? {})) {
      const releases = names
        .map((name) => product.releases.find((release) => release.name === name))
        .filter((r): r is Release => r !== undefined);
      if (releases.length > 0) builds.set(build, releases);
    }
    byProduct.set(productName, builds);
  }
  return byProduct;
}
