// The names one question asks about, each resolved. "xp and vista", "windows 7 vs windows 10",
// "ubuntu 20.04 & 22.04" and "python 3.8/3.9" name two releases, unless the word is part of the name
// asked ("Citrix Virtual Apps and Desktops", "Veeam Backup & Replication"); a bare version after a
// name is read in that name's product ("ubuntu 20.04, 22.04", "xp, 8.1 and 10 22h2"), as counts are.
import type { Release } from '../catalog/catalog.js';
import type { Resolution, Resolver } from '../catalog/resolve-name.js';

// "python 3.8 / 3.9", "windows 7/8.1/10", "php 7.4 + 8.0": a slash or plus only between versions.
const CONNECTOR = /\s+(?:and|or|&|\+|vs\.?|versus)\s+|(?<=\d)\s*[/+]\s*(?=\d)/i;
const CONNECTOR_IN_NAME = /\s(?:and|or|&)\s/i;
/** Past this many names, a question is read as typed: the bound on one question's work. */
const MAX_NAMES = 20;

const answers = (resolution: Resolution): resolution is Extract<Resolution, { kind: 'release' | 'releases' }> =>
  resolution.kind === 'release' || resolution.kind === 'releases';

const productNameOf = (resolution: Extract<Resolution, { kind: 'release' | 'releases' }>): string =>
  resolution.kind === 'release' ? resolution.release.productName : resolution.product.name;

const namesOf = (resolution: Extract<Resolution, { kind: 'release' | 'releases' }>): string[] =>
  resolution.kind === 'release'
    ? [resolution.release.productLabel, resolution.release.label]
    : [resolution.product.label, ...resolution.releases.map((release: Release) => release.label)];

/** One name a question asks about, and what it resolves to. */
interface Named {
  name: string;
  resolution: Resolution;
}

/**
 * Each name resolved in order; a bare version that alone names no release is read in the product of
 * the name before it ("xp, 8.1": Windows 8.1). `product`: the product named before the first.
 */
function inOrder(names: readonly Named[], resolve: Resolver, product: string | null = null): Named[] {
  let last = product;
  return names.map(({ name, resolution: own }) => {
    let resolution = own;
    if (!answers(resolution) && last && /^\s*\d/.test(name)) {
      const inProduct = resolve(`${last} ${name.trim()}`);
      if (answers(inProduct)) resolution = inProduct;
    }
    if (answers(resolution)) last = productNameOf(resolution);
    return { name, resolution };
  });
}

/**
 * "rhel 7 8 9", "ubuntu 18.04 20.04 22.04", "is rhel 8 9 still supported?": versions listed with spaces
 * after a name, when the query names nothing as a whole; each one release of the first one's product
 * (the words after the last go with it), or null unless every one is.
 */
function versionsListed(query: string, resolve: Resolver): Named[] | null {
  const words = query.trim().split(/\s+/);
  const isVersion = (word: string | undefined) => word !== undefined && /^\d[\w.]*$/.test(word);
  let end = words.length;
  while (end > 0 && !isVersion(words[end - 1])) end -= 1;
  let first = end;
  while (first > 0 && isVersion(words[first - 1])) first -= 1;
  const versions = words.slice(first, end);
  if (first === 0 || versions.length < 2 || versions.length > MAX_NAMES) return null;
  const parts = [words.slice(0, first + 1).join(' '), ...versions.slice(1, -1), words.slice(end - 1).join(' ')];
  const names = inOrder(
    parts.map((name) => ({ name, resolution: resolve(name) })),
    resolve,
  );
  // Each one release: "ubuntu 22.04 12" (a count, most likely) is no question about Ubuntu 12's listing.
  return names.every((named) => named.resolution.kind === 'release') ? names : null;
}

// "python 3.8-3.12", "node 16 – 20": two versions of one product with a dash between them.
const VERSION_RANGE = /^(.*?\S)\s+(\d[\w.]*)\s*[-–]\s*(\d[\w.]*)(\s.*)?$/;

