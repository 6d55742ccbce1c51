// Typed text -> a release, a product's releases, several candidates, or "not found" with the closest
// names. A product is only ever named by its own words: its name, aliases and label, or a synonym
// of ours (names/synonyms.ts). Question words around it are skipped; a family ("java", ".net")
// is settled by the release when only one of its products has it. Fuzzy matching only corrects a
// misspelt product that is followed by one of its releases, and only suggests otherwise.
import Fuse from 'fuse.js';
import { createBuildIndex } from './build-index.js';
import { editDistance } from './edit-distance.js';
import type { Catalog, Product, Release } from './catalog.js';
import { createReleaseMatcher, type ReleaseMatch, type ReleaseMatcher } from './match-release.js';
import { editionRules, ignoredEditionWords } from './names/editions.js';
import {
  harmlessReleaseWords,
  leadingQuestionWords,
  trailingQuestionVerbs,
  trailingQuestionWords,
} from './names/question-words.js';
import {
  gluedShorthands,
  absentProducts,
  impliedProducts,
  OPENJDK_BUILDS,
  operatingSystemOfDevice,
  olderReleasesOf,
  productFallbacks,
  productSynonyms,
  releaseSynonyms,
  vendorWords,
} from './names/synonyms.js';
import { normalizeName, tokensOf } from './normalize-name.js';
import { readPastedText } from './read-pasted-text.js';

export type Resolution =
  /** `unread`: words between the product's name and the version that name nothing the answer is about. */
  | { kind: 'release'; query: string; release: Release; correctedFrom?: string; note?: string; unread?: string }
  | {
      kind: 'releases';
      query: string;
      product: Product;
      releases: Release[];
      correctedFrom?: string;
      unread?: string;
    }
  /** `candidates`: lookups that would answer, for the asker to pick from ("esxi 7.0", "vcenter 7.0"). */
  | { kind: 'ambiguous'; query: string; products: Product[]; candidates: string[] }
  /** `product`: the product was named, but none of its releases is `release` in endoflife.date's data. */
  | {
      kind: 'not-found';
      query: string;
      suggestions: string[];
      product?: { name: string; label: string; release: string };
      /** A system the words name that endoflife.date does not track (synonyms.ts: absentProducts). */
      untracked?: true;
    };

export type Resolver = (query: string) => Resolution;

const SUGGESTIONS = 5;
// Shorter words are too easily close to something ("lts" is two edits from "salt").
const FUZZY_MIN_LENGTH = 4;
// Longer patterns leave fuse's fast bit-parallel search, and no product name is this long.
const FUZZY_MAX_LENGTH = 32;
// Bounds on the work one question may cost, whatever is typed: words read, typo attempts.
const MAX_TOKENS = 24;
const MAX_TYPO_WORDS = 3;
const MAX_TYPO_RELEASE_WORDS = 4;
const SUGGESTION_PATTERN_LENGTH = 16;
// fuse's score (0 exact, 1 nothing alike) past which a release is not offered as "closest": at 0.6
// "me" (Windows Me, not in the catalogue) was close to every "…-e" release of Windows 11.
const CLOSE_RELEASE_SCORE = 0.4;

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

const looksLikeVersion = (token: string | undefined): boolean => token !== undefined && /^\d/.test(token);
/** Words any product's question may hold between its name and version ("office home and business 2019"). */
const FILLER_WORDS = ['and', 'for', 'the', 'of', 'a', 'with', 'on', 'in'];
/**
 * Words after a release that say where or on what it runs, or ask how it is, not which release: read,
 * and no note ("windows 10 22h2 laptops", "exchange 2019 on prem", "is ubuntu 22.04 safe"), nor Fedora's
 * codename in words ("Fedora release 40 (Forty)").
 */
