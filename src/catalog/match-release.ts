// The words after a product's name -> its release(s). Tried in order, the first that finds wins:
// the words as typed; then without harmless words ("lts", "version", "server", edition words that
// choose nothing); then with the edition words choosing among editions (Windows); then each word on its
// own when they agree ("12 bookworm", "8.9 ootpa"). Version shapes are read along the way: build
// numbers, "v20.11.1", "15 sp5", "1.1.1w", "tomcat 9" -> 9.0, and a service pack lineage named by its
// base ("server 2003", "sql server 2016") means its last service pack, as Microsoft states it.
import type { BuildIndex } from './build-index.js';
import type { Product, Release } from './catalog.js';
import {
  editionRules,
  ignoredEditionWords,
  releaseChangingWords,
  yearVersions,
  type EditionTag,
} from './names/editions.js';
import { harmlessReleaseWords } from './names/question-words.js';
import { r2FollowsBase } from './names/synonyms.js';
import { normalizeName, tokensOf } from './normalize-name.js';

export interface ReleaseMatch {
  releases: Release[];
  /** Something the answer should say about how the words were read. */
  note?: string;
}

export type ReleaseMatcher = (tokens: readonly string[]) => ReleaseMatch | null;

interface ReleaseKeys {
  release: Release;
  name: string;
  /** Label, label without the product's words, without codename and brackets, codename and its first word. */
  others: string[];
  /** The label without the product's words, codename and brackets: "2008 sp4", "2003 sp2". */
  plainLabel: string;
}

const EDITION_TAGS = new Set<string>(['w', 'e', 'iot', 'lts']);
const SERVICE_PACK = / sp\d+[a-z]?$/;

function isTokenPrefix(prefix: string, of: string): boolean {
  return of === prefix || of.startsWith(`${prefix} `);
}

const MAX_RELEASE_WORDS = 8;
/** Words that make a different release or product of the rest: never dropped when single words agree. */
const RELEASE_CHANGING = /^(?:sp\d+[a-z]?|phone|mobile|embedded|rt|ce|compact|s)$/;
const MAX_AGREEING_WORDS = 6;

/** "10.0.19045", "10.0.19045.4291": a build number, as winver and device managers give it. */
export const isBuild = (token: string): boolean => /^\d+\.\d+\.\d{3,}/.test(token);

const dotCount = (text: string): number => (text.match(/\./g) ?? []).length;

