// Typed text -> a release, a product's releases, or "not found" with the closest names.
// Exact names first, then aliases, labels, codenames and our synonyms, then token prefixes
// ("windows 7" -> 7 SP1), and fuzzy matching only for what nothing else explains (typos).
import Fuse from 'fuse.js';
import type { Catalog, Product, Release } from './catalog.js';
import { normalizeName, tokensOf } from './normalize-name.js';
import { productSynonyms, releaseSynonyms } from './synonyms.js';

export type Resolution =
  | { kind: 'release'; query: string; release: Release; correctedFrom?: string }
  | { kind: 'releases'; query: string; product: Product; releases: Release[]; correctedFrom?: string }
  | { kind: 'ambiguous'; query: string; products: Product[] }
  | { kind: 'not-found'; query: string; suggestions: string[] };

export type Resolver = (query: string) => Resolution;

interface ReleaseKeys {
  release: Release;
  name: string;
  /** Label, label without the product's own words, codename and its first word. */
  others: string[];
}

// A fuzzy product match counts only when it is this close (0 = exact, 1 = anything).
const FUZZY_ACCEPT = 0.35;
const SUGGESTIONS = 5;
// Shorter words are too easily close to something ("lts" is two edits from "salt").
const FUZZY_MIN_LENGTH = 4;
// Longer patterns leave fuse's fast bit-parallel search, and no product name is this long.
const FUZZY_MAX_LENGTH = 32;

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function releaseKeysOf(productWords: ReadonlySet<string>, release: Release): ReleaseKeys {
  const label = normalizeName(release.label);
  const labelTokens = label.split(' ');
  let start = 0;
  while (start < labelTokens.length - 1 && productWords.has(labelTokens[start] ?? '')) start += 1;
  const others = [label, labelTokens.slice(start).join(' ')];
  if (release.codename) {
    const codename = normalizeName(release.codename);
    others.push(codename, codename.split(' ')[0] ?? codename);
  }
  return { release, name: normalizeName(release.name), others: [...new Set(others)] };
}

function isTokenPrefix(prefix: string, of: string): boolean {
  return of === prefix || of.startsWith(`${prefix} `);
}

function matchRelease(keys: readonly ReleaseKeys[], query: string): Release[] {
  const levels: ((k: ReleaseKeys) => boolean)[] = [
    (k) => k.name === query,
    (k) => k.others.includes(query),
    (k) => isTokenPrefix(query, k.name) || k.others.some((other) => isTokenPrefix(query, other)),
  ];
  for (const level of levels) {
    const found = keys.filter(level).map((k) => k.release);
    if (found.length > 0) return found;
  }
  // A full version ("node 18.19.0", "ubuntu 22.04.3") belongs to its release cycle.
  const shorter = query.replace(/\.\d+$/, '');
  return shorter !== query && /\d$/.test(shorter) ? matchRelease(keys, shorter) : [];
}