const TRAILING_READ = new Set(
  `machine machines pc pcs device devices computer computers laptop laptops desktop desktops workstation workstations
  server servers host hosts vm vms box boxes endpoint endpoints node nodes client clients instance instances fleet
  prem premise premises onprem cloud hosted estate safe secure ok okay fine alive vulnerable risky good use using
  twenty thirty forty fifty one two three four five six seven eight nine`.split(/\s+/),
);

const absentFirstWords = new Set([...absentProducts].map((name) => name.split(' ')[0]));
/** Whether the words name a system the catalogue does not track (synonyms.ts: absentProducts), in up to three words. */
const namesAbsentProduct = (tokens: readonly string[]): boolean =>
  tokens.some(
    (token, index) =>
      absentFirstWords.has(token) &&
      [1, 2, 3].some((length) => absentProducts.has(tokens.slice(index, index + length).join(' '))),
  );

const OPEN_ENDED = /\b(?:or|and) (?:later|newer|above|higher|greater|up)\b/;

const LONG_TERM: ReadonlySet<string> = new Set(['lts', 'ltsc', 'ltsb']);
const LISTING: ReadonlySet<string> = new Set(['release', 'releases', 'version', 'versions', 'line', 'lines']);

/** "is it supported in 2026?": a trailing year after the release is a date, not a version. */
function withoutTrailingWords(tokens: readonly string[]): string[] {
  const kept = [...tokens];
  for (;;) {
    const last = kept.at(-1);
    if (last !== undefined && trailingQuestionWords.has(last)) kept.pop();
    else if (
      kept.length >= 3 &&
      /^(?:19|20)\d\d$/.test(last ?? '') &&
      ['in', 'by', 'until', 'through', 'after'].includes(kept.at(-2) ?? '')
    )
      kept.splice(-2);
    // "go out of support", "stop getting updates": the verb once the words after it went.
    else if (last !== undefined && kept.length < tokens.length && trailingQuestionVerbs.has(last)) kept.pop();
    else return kept;
  }
}

const JAVA_PRODUCTS: ReadonlySet<string> = new Set(['oracle-jdk', ...OPENJDK_BUILDS]);

/**
 * Java as `java -version` writes it: "1.8.0_381" (the first number 1 until Java 9) is Java 8, and
 * "8u381" (an update of 8) is Java 8; the update number names no release of its own.
 */
function asJavaRelease(rest: readonly string[]): string[] {
  const [first = '', second = ''] = rest;
  const legacy = /^1\.([5-8])(?:\.\d+)?$/.exec(first);
  if (legacy?.[1]) return [legacy[1], ...rest.slice(/^\d+$/.test(second) ? 2 : 1)];
  const update = /^(\d{1,2})u\d+$/.exec(first);
  return update?.[1] ? [update[1], ...rest.slice(1)] : [...rest];
}

