// The names one question asks about, each resolved. "xp and vista", "windows 7 vs windows 10" and
// "ubuntu 20.04 & 22.04" name two releases, unless the word is part of the name asked ("Citrix
// Virtual Apps and Desktops", "Veeam Backup & Replication"); a bare version after a name is read in
// that name's product ("ubuntu 20.04, 22.04", "xp, 8.1 and 10 22h2"), as counts are.
import type { Release } from '../catalog/catalog.js';
import type { Resolution, Resolver } from '../catalog/resolve-name.js';

const CONNECTOR = /\s+(?:and|&|vs\.?|versus)\s+/i;
const CONNECTOR_IN_NAME = /\s(?:and|&)\s/i;
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
 * The query's names: split at "and", "&" or "vs", unless what the whole names has that word in it, or
 * no part names anything, or it has more parts than a question has names. Each resolved once.
 */
function namesIn(query: string, resolve: Resolver): { names: Named[]; whole: Named } {
  const whole = { name: query, resolution: resolve(query) };
  if (!CONNECTOR.test(query)) return { names: [whole], whole };
  const { resolution } = whole;
  if (answers(resolution) && namesOf(resolution).some((name) => CONNECTOR_IN_NAME.test(name)))
    return { names: [whole], whole };
  const parts = query.split(CONNECTOR).filter((name) => name.trim() !== '');
  if (parts.length > MAX_NAMES) return { names: [whole], whole };
  const names = parts.map((name) => ({ name, resolution: resolve(name) }));
  // Words none of which names a release are answered as typed, whole: "zzz a & b > c" is not two questions.
  return { names: names.some((named) => answers(named.resolution)) ? names : [whole], whole };
}

export function resolveQueries(queries: readonly string[], resolve: Resolver): Resolution[] {
  const split = queries.map((query) => namesIn(query, resolve));
  const all = split.flatMap(({ names }) => names);
  const names = all.length <= MAX_NAMES ? all : split.map(({ whole }) => whole);
  let product: string | null = null;
  return names.map(({ name, resolution: own }) => {
    let resolution = own;
    // "8.1" after "xp": Windows 8.1, when "8.1" alone names no one release or product.
    if (!answers(resolution) && product && /^\s*\d/.test(name)) {
      const inProduct = resolve(`${product} ${name.trim()}`);
      if (answers(inProduct)) resolution = inProduct;
    }
    if (answers(resolution)) product = productNameOf(resolution);
    return resolution;
  });
}