function keysOf(productWords: ReadonlySet<string>, release: Release): ReleaseKeys {
  const label = normalizeName(release.label);
  const labelTokens = label.split(' ');
  let start = 0;
  while (start < labelTokens.length - 1 && productWords.has(labelTokens[start] ?? '')) start += 1;
  const bare = labelTokens.slice(start).join(' ');
  // "2008 'Katmai' SP4" -> "2008 sp4"; "Windows Server 2003 SP2 (LTSC)" -> "2003 sp2".
  const plainLabel = tokensOf(release.label.replace(/'[^']*'|\([^)]*\)/g, ' '))
    .filter((token) => !productWords.has(token))
    .join(' ');
  // "2008 r2 sp3" is SQL Server's "2008 R2 'Kilimanjaro' SP3": the label without its codename names it too.
  const withoutCodename = tokensOf(release.label.replace(/'[^']*'/g, ' '))
    .filter((token) => !productWords.has(token))
    .join(' ');
  const others = [label, bare, ...(withoutCodename !== bare ? [withoutCodename] : [])];
  if (release.codename) {
    const codename = normalizeName(release.codename);
    others.push(codename, codename.split(' ')[0] ?? codename);
  }
  return {
    release,
    name: normalizeName(release.name),
    others: [...new Set(others.filter((other) => other !== ''))],
    plainLabel,
  };
}

/** "2003" -> Windows Server 2003 SP2: each service-pack lineage's base, to its last service pack. */
function lineagesOf(keys: readonly ReleaseKeys[]): Map<string, Release> {
  const best = new Map<string, { release: Release; pack: number }>();
  for (const key of keys) {
    const match = SERVICE_PACK.exec(key.plainLabel);
    if (!match) continue;
    const base = key.plainLabel.slice(0, match.index);
    const pack = Number.parseInt(match[0].replace(/\D/g, ''), 10);
    const current = best.get(base);
    if (!current || pack > current.pack) best.set(base, { release: key.release, pack });
  }
  return new Map([...best].map(([base, { release }]) => [base, release]));
}

function editionPartsOf(name: string): { base: string; tags: Set<EditionTag> } {
  const tokens = name.split(' ');
  let cut = tokens.length;
  while (cut > 1 && EDITION_TAGS.has(tokens[cut - 1] ?? '')) cut -= 1;
  return { base: tokens.slice(0, cut).join(' '), tags: new Set(tokens.slice(cut) as EditionTag[]) };
}

function fitsEdition(tags: ReadonlySet<EditionTag>, wanted: ReadonlySet<EditionTag>): boolean {
  if (wanted.has('lts')) return tags.has('lts') && tags.has('iot') === wanted.has('iot');
  if (wanted.has('iot')) return tags.has('iot') && !tags.has('lts');
  if (tags.has('lts') || tags.has('iot')) return false;
  if (wanted.has('w')) return !tags.has('e');
  if (wanted.has('e')) return !tags.has('w');
  return true;
}

export function createReleaseMatcher(product: Product, builds: BuildIndex): ReleaseMatcher {
  const productWords = new Set([...tokensOf(product.name), ...tokensOf(product.label)]);
  const keys = product.releases.map((release) => keysOf(productWords, release));
  const lineages = lineagesOf(keys);
  const plainLabelOf = new Map(keys.map((key) => [key.release, key.plainLabel]));
  const hasR2 = keys.some((key) => key.plainLabel.split(' ').includes('r2'));
  const r2OfBase = r2FollowsBase[product.name];
  // A release whose label has no number ("Regular": Jenkins' weekly line "2") is no version's cycle.
  const labelShowsVersion = new Map(keys.map((key) => [key.release, /\d/.test(key.release.label)]));
  const minDots = Math.min(...keys.map((key) => dotCount(key.name)));
  const editions = editionRules[product.name];
  const ignored = ignoredEditionWords[product.name];
  const versionOfYear = yearVersions[product.name];
  /** "2019 … 1809": the year's own version, which says nothing more. */
  const sameAsYear = (token: string, tokens: readonly string[]) =>
    versionOfYear !== undefined && tokens.some((other) => versionOfYear[other] === token);
  const editionOf = new Map(product.releases.map((release) => [release, editionPartsOf(normalizeName(release.name))]));
  const tagsOf = (release: Release): ReadonlySet<EditionTag> => editionOf.get(release)?.tags ?? new Set();

  function byName(query: string): Release[] {
    const levels: ((k: ReleaseKeys) => boolean)[] = [
      (k) => k.name === query,
      (k) => k.others.includes(query),
      (k) => isTokenPrefix(query, k.name) || k.others.some((other) => isTokenPrefix(query, other)),
      // A major version where releases are major.minor: "tomcat 9" -> 9.0, "php 7" -> 7.0 to 7.4.
      (k) => /^\d+$/.test(query) && k.name.startsWith(`${query}.`),
    ];
    for (const level of levels) {
      const found = keys.filter(level).map((k) => k.release);
      if (found.length > 0) return found;
    }
    return [];
  }

  function asTyped(query: string): Release[] {
    if (query === '') return [];
    if (isBuild(query) && !query.includes(' ')) {
      const built = builds.releasesFor(query, product.name);
      if (built.length > 0) return built;
    }
    const lineage = lineages.get(query);
    if (lineage) return [lineage];
    const found = byName(query);
    if (found.length > 0) return found;
    const servicePack = /^(\d+) sp(\d+)$/.exec(query); // "sles 15 sp5" -> 15.5
    if (servicePack) return byName(`${servicePack[1]}.${servicePack[2]}`);
    // "node 18.x", "python 3.11.x": the release line, when no release is named so ("IBM MQ 6.X" is).
    const line = /^(\d+(?:\.\d+)*)(?:\.x)+$/.exec(query);
    if (line?.[1]) return asTyped(line[1]);
    const lettered = /^(\d+(?:\.\d+)+)[a-z]$/.exec(query); // "openssl 1.1.1w" -> 1.1.1
    if (lettered?.[1]) return asTyped(lettered[1]);
    // A full version belongs to its release cycle ("python 3.11.4" -> 3.11), but never below the
    // product's own depth: "python 3.1" is not 3.x.
    // Nor a line whose label has no version: "jenkins 2.4" is no release of the weekly line "2" ("Regular").
    if (/^\d+(?:\.\d+)+$/.test(query) && dotCount(query) > minDots)
      return asTyped(query.replace(/\.\d+$/, '')).filter((release) => labelShowsVersion.get(release) !== false);
    return [];
  }

  /**
   * "10 22h2 10.0.22631": a build beside words that name another release is no answer for either (a typo
   * in one of them); a build is what the machine runs where the words name nothing or one of its versions.
   */
  function buildAgrees(build: string, words: readonly string[]): boolean {
    const named = matcher(words.filter((token) => token !== build));
    if (!named) return true;
    const versions = new Set(asTyped(build).map((release) => editionOf.get(release)?.base));
    return named.releases.some((release) => versions.has(editionOf.get(release)?.base));
  }

  function withEditions(tokens: readonly string[]): ReleaseMatch | null {
    if (!editions) return null;
    const wanted = new Set<EditionTag>();
    const rest: string[] = [];
    let chosen = false;
    for (let index = 0; index < tokens.length;) {
      let taken = 0;
      for (let length = Math.min(4, tokens.length - index); length >= 1 && taken === 0; length -= 1) {
        const tags = editions.words[tokens.slice(index, index + length).join(' ')];
        if (tags) {
          tags.forEach((tag) => wanted.add(tag));
          taken = length;
        }
      }
      if (taken === 0) rest.push(tokens[index] as string);
      else chosen = true;
      index += Math.max(taken, 1);
    }
    if (!chosen) return null;
    const year = tokens.find((token) => editions.channelYears[token]);
    // "windows 10 enterprise 2019", "10 iot enterprise 2021": only the long-term channel is named by a year.
    const yearOnly = rest.every((token) => token === year || /^1[01]$/.test(token) || harmlessReleaseWords.has(token));
    if (year && yearOnly && tokens.some((token) => ['enterprise', 'ent', 'iot'].includes(token))) wanted.add('lts');
    const build = rest.find(isBuild);
    if (build && !buildAgrees(build, rest)) return null;
    const base =
      build ??
      (wanted.has('lts') && year
        ? (editions.channelYears[year] ?? '')
        : rest.filter((token) => !harmlessReleaseWords.has(token)).join(' '));
    // Every edition of the release the words name: "10 1507" is also 10-1507-e-lts and 10-1507-iot.
    const bases = new Set((base === '' ? [] : asTyped(base)).map((release) => editionOf.get(release)?.base));
    const found = product.releases.filter((release) => bases.has(editionOf.get(release)?.base));
    const fitting = found.filter((release) => fitsEdition(tagsOf(release), wanted));
    // IoT Enterprise without its own entry follows Enterprise's dates.
    const enterprise = new Set<EditionTag>(wanted.has('lts') ? ['e', 'lts'] : ['e']);
    const fallback =
      fitting.length > 0 || !wanted.has('iot')
        ? fitting
        : found.filter((release) => fitsEdition(tagsOf(release), enterprise));
    if (fallback.length === 0) return null;
    const coversAll = fallback.length === 1 && tagsOf(fallback[0] as Release).size === 0;
    return coversAll ? { releases: fallback, note: editions.allEditions } : { releases: fallback };
  }

  /**
   * The one release the words that name exactly one release agree on, when more of the words that name
   * releases name it than not; words that name none are noise ("ubuntu 20.04 server"). A word is never
   * dropped to make the rest agree: "10 22h2 90 30 7" is no Windows 7 (two words name other releases),
   * "windows phone 8.1" no Windows 8.1, "sql server 2008 r2 sp3" no SQL Server 2008 SP4.
   */
  function eachWordAgrees(tokens: readonly string[]): Release[] {
    const named: Release[][] = [];
    let agreed: Release | null = null;
    const packs: string[] = [];
    for (const token of tokens) {
      const found = asTyped(token);
      // "2003 r2 sp2": a service pack names nothing alone, but may be the agreed release's own.
      if (found.length === 0 && SERVICE_PACK.test(` ${token}`)) {
        packs.push(token);
        continue;
      }
      if (found.length !== 1 && RELEASE_CHANGING.test(token)) return [];
      if (found.length === 0) continue;
      named.push(found);
      if (found.length > 1) continue;
      if (agreed !== null && agreed !== found[0]) return [];
      agreed = found[0] as Release;
    }
    if (agreed === null) return [];
    // "2008 r2 sp2" is no Server 2008 SP2, "2016 r2" no Server 2016: where a product has R2 releases, an R2
    // typed is the release's own, except where Microsoft gives an R2 its base's lifecycle (Server 2003 R2).
    const plainLabel = plainLabelOf.get(agreed) ?? '';
    const agreedWords = plainLabel.split(' ');
    if (tokens.includes('r2') && hasR2 && !agreedWords.includes('r2') && !r2OfBase?.has(agreedWords[0] ?? ''))
      return [];
    if (packs.length > 1) return [];
    if (packs[0] !== undefined && !plainLabel.endsWith(` ${packs[0]}`)) {
      // "2003 r2 sp1": the lineage's release of that service pack, when the catalogue has one.
      const lineage = SERVICE_PACK.exec(plainLabel);
      const packed = lineage ? asTyped(`${plainLabel.slice(0, lineage.index)} ${packs[0]}`) : [];
      return packed.length === 1 ? packed : [];
    }
    const forIt = named.filter((found) => found.includes(agreed)).length;
    return forIt > named.length - forIt ? [agreed] : [];
  }

  /**
   * "2012 r2 6.3" (a name, then a kernel version): the longest run of two or more words from the start
   * that names one release, when no word after it names another release or changes the release.
   */
  function leadingRun(tokens: readonly string[]): Release[] {
    for (let end = tokens.length - 1; end >= 2; end -= 1) {
      const found = asTyped(tokens.slice(0, end).join(' '));
      if (found.length !== 1) continue;
      const after = tokens.slice(end);
      const conflicts = after.some(
        (token) => RELEASE_CHANGING.test(token) || asTyped(token).some((release) => release !== found[0]),
      );
      return conflicts ? [] : found;
    }
    return [];
  }

  /** "ltsc 2024" is Office's "2024 LTSC": two or three words in another order. */
  function reordered(tokens: readonly string[]): Release[] {
    if (tokens.length < 2 || tokens.length > 3) return [];
    const orders =
      tokens.length === 2
        ? [[1, 0]]
        : [
            [0, 2, 1],
            [1, 0, 2],
            [1, 2, 0],
            [2, 0, 1],
            [2, 1, 0],
          ];
    for (const order of orders) {
      const found = asTyped(order.map((index) => tokens[index]).join(' '));
      if (found.length === 1) return found;
    }
    return [];
  }

  const changing = releaseChangingWords[product.name];
  /** "office 2019 for mac" is no Office 2019: with such a word typed, only a release named with it. */
  const withChangingWords = (tokens: readonly string[], match: ReleaseMatch | null): ReleaseMatch | null => {
    const typedWords = changing ? tokens.filter((token) => changing.has(token)) : [];
    if (!match || typedWords.length === 0) return match;
    const named = match.releases.filter((release) => typedWords.every((word) => tokensOf(release.name).includes(word)));
    return named.length > 0 ? { ...match, releases: named } : null;
  };
  const matcher: ReleaseMatcher = (typed) => {
    // No release needs more words than this after its product's name; more only cost time.
    const tokens = typed.slice(0, MAX_RELEASE_WORDS);
    const build = tokens.find(isBuild);
    const byBuild = (): ReleaseMatch | null => {
      const built = build ? asTyped(build) : [];
      return build && built.length > 0 && buildAgrees(build, tokens) ? { releases: built } : null;
    };
    if (build && !editions) {
      const built = byBuild();
      if (built) return built;
    }
    const attempts = [
      tokens,
      tokens.filter((token) => !harmlessReleaseWords.has(token) && !ignored?.has(token) && !sameAsYear(token, tokens)),
    ];
    for (const attempt of attempts) {
      if (attempt.length === 0) continue;
      const edition = withEditions(attempt);
      if (edition) return edition;
      const found = asTyped(attempt.join(' '));
      if (found.length > 0) return { releases: found };
    }
    const cleaned = attempts[1] as string[];
    // "12 bookworm", "8.9 ootpa": a version beside a codename or edition; longer runs are no release.
    if (cleaned.length > 1 && cleaned.length <= MAX_AGREEING_WORDS) {
      // Before single words agree, which would drop "ltsc" from "office ltsc 2024": 2024 and 2024 LTSC are two releases.
      const inOrder = reordered(cleaned);
      if (inOrder.length > 0) return { releases: inOrder };
      const leading = leadingRun(cleaned);
      if (leading.length > 0) return { releases: leading };
      const agreed = eachWordAgrees(cleaned);
      if (agreed.length > 0) return { releases: agreed };
    }
    // A build number is what winver says the machine runs ("23h2 (os build 22631.3447)"): its releases,
    // every edition of them when no edition was named.
    // Not beside a year: "win 2019 1809 10.0.17763" is Windows Server 2019, whose build client 1809 shares.
    if (build && !tokens.some((token) => /^(?:19|20)\d\d$/.test(token))) return byBuild();
    return null;
  };
  return changing ? (typed) => withChangingWords(typed, matcher(typed)) : matcher;
}