export function createResolver(catalog: Catalog): Resolver {
  const builds = createBuildIndex(catalog);
  const productsByKey = new Map<string, Product[]>();
  for (const product of catalog.products)
    for (const key of [product.name, ...product.aliases, product.label])
      addTo(productsByKey, normalizeName(key), product);
  for (const [synonym, names] of Object.entries(productSynonyms)) {
    for (const name of typeof names === 'string' ? [names] : names) {
      const product = catalog.productByName.get(name);
      if (product) addTo(productsByKey, synonym, product);
    }
  }
  // "Microsoft Exchange" is also "exchange", where no product owns that word already.
  for (const product of catalog.products) {
    const words = tokensOf(product.label);
    const withoutVendor = words.filter((word, index) => index > 0 || !vendorWords.has(word)).join(' ');
    if (withoutVendor !== '' && withoutVendor !== words.join(' ') && !productsByKey.has(withoutVendor))
      productsByKey.set(withoutVendor, [product]);
  }
  const longestProductKey = Math.max(...[...productsByKey.keys()].map((key) => key.split(' ').length));

  const matchers = new Map<string, ReleaseMatcher>();
  const matcherOf = (product: Product): ReleaseMatcher => {
    let matcher = matchers.get(product.name);
    if (!matcher) matchers.set(product.name, (matcher = createReleaseMatcher(product, builds)));
    return matcher;
  };

  // Releases are reached through their product, so that a question reads only the products it names.
  const releaseOfKey = (key: string): Release | undefined => {
    const slash = key.indexOf('/');
    const name = key.slice(slash + 1);
    return catalog.productByName.get(key.slice(0, slash))?.releases.find((release) => release.name === name);
  };
  const productByLowerName = new Map(catalog.products.map((product) => [product.name.toLowerCase(), product]));
  // A product's releases by their lower-case name, made the first time a question names the product.
  const byLowerName = new Map<string, Map<string, Release[]>>();
  const releasesByLowerName = (product: Product): Map<string, Release[]> => {
    let releases = byLowerName.get(product.name);
    if (!releases) {
      byLowerName.set(product.name, (releases = new Map<string, Release[]>()));
      for (const release of product.releases) addTo(releases, release.name.toLowerCase(), release);
    }
    return releases;
  };
  /** The catalogue's own spelling ("windows-server 2003") names exactly that release. */
  function exactRelease(query: string): Release | undefined {
    const text = query.trim().toLowerCase();
    for (let space = text.indexOf(' '); space > 0; space = text.indexOf(' ', space + 1)) {
      const product = productByLowerName.get(text.slice(0, space));
      const found = product ? releasesByLowerName(product).get(text.slice(space + 1)) : undefined;
      if (found?.length === 1) return found[0];
    }
    return undefined;
  }

  // A codename alone ("jammy") or an OS release's label alone ("XP SP3") names a release when no
  // other release shares it (catalog/release-labels.ts).
  const releasesByLabel = new Map<string, string[]>();
  for (const [words, key] of catalog.releaseLabels()) addTo(releasesByLabel, words, key);
  const uniqueReleaseByLabel = (words: string): Release | undefined => {
    const keys = releasesByLabel.get(words);
    return keys?.length === 1 && keys[0] ? releaseOfKey(keys[0]) : undefined;
  };
  // Releases by their own name alone, for "not found" suggestions only: built on first need.
  let releasesByName: Map<string, Release[]> | undefined;
  const releasesNamed = (words: string): Release[] => {
    if (!releasesByName) {
      releasesByName = new Map();
      for (const product of catalog.products)
        for (const release of product.releases) addTo(releasesByName, normalizeName(release.name), release);
    }
    return releasesByName.get(words) ?? [];
  };

  const productKeys = [...productsByKey.keys()];
  // Typo candidates by length: a word is only ever one or two edits from keys of about its length.
  const productKeysByLength = new Map<number, string[]>();
  for (const key of productKeys) addTo(productKeysByLength, key.length, key);
  const productKeysByStart = new Map<string, string[]>();
  for (const key of productKeys.filter((key) => key.length >= 3).sort((a, b) => a.length - b.length))
    addTo(productKeysByStart, key.slice(0, 3), key);

  function releaseSynonym(text: string): Release | undefined {
    const synonym = releaseSynonyms[text];
    if (!synonym) return undefined;
    return catalog.productByName.get(synonym.product)?.releases.find((r) => r.name === synonym.release);
  }

  // "win7", "rhel8", "node18", "w10": split a known product name from the version glued to it.
  function splitGlued(tokens: string[]): string[] {
    return tokens.flatMap((token) => {
      const glued = /^([a-z]+)(\d[\w.]*)$/.exec(token);
      if (!glued?.[1] || !glued[2] || releaseSynonyms[token]) return [token];
      if (productsByKey.has(glued[1])) return [glued[1], glued[2]];
      const shorthand = gluedShorthands[glued[1]];
      return shorthand ? [...tokensOf(shorthand), glued[2]] : [token];
    });
  }

  /**
   * "react.js", "vuejs": a JavaScript project's name with the suffix people add, when the catalogue
   * knows it without ("react"); "angular.js" is AngularJS, a product of its own, not Angular.
   */
  function withoutJsSuffix(token: string): string {
    const base = /^([a-z][a-z0-9-]*?)\.?js$/.exec(token)?.[1];
    if (!base || productsByKey.has(token)) return token;
    if (productsByKey.has(`${base}js`)) return `${base}js`;
    return productsByKey.has(base) ? base : token;
  }

  /** The first product named in the words: longest name first, question words skipped. */
  function findProduct(tokens: readonly string[]): { products: Product[]; start: number; end: number } | null {
    for (let start = 0; start < tokens.length; start += 1) {
      for (let length = Math.min(tokens.length - start, longestProductKey); length >= 1; length -= 1) {
        const key = tokens.slice(start, start + length).join(' ');
        const products = productsByKey.get(key);
        if (!products) continue;
        // "is", "go", "it" as a question word, unless a version follows ("go 1.22").
        if (length === 1 && leadingQuestionWords.has(key) && !looksLikeVersion(tokens[start + 1])) continue;
        return { products, start, end: start + length };
      }
      const implied = impliedProducts[tokens[start] ?? ''];
      const product = implied ? catalog.productByName.get(implied) : undefined;
      if (product) return { products: [product], start, end: start };
    }
    return null;
  }

  // "samsung s21": nearly every Samsung phone is named "Galaxy …", and people leave the word out.
  const leads = new Map<string, string[]>();
  /** The first words nearly all (nine in ten) of a product's releases are named with. */
  const leadOf = (product: Product): string[] => {
    let lead = leads.get(product.name);
    if (lead) return lead;
    lead = [];
    const names = product.releases.map((release) => release.name.toLowerCase().split('-'));
    for (;;) {
      const next = new Map<string, number>();
      for (const words of names)
        if (words.length > lead.length + 1 && lead.every((word, index) => words[index] === word))
          next.set(words[lead.length] as string, (next.get(words[lead.length] as string) ?? 0) + 1);
      const [word, count] = [...next].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
      if (names.length < 2 || count < names.length * 0.9) break;
      lead.push(word);
    }
    leads.set(product.name, lead);
    return lead;
  };
  /** The release typed without the words its product's releases begin with ("s21" for "galaxy-s21"). */
  const withLead = (product: Product, rest: string[]): ReleaseMatch | null => {
    const lead = leadOf(product);
    const missing = lead.slice(lead.findIndex((word) => word === rest[0]) + 1);
    return missing.length > 0 && rest.length > 0 ? matcherOf(product)([...missing, ...rest]) : null;
  };

  /** The release in the product, or in the product people confuse it with ("windows 2019" is a server). */
  function matchIn(product: Product, rest: string[]): { product: Product; match: ReleaseMatch } | null {
    const match = matcherOf(product)(rest) ?? withLead(product, rest);
    if (match) return { product, match };
    // Only a release named by its year goes to the product people confuse it with ("windows 2019"):
    // "windows 11 home 23h2 end of servicing" is no Windows Server 23H2.
    const byYear = /^(?:19|20)\d\d$/.test(rest[0] ?? '');
    const fallbackName = (byYear ? productFallbacks[product.name] : undefined) ?? olderReleasesOf[product.name];
    const fallback = catalog.productByName.get(fallbackName ?? '');
    const fallbackMatch = fallback ? matcherOf(fallback)(rest) : null;
    return fallback && fallbackMatch ? { product: fallback, match: fallbackMatch } : null;
  }

  /**
   * "node lts", "ubuntu lts releases" (where "ubuntu lts" is a name of Ubuntu): the product's
   * long-term-support releases, when it marks any and nothing else is asked.
   */
  function longTermOf(
    query: string,
    product: Product,
    asked: readonly string[],
    rest: readonly string[],
  ): Extract<Resolution, { kind: 'releases' }> | null {
    if (!asked.some((word) => LONG_TERM.has(word))) return null;
    if (!rest.every((word) => LONG_TERM.has(word) || LISTING.has(word))) return null;
    const releases = product.releases.filter((release) => release.lts);
    return releases.length > 0 ? { kind: 'releases', query, product, releases } : null;
  }

  function inProduct(
    query: string,
    product: Product,
    rest: string[],
    correctedFrom?: string,
  ): Extract<Resolution, { kind: 'release' | 'releases' }> | null {
    if (rest.length === 0) return { kind: 'releases', query, product, releases: product.releases, correctedFrom };
    const found = matchIn(product, rest);
    if (!found) return null;
    const [only] = found.match.releases;
    if (found.match.releases.length === 1 && only)
      return { kind: 'release', query, release: only, correctedFrom, note: found.match.note };
    return { kind: 'releases', query, product: found.product, releases: found.match.releases, correctedFrom };
  }

  /**
   * "centos 8 stream": words after the version that, put after the product's own words, name another
   * product with that version (CentOS Stream 8, not CentOS 8). Other words after a version are noise
   * ("ubuntu 20.04 server") and are left to the release matcher.
   */
  function namedAfterVersion(productWords: string[], rest: string[]): { product: Product; rest: string[] } | null {
    if (productWords.length === 0 || rest.length < 2 || !looksLikeVersion(rest[0])) return null;
    for (let length = Math.min(rest.length - 1, longestProductKey); length >= 1; length -= 1) {
      const [product, ...others] = productsByKey.get([...productWords, ...rest.slice(1, 1 + length)].join(' ')) ?? [];
      const moved = [rest[0] as string, ...rest.slice(1 + length)];
      if (product && others.length === 0 && matcherOf(product)(moved)) return { product, rest: moved };
    }
    return null;
  }

  // The words a product's releases, names and editions are written with, made when first needed.
  const knownWords = new Map<string, ReadonlySet<string>>();
  const knownWordsOf = (product: Product): ReadonlySet<string> => {
    let known = knownWords.get(product.name);
    if (known) return known;
    const words = new Set<string>([
      ...harmlessReleaseWords,
      ...leadingQuestionWords,
      ...trailingQuestionWords,
      ...nameWordsOf(product),
    ]);
    for (const release of product.releases)
      for (const name of [release.name, release.label, release.codename ?? ''])
        for (const word of tokensOf(name)) words.add(word);
    for (const phrase of Object.keys(editionRules[product.name]?.words ?? {}))
      for (const word of phrase.split(' ')) words.add(word);
    for (const word of ignoredEditionWords[product.name] ?? []) words.add(word);
    for (const word of FILLER_WORDS) words.add(word);
    knownWords.set(product.name, (known = words));
    return known;
  };
  /**
   * "sql server management studio 2019", "ubuntu 22.04 kernel": words around the version that no
   * release, edition or name of the product has (after it, words only: "windows 10 22h2 laptops" says
   * where it runs). The answer is still the release, saying which words it did not read, so no one takes
   * SQL Server's dates for Management Studio's, or Ubuntu's for its kernel's, unawares.
   */
  function unreadWords(product: Product, rest: readonly string[], releases: readonly Release[]): string | undefined {
    // Most questions name the version alone: nothing else to read.
    if (rest.length < 2 || rest.findIndex(looksLikeVersion) < 0) return undefined;
    // The version the answer is about: one its release is named with (not a year of a date left in).
    const named = new Set(releases.flatMap((release) => [...tokensOf(release.name), ...tokensOf(release.label)]));
    const version = rest.findIndex((word) => looksLikeVersion(word) && named.has(word));
    if (version < 0) return undefined;
    const known = knownWordsOf(product);
    const unread = [
      ...rest.slice(0, version),
      ...rest.slice(version + 1).filter((word) => /^[a-z][a-z+-]*$/.test(word) && !TRAILING_READ.has(word)),
    ].filter((word) => !known.has(word));
    return unread.length > 0 ? unread.join(' ') : undefined;
  }

  /** The words of a product's names (its id, label and aliases): "temurin", "corretto", "oracle". */
  const nameWordsOf = (product: Product): Set<string> =>
    new Set([product.name, product.label, ...product.aliases].flatMap(tokensOf));

  /**
   * "java 17 temurin": a family's products whose names have every word typed besides the version, and
   * the version alone; everything as it was when no product has them all.
   */
  function narrowFamily(products: Product[], rest: string[]): { products: Product[]; rest: string[] } {
    const words = rest.filter((word) => !looksLikeVersion(word));
    if (words.length === 0 || words.length === rest.length) return { products, rest };
    const named = products.filter((product) => {
      const names = nameWordsOf(product);
      return words.every((word) => names.has(word));
    });
    return named.length > 0
      ? { products: named, rest: rest.filter((word) => looksLikeVersion(word)) }
      : { products, rest };
  }

  /** A family ("java 17", ".net 4.8"): the one product that has the release, or the candidates. */
  function inFamily(query: string, family: Product[], typedRest: string[]): Resolution {
    const { products, rest } = narrowFamily(family, typedRest);
    if (rest.length === 0)
      return { kind: 'ambiguous', query, products, candidates: products.map((product) => product.name) };
    const hits = products.flatMap((product) => {
      const resolution = inProduct(query, product, rest);
      return resolution ? [{ product, resolution }] : [];
    });
    const [only] = hits;
    if (hits.length === 1 && only) return only.resolution;
    if (hits.length === 0)
      return { kind: 'not-found', query, suggestions: products.slice(0, SUGGESTIONS).map((product) => product.name) };
    const candidates = hits.flatMap(({ product, resolution }) =>
      resolution.kind === 'release'
        ? [`${product.name} ${resolution.release.name}`]
        : [`${product.name} ${rest.join(' ')}`],
    );
    return { kind: 'ambiguous', query, products: hits.map((hit) => hit.product), candidates };
  }

  const suggesters = new Map<string, Fuse<{ release: Release; key: string }>>();
  function suggestReleases(product: Product, rest: string): string[] {
    let fuse = suggesters.get(product.name);
    if (!fuse) {
      const items = product.releases.flatMap((release) =>
        [release.name, release.label].map((key) => ({ release, key: normalizeName(key) })),
      );
      suggesters.set(product.name, (fuse = new Fuse(items, { keys: ['key'], threshold: 0.6, includeScore: true })));
    }
    // The first words name the release; fuse's cost grows with the pattern, and a paragraph helps nothing.
    const pattern = rest.split(' ').slice(0, 2).join(' ').slice(0, SUGGESTION_PATTERN_LENGTH);
    // Nothing close is nothing to suggest: "windows me" is not in the catalogue, and no Windows 11 is it.
    const close = fuse
      .search(pattern, { limit: SUGGESTIONS * 2 })
      .filter((hit) => (hit.score ?? 1) <= CLOSE_RELEASE_SCORE)
      .map((hit) => hit.item.release);
    return [...new Set(close)].slice(0, SUGGESTIONS).map((release) => `${product.name} ${release.name}`);
  }

  /** Product names at most `limit` edits from `word`, nearest first (then nearest in length). */
  function nearNames(word: string, limit: number): string[] {
    const near: { key: string; distance: number }[] = [];
    for (let length = word.length - limit; length <= word.length + limit; length += 1) {
      for (const key of productKeysByLength.get(length) ?? []) {
        const distance = editDistance(word, key, limit);
        if (distance <= limit) near.push({ key, distance });
      }
    }
    near.sort(
      (a, b) => a.distance - b.distance || Math.abs(a.key.length - word.length) - Math.abs(b.key.length - word.length),
    );
    return near.map((hit) => hit.key);
  }

  const productsNamed = (keys: readonly string[]): Product[] => [
    ...new Set(keys.flatMap((key) => productsByKey.get(key) ?? [])),
  ];

  // A typo: one or two edits (two for longer words) from a product's name: "windwos", "ubunto", "rehl".
  function closeProducts(typed: string): Product[] {
    if (typed.length < FUZZY_MIN_LENGTH || typed.length > FUZZY_MAX_LENGTH) return [];
    return productsNamed(nearNames(typed, typed.length >= 7 ? 2 : 1)).slice(0, SUGGESTIONS);
  }

  // "Did you mean": near spellings of the first word (up to three edits), then names that begin like it.
  // Bounded like the typo search, so a long question costs what a short one does.
  function suggestProducts(query: string): string[] {
    const word = query.split(' ')[0]?.slice(0, FUZZY_MAX_LENGTH) ?? '';
    const alike = word.length >= 3 ? (productKeysByStart.get(word.slice(0, 3)) ?? []) : [];
    const near = nearNames(word, Math.min(3, Math.floor(word.length / 2)));
    return productsNamed([...near, ...alike])
      .map((product) => product.name)
      .slice(0, SUGGESTIONS);
  }

  /** "Windows Server 2016 or later": no one release; the release it starts from is offered. */
  function openEnded(query: string, from: string, words: string): Resolution {
    const base = resolve(from);
    if (base.kind !== 'release') return { kind: 'not-found', query, suggestions: [] };
    const { productName, name } = base.release;
    const label = catalog.productByName.get(productName)?.label ?? productName;
    return {
      kind: 'not-found',
      query,
      suggestions: [`${productName} ${name}`],
      product: { name: productName, label, release: `${name} ${words}` },
    };
  }

  function resolve(query: string): Resolution {
    const exact = exactRelease(query);
    if (exact) return { kind: 'release', query, release: exact };
    const normalized = normalizeName(readPastedText(query));
    // VMware's guest types ("Microsoft Windows Server 2016 or later") and people ("node 18 and newer").
    const openEndedWords = OPEN_ENDED.exec(normalized)?.[0];
    if (openEndedWords) return openEnded(query, normalized.replace(OPEN_ENDED, ' '), openEndedWords);
    const typed = (normalized === '' ? [] : normalized.split(' ')).slice(0, MAX_TOKENS).map(withoutJsSuffix);
    // Glued names ("win7", "rhel8") are split only when the words as typed name no product:
    // "sqlite3" and "Galaxy Watch9" are names of their own.
    const asTyped = findProduct(typed);
    const tokens = asTyped ? typed : splitGlued(typed);
    const words = tokens.filter((token) => !leadingQuestionWords.has(token));
    if (words.length === 0) return { kind: 'not-found', query, suggestions: [] };
    if (namesAbsentProduct(typed)) return { kind: 'not-found', query, suggestions: [], untracked: true };

    const byLabel = releaseSynonym(words.join(' ')) ?? uniqueReleaseByLabel(words.join(' '));
    if (byLabel) return { kind: 'release', query, release: byLabel };

    const found = asTyped ?? findProduct(tokens);
    if (found) {
      const afterName = withoutTrailingWords(tokens.slice(found.end));
      const typedRest = found.products.every((product) => JAVA_PRODUCTS.has(product.name))
        ? asJavaRelease(afterName)
        : afterName;
      const renamed = namedAfterVersion(tokens.slice(found.start, found.end), typedRest);
      const rest = renamed?.rest ?? typedRest;
      if (!renamed && found.products.length > 1) return inFamily(query, found.products, rest);
      const named = renamed ? renamed.product : (found.products[0] as Product);
      const deviceOs = /^\d+\.\d/.test(rest[0] ?? '') ? operatingSystemOfDevice[named.name] : undefined;
      const product = (deviceOs && catalog.productByName.get(deviceOs)) || named;
      const resolution = longTermOf(query, product, tokens.slice(found.start), rest) ?? inProduct(query, product, rest);
      if (resolution) {
        const releases = resolution.kind === 'release' ? [resolution.release] : resolution.releases;
        const unread = unreadWords(product, rest, releases);
        return unread ? { ...resolution, unread } : resolution;
      }
      return {
        kind: 'not-found',
        query,
        suggestions: [
          // A build beside words naming another release ("10 22h2 10.0.22631"): the build's releases first.
          ...new Set([
            ...rest
              .flatMap((word) => builds.releasesFor(word, product.name))
              .map((release) => `${product.name} ${release.name}`),
            ...suggestReleases(product, rest.join(' ')),
          ]),
        ].slice(0, SUGGESTIONS),
        product: { name: product.name, label: product.label, release: rest.join(' ') },
      };
    }

    // A bare build number: "10.0.19045", "6.3.9600" (client Windows first, as winver reports it).
    const build = words.length === 1 ? builds.releasesFor(words[0] as string) : [];
    const [onlyBuild] = build;
    if (build.length === 1 && onlyBuild) return { kind: 'release', query, release: onlyBuild };
    if (build.length > 1 && onlyBuild) {
      const product = catalog.productByName.get(onlyBuild.productName) as Product;
      return { kind: 'releases', query, product, releases: build };
    }
    // A codename or label among other words: "jammy jellyfish", "is vista dead". Words naming two
    // releases ("xp and vista", where one release is asked for) are asked about, never the first taken.
    const namedBy = words.flatMap((word) => {
      const release = releaseSynonym(word) ?? uniqueReleaseByLabel(word);
      return release ? [{ word, release }] : [];
    });
    const byWord = [...new Set(namedBy.map(({ release }) => release))];
    // "jammy jellyfish": the one release whose label has every such word (NixOS 18.09 is "Jellyfish" too).
    const whole = byWord.filter((release) => {
      const label = new Set(tokensOf(release.label));
      return namedBy.every(({ word }) => label.has(word));
    });
    const chosen = byWord.length === 1 ? byWord[0] : whole.length === 1 ? whole[0] : undefined;
    if (chosen) return { kind: 'release', query, release: chosen };
    if (byWord.length > 1)
      return {
        kind: 'ambiguous',
        query,
        products: [...new Set(byWord.map((release) => catalog.productByName.get(release.productName) as Product))],
        candidates: byWord.slice(0, SUGGESTIONS).map((release) => `${release.productName} ${release.name}`),
      };
    // A codename two products share ("noble": Ubuntu 24.04 and OPNsense 21.7): which one?
    const shared = (words.length === 1 ? (releasesByLabel.get(words[0] as string) ?? []) : [])
      .map(releaseOfKey)
      .filter((release): release is Release => release !== undefined);
    if (shared.length > 1 && shared.length <= SUGGESTIONS) {
      const products = [...new Set(shared.map((release) => catalog.productByName.get(release.productName) as Product))];
      return {
        kind: 'ambiguous',
        query,
        products,
        candidates: shared.map((release) => `${release.productName} ${release.name}`),
      };
    }

    // Nothing matched as typed: try the first words as a misspelt product ("windwos 8.1"), but only
    // with a release after them, so that a stray word ("nope") is not read as a product ("node").
    for (let length = Math.min(words.length - 1, longestProductKey, MAX_TYPO_WORDS); length >= 1; length -= 1) {
      // A misspelt product is followed by a release of a few words ("widnows 10 22h2"), not a paragraph.
      if (words.length - length > MAX_TYPO_RELEASE_WORDS) continue;
      const typed = words.slice(0, length).join(' ');
      for (const product of closeProducts(typed)) {
        const resolution = inProduct(query, product, withoutTrailingWords(words.slice(length)), typed);
        if (resolution) return resolution;
      }
    }
    const wordsText = words.join(' ');
    const sameName = releasesNamed(wordsText).map((release) => `${release.productName} ${release.name}`);
    return {
      kind: 'not-found',
      query,
      suggestions: sameName.length > 0 ? sameName.slice(0, SUGGESTIONS) : suggestProducts(wordsText),
    };
  }
  return resolve;
}