export function createResolver(catalog: Catalog): Resolver {
  const productsByKey = new Map<string, Product[]>();
  const releaseKeysByProduct = new Map<string, ReleaseKeys[]>();
  const releaseByFullName = new Map<string, Release[]>();
  for (const product of catalog.products) {
    for (const key of [product.name, ...product.aliases, product.label]) addTo(productsByKey, normalizeName(key), product);
    const productWords = new Set([...tokensOf(product.name), ...tokensOf(product.label)]);
    const keys = product.releases.map((release) => releaseKeysOf(productWords, release));
    releaseKeysByProduct.set(product.name, keys);
    for (const k of keys) addTo(releaseByFullName, `${normalizeName(product.name)} ${k.name}`, k.release);
  }
  // A codename alone ("jammy") or an OS release's label alone ("XP SP3") names a release when no
  // other release shares it. Other products' labels are left out: "java 17" is not AWS Lambda's.
  const releasesByLabel = new Map<string, Release[]>();
  const releasesByName = new Map<string, Release[]>();
  for (const product of catalog.products) {
    for (const k of releaseKeysByProduct.get(product.name) ?? []) {
      addTo(releasesByName, k.name, k.release);
      const bare = product.category === 'os' ? k.others : k.others.slice(2);
      for (const other of bare) if (!/^[\d.]+$/.test(other)) addTo(releasesByLabel, other, k.release);
    }
  }
  const uniqueReleaseByLabel = new Map<string, Release>();
  for (const [label, releases] of releasesByLabel) if (releases.length === 1 && releases[0]) uniqueReleaseByLabel.set(label, releases[0]);
  for (const [synonym, name] of Object.entries(productSynonyms)) {
    const product = catalog.productByName.get(name);
    if (product) addTo(productsByKey, synonym, product);
  }
  const longestProductKey = Math.max(...[...productsByKey.keys()].map((key) => key.split(' ').length));
  const fuzzyProducts = new Fuse([...productsByKey.keys()], { includeScore: true, threshold: 0.5 });
  // A tighter threshold prunes early: typo correction runs twice as fast as the suggestion search.
  const fuzzyTypos = new Fuse([...productsByKey.keys()], { includeScore: true, threshold: FUZZY_ACCEPT });

  function releaseSynonym(normalized: string): Release | undefined {
    const synonym = releaseSynonyms[normalized];
    if (!synonym) return undefined;
    return catalog.productByName.get(synonym.product)?.releases.find((r) => r.name === synonym.release);
  }

  // "win7", "rhel8", "node18": split a known product name from the version glued to it.
  function splitGlued(tokens: string[]): string[] {
    return tokens.flatMap((token) => {
      const glued = /^([a-z]+)(\d[\w.]*)$/.exec(token);
      return glued?.[1] && glued[2] && productsByKey.has(glued[1]) ? [glued[1], glued[2]] : [token];
    });
  }

  function withinProduct(query: string, product: Product, rest: string[], correctedFrom?: string): Resolution | null {
    if (rest.length === 0) return { kind: 'releases', query, product, releases: product.releases, correctedFrom };
    const restText = rest.join(' ');
    const found = matchRelease(releaseKeysByProduct.get(product.name) ?? [], restText);
    const synonym = found.length === 0 ? releaseSynonym(restText) : undefined;
    if (synonym?.productName === product.name) return { kind: 'release', query, release: synonym, correctedFrom };
    if (found.length === 1 && found[0]) return { kind: 'release', query, release: found[0], correctedFrom };
    if (found.length > 1) return { kind: 'releases', query, product, releases: found, correctedFrom };
    return null;
  }

  function suggestReleases(product: Product, rest: string): string[] {
    const keys = releaseKeysByProduct.get(product.name) ?? [];
    const fuse = new Fuse(keys, { keys: ['name', 'others'], threshold: 0.6 });
    const close = fuse.search(rest.slice(0, FUZZY_MAX_LENGTH), { limit: SUGGESTIONS }).map((hit) => hit.item.release);
    const fallback = close.length > 0 ? close : product.releases.slice(0, SUGGESTIONS);
    return fallback.map((release) => `${product.name} ${release.name}`);
  }

  // Close spellings, best first; among equals the one nearest in length ("windwos": windows, not windows-embedded).
  function closeProducts(typed: string): Product[] {
    if (typed.length < FUZZY_MIN_LENGTH || typed.length > FUZZY_MAX_LENGTH) return [];
    const hits = fuzzyTypos
      .search(typed, { limit: SUGGESTIONS })
      .sort((a, b) => (a.score ?? 1) - (b.score ?? 1) || Math.abs(a.item.length - typed.length) - Math.abs(b.item.length - typed.length));
    return [...new Set(hits.flatMap((hit) => productsByKey.get(hit.item) ?? []))];
  }

  function suggestProducts(query: string): string[] {
    const names = fuzzyProducts
      .search(query.slice(0, FUZZY_MAX_LENGTH), { limit: SUGGESTIONS * 3 })
      .flatMap((hit) => (productsByKey.get(hit.item) ?? []).map((product) => product.name));
    return [...new Set(names)].slice(0, SUGGESTIONS);
  }

  return function resolve(query: string): Resolution {
    const normalized = normalizeName(query);
    const exact = releaseByFullName.get(normalized) ?? [];
    if (exact.length === 1 && exact[0]) return { kind: 'release', query, release: exact[0] };
    const tokens = splitGlued(normalized === '' ? [] : normalized.split(' '));
    if (tokens.length === 0) return { kind: 'not-found', query, suggestions: [] };

    const synonym = releaseSynonym(tokens.join(' ')) ?? uniqueReleaseByLabel.get(tokens.join(' '));
    if (synonym) return { kind: 'release', query, release: synonym };

    let knownProduct: { product: Product; rest: string } | null = null;
    for (let length = Math.min(tokens.length, longestProductKey); length >= 1; length -= 1) {
      const products = productsByKey.get(tokens.slice(0, length).join(' '));
      if (!products) continue;
      const rest = tokens.slice(length);
      if (products.length > 1) return { kind: 'ambiguous', query, products };
      const product = products[0] as Product;
      const resolution = withinProduct(query, product, rest);
      if (resolution) return resolution;
      knownProduct ??= { product, rest: rest.join(' ') };
    }
    if (knownProduct) return { kind: 'not-found', query, suggestions: suggestReleases(knownProduct.product, knownProduct.rest) };

    // Nothing matched as typed: try the first words as a misspelt product ("windwos 8.1"), but only
    // with a release after them, so that a stray word ("nope") is not read as a product ("node").
    for (let length = Math.min(tokens.length - 1, longestProductKey); length >= 1; length -= 1) {
      const typed = tokens.slice(0, length).join(' ');
      for (const product of closeProducts(typed)) {
        const resolution = withinProduct(query, product, tokens.slice(length), typed);
        if (resolution) return resolution;
      }
    }
    const sameName = (releasesByName.get(normalized) ?? []).map((release) => `${release.productName} ${release.name}`);
    return { kind: 'not-found', query, suggestions: sameName.length > 0 ? sameName.slice(0, SUGGESTIONS) : suggestProducts(normalized) };
  };
}