/** Every release of a range of versions, in the catalogue's order; null unless both ends name one. */
function versionRange(query: string, resolve: Resolver): Named[] | null {
  const range = VERSION_RANGE.exec(query.trim());
  if (!range) return null;
  const [, name = '', from = '', to = '', rest = ''] = range;
  const first = resolve(`${name} ${from}${rest}`);
  if (first.kind !== 'release') return null;
  const last = resolve(`${first.release.productName} ${to}`);
  const all = resolve(first.release.productName);
  if (last.kind !== 'release' || all.kind !== 'releases') return null;
  const [start, end] = [all.releases.indexOf(first.release), all.releases.indexOf(last.release)].sort((a, b) => a - b);
  if (start === undefined || end === undefined || start < 0) return null;
  // "node 4-24": more releases than a question names one by one; the product's listing holds them all.
  if (end - start + 1 > MAX_NAMES) return [{ name: first.release.productName, resolution: all }];
  return all.releases
    .slice(start, end + 1)
    .reverse()
    .map((release) => ({
      name: `${release.productName} ${release.name}`,
      resolution: { kind: 'release', query, release },
    }));
}

/**
 * The query's names, in order after `product` (the product named before the query): split at "and",
 * "or", "&" or "vs" when every part names a release or product ("xp and vista", "ubuntu 20.04 or
 * 22.04"); whole otherwise ("supported or not", "zzz a & b > c"), when what the whole names has that
 * word in it ("Citrix Virtual Apps and Desktops"), or when it has more parts than a question has
 * names. Each resolved once. `whole`: the query read whole, for a question of too many names.
 */
function namesIn(query: string, resolve: Resolver, product: string | null): { names: Named[]; whole: Named } {
  const whole = inOrder([{ name: query, resolution: resolve(query) }], resolve, product)[0] as Named;
  if (!answers(whole.resolution)) {
    const listed = versionsListed(query, resolve) ?? versionRange(query, resolve);
    if (listed) return { names: listed, whole };
  }
  if (!CONNECTOR.test(query)) return { names: [whole], whole };
  const { resolution } = whole;
  if (answers(resolution) && namesOf(resolution).some((name) => CONNECTOR_IN_NAME.test(name)))
    return { names: [whole], whole };
  const parts = query.split(CONNECTOR).filter((name) => name.trim() !== '');
  if (parts.length > MAX_NAMES) return { names: [whole], whole };
  const names = inOrder(
    parts.map((name) => ({ name, resolution: resolve(name) })),
    resolve,
    product,
  );
  return { names: names.every((named) => answers(named.resolution)) ? names : [whole], whole };
}

/**
 * "Windows 10 Pro, 22H2": a bare version that names nothing, after a name that lists releases, is
 * that name's version (one question, the comma Microsoft's), when together they name fewer releases.
 */
function refined(listing: Named, query: string, resolve: Resolver): Named | null {
  if (listing.resolution.kind !== 'releases' || !/^\s*\d/.test(query)) return null;
  const name = `${listing.name.trim()} ${query.trim()}`;
  const resolution = resolve(name);
  const narrower =
    resolution.kind === 'release' ||
    (resolution.kind === 'releases' && resolution.releases.length < listing.resolution.releases.length);
  return narrower ? { name, resolution } : null;
}

export function resolveQueries(queries: readonly string[], resolve: Resolver): Resolution[] {
  // "xp, 8.1 and 10 22h2": the product named so far carries into the next question's parts.
  let product: string | null = null;
  const split: { names: Named[]; whole: Named }[] = [];
  for (const query of queries) {
    const read = namesIn(query, resolve, product);
    const before = split.at(-1);
    const named =
      before?.names.length === 1 && read.names.length === 1 && !answers(read.whole.resolution)
        ? refined(before.whole, query, resolve)
        : null;
    if (named) split[split.length - 1] = { names: [named], whole: named };
    else split.push(read);
    for (const { resolution } of named ? [named] : read.names)
      if (answers(resolution)) product = productNameOf(resolution);
  }
  const all = split.flatMap(({ names }) => names);
  return (all.length <= MAX_NAMES ? all : split.map(({ whole }) => whole)).map(({ resolution }) => resolution);
}
