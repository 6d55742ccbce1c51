// "windows xp 18293, windows 8.1: 14,450 win 10 22h2 8" -> (release, count) pairs, read with the same
// resolver as /eol, so a release name may hold numbers and spaces. Every way of splitting the words
// into "name count" pairs is tried; a split counts only when each of its names means exactly one
// release. When no split or more than one does, nothing is saved and the answer says which pair and
// offers the choices: never a confident wrong save.
import { formatCount } from '../leaf/format-count.js';
import type { Release } from '../catalog/catalog.js';
import { releaseTitle } from '../catalog/release-title.js';
import type { Resolver } from '../catalog/resolve-name.js';
import { MAX_COUNT } from '../inventory/inventory-store.js';
import { parseCount } from '../inventory/parse-count.js';
import { isTotalLabel } from '../inventory/total-label.js';

import type { Choice } from './command-types.js';
import { releaseKeyOf } from './inventory-rows.js';

interface ReleaseCount {
  release: Release;
  count: number;
  /** The pair as typed, for answers that quote it. */
  typed: string;
}

export type PairsReading = { ok: true; pairs: ReleaseCount[] } | { ok: false; reason: string; choices: Choice[] };

const NUMBER_LIKE = /^[-+]?[\d.,]*\d[\d.,]*(e[-+]?\d+|k)?$/i;
export const COUNT_RULE = `a whole number from 0 to ${formatCount(MAX_COUNT)}`;
/** No release name people type runs longer ("windows 10 enterprise ltsc 2021 iot" is six words). */
const MAX_NAME_TOKENS = 8;
/** Ways of reading one line kept while searching; more means the line is ambiguous anyway. */
const MAX_READINGS = 8;
const MAX_CHOICES = 8;

interface Token {
  text: string;
  /** First word after a comma, semicolon, newline or "and": a pair starts here. */
  startsPair: boolean;
  /** Right after "=" or ":": this word is a count. */
  isCount: boolean;
}

// ", " and ";" separate pairs, except in Microsoft's own "Windows 10, version 22H2"; a comma between
// digits with three after it is a thousands separator ("14,450"). "and" and "&" separate pairs after
// a count ("xp 5 and vista 3"), or before one ("5 xp and 3 vista"); elsewhere they are part of a name
// ("Citrix Virtual Apps and Desktops", "Veeam Backup & Replication").
const PAIR_SEPARATOR =
  /\s*(?:[;\n]+|,(?!\s*version\b)(?!\d{3}(?!\d))|(?<=\d[k]?)\s+(?:and|&)\s+|\s+(?:and|&)\s+(?=\d))\s*/i;

// What people write after a count: "40 machines", "12 pcs". Dropped after a number only.
const UNIT_WORDS = new Set(
  `machine machines pc pcs device devices computer computers box boxes server servers host hosts laptop laptops desktop
  desktops endpoint endpoints vm vms unit units seat seats instance instances node nodes client clients workstation
  workstations install installs installations`.split(/\s+/),
);
/** A line's label and count: "Grand Total 43", "total: 43". */
const LABEL_AND_COUNT = /^(.*?)\s*[:=]?\s*[\d.,]+k?\s*$/;
// A list pasted from a chat or a document: "• xp 5", "- vista 3", "* win 7 2".
const BULLET = /^(?:[•*·‣▪◦]\s*|-\s+)/;

/** "(40)" -> "40", "40x", "x40", "~40" -> "40"; quotes around a name go: `"windows 11 23h2" 5`. */
const cleanWord = (word: string): string =>
  word.replace(/^[(["'“‘]+|[)\]"'”’]+$/g, '').replace(/^(\d[\d,]*)x$|^[x×~≈](\d[\d,]*)$/i, '$1$2');

// Thousands grouped as other locales write them: "1 234" with a no-break or thin space (what a
// French or Swedish spreadsheet copies), "1'234" (Swiss). A plain space stays two words.
const GROUPED_THOUSANDS = /(?<=\d)[\u00a0\u202f\u2009'’](?=\d{3}(?!\d))/g;

// The words of a pasted table's header row ("OS<tab>Count", "Operating System,Devices", "Release | Qty").
const HEADER_WORDS = new Set(
  `os operating system systems platform release releases version versions product products name names count
  counts devices device machines machine computers hosts endpoints assets qty quantity number no # of total
  sum installs installations seats`.split(/\s+/),
);

/**
 * A list pasted from a spreadsheet, as lines: its header row (no number, only header words) goes, and
 * a comma between a line's name and its count is the CSV's ("Windows 10 22H2,300"), not a list's.
 */
function withoutTableMarks(text: string): string {
  const lines = text.split('\n');
  if (lines.length < 2) return text;
  const [first = ''] = lines;
  const headerWords = first
    .toLowerCase()
    .split(/[\s,;|:]+/)
    .filter((word) => word !== '');
  const header = !/\d/.test(first) && headerWords.length > 0 && headerWords.every((word) => HEADER_WORDS.has(word));
  const rows = (header ? lines.slice(1) : lines).filter((line) => line.trim() !== '');
  // Without a CSV header, "xp: 18,293" and "macos 14,200" are a count with thousands, not CSV rows.
  const csvRow = (line: string) =>
    /^[^,\t]+,\s*"?[\d.,]*\d[\d.,]*k?"?\s*$/i.test(line) &&
    ((header && first.includes(',')) || (!/[:=]/.test(line) && !/\d,\d{3}$/.test(line)));
  const csv = rows.length > 0 && rows.every((line) => csvRow(line.trim()));
  return (csv ? rows.map((line) => line.replace(',', '\t')) : rows).join('\n');
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const group of withoutTableMarks(text)
    .replace(GROUPED_THOUSANDS, ',')
    // A list pasted as Slack code ("```xp 5\nvista 3```", "`xp 5`"): the marks are no part of it.
    .replace(/```/g, '\n')
    .replace(/`/g, ' ')
    .trim()
    .replace(/[.!]+$/, '')
    .split(PAIR_SEPARATOR)) {
    // A table pasted from Markdown or a wiki ("| xp | 5 |"): its header and rule rows hold no count.
    if (group.includes('|') && !/\d/.test(group)) continue;
    // Its cells are read as one line: "| Windows 10 | 22H2 | 40 |" is "Windows 10 22H2 40"; bold goes.
    const row = group
      .replace(/^\s*\|+\s*|\s*\|+\s*$/g, '')
      .replace(/\s*\|+\s*/g, ' ')
      .replace(/\*\*|__/g, '');
    // A pasted spreadsheet's total line ("Grand Total 43") sums the others: no pair of its own.
    if (isTotalLabel(LABEL_AND_COUNT.exec(row)?.[1] ?? '')) continue;
    row
      .replace(BULLET, '')
      .split(/\s*[=:]\s*/)
      .forEach((part, partIndex) => {
        const words = part.split(/\s+/).map(cleanWord);
        const kept = words.filter((word, index) => {
          const previous = words[index - 1] ?? '';
          const next = words[index + 1] ?? '';
          if (word === '' || /^(?:[-–—>→⇒]|->)$/.test(word)) return false;
          // "40 machines", and "40 x windows 10" (a count first): the word after a count that is no name.
          if (NUMBER_LIKE.test(previous) && (UNIT_WORDS.has(word.toLowerCase()) || /^[x×]$/i.test(word))) return false;
          // "w10 22h2 x 40": an "x" before a whole count ("mac os x 10.15" keeps its x).
          return !(/^[x×]$/i.test(word) && parseCount(next) !== null && index > 0);
        });
        kept.forEach((word, wordIndex) => {
          tokens.push({
            text: word,
            startsPair: partIndex === 0 && wordIndex === 0,
            isCount: partIndex > 0 && wordIndex === 0,
          });
        });
      });
  }
  return tokens;
}

/** A pair; read loosely, its name may mean more than one release (release null): the pair to ask about. */
interface LooseSegment {
  release: Release | null;
  name: string;
  count: number;
  /** The pair as typed. */
  typed: string;
}
type Segment = LooseSegment & { release: Release };

const commandName = (release: Release) => `${release.productName} ${release.name}`;

// "1 234": thousands grouped by a plain space, as many locales type them, or two numbers.
const SPACED_THOUSANDS = /\b\d{1,3}(?: \d{3})+\b/g;

/**
 * `today`: releases not out yet by then are not offered as choices. A line that reads no way as typed,
 * but does with its space-grouped numbers as one ("windows 10 22h2 1 234"), is asked about with that
 * reading as the choice: a plain space is no sure thousands separator.
 */
export function readInventoryPairs(text: string, resolve: Resolver, today?: string): PairsReading {
  const read = readPairs(text, resolve, today);
  const spaced = read.ok ? null : text.match(SPACED_THOUSANDS);
  if (!spaced) return read;
  const joined = readPairs(
    text.replace(SPACED_THOUSANDS, (digits) => digits.replace(/ /g, '')),
    resolve,
    today,
  );
  if (!joined.ok) return read;
  const command = joined.pairs.map((pair) => `${commandName(pair.release)} ${pair.count}`).join(', ');
  const label = joined.pairs.map((pair) => `${releaseTitle(pair.release)}: ${formatCount(pair.count)}`).join(', ');
  const counts = spaced.map((digits) => `“${digits}”`).join(', ');
  return refusal(`${counts}: one count with its thousands spaced, or more than one number? Say which.`, [
    { label, command: `inventory set ${command}` },
  ]);
}

function readPairs(text: string, resolve: Resolver, today?: string): PairsReading {
  const tokens = tokenize(text);
  if (tokens.length === 0) return refusal('give a release and a count, e.g. `windows xp 18293`');
  const words = tokens.map((token) => token.text);
  const nameOf = (start: number, end: number) => words.slice(start, end).join(' ');

  const resolved = new Map<string, Release | null>();
  const oneRelease = (name: string): Release | null => {
    let release = resolved.get(name);
    if (release === undefined) {
      const resolution = resolve(name);
      release = resolution.kind === 'release' ? resolution.release : null;
      resolved.set(name, release);
    }
    return release;
  };
  // "xp 18293, 8.1 14450": a bare version after a pair is read in that pair's product.
  const releaseOf = (start: number, end: number, previous: Release | null): Release | null => {
    const name = nameOf(start, end);
    const own = oneRelease(name);
    if (own || !previous || !/^\d/.test(name)) return own;
    return oneRelease(`${previous.productName} ${name}`);
  };

  /**
   * The pair over tokens first..last, or null when it cannot be one: "name count" (the count last) or,
   * `countFirst`, "count name" ("18,293 xp").
   */
  function segmentAt(
    first: number,
    last: number,
    previous: Release | null,
    countFirst: boolean,
    loose = false,
  ): LooseSegment | null {
    const [countAt, nameStart, nameEnd] = countFirst ? [first, first + 1, last + 1] : [last, first, last];
    if (tokens[nameStart]?.isCount || (!countFirst && tokens[countAt]?.startsPair)) return null;
    for (let k = first + 1; k <= last; k += 1)
      if (tokens[k]?.startsPair || (k !== countAt && tokens[k]?.isCount)) return null;
    const count = parseCount(words[countAt] as string);
    if (count === null) return null;
    const release = releaseOf(nameStart, nameEnd, previous);
    // Loosely, a name that could be several releases is a pair too: the one to ask about.
    if (!release && !(loose && resolve(nameOf(nameStart, nameEnd)).kind !== 'not-found')) return null;
    // A name whose first words already mean a release, followed by a count, swallowed a pair:
    // "xp 5 6" is not Windows XP = 6 (the resolver skips words it does not need). Likewise a count
    // before words that mean the release alone: "5 xp 3" is not Windows XP = 3.
    for (let k = nameStart + 1; k < nameEnd; k += 1) {
      if (parseCount(words[k] as string) !== null && releaseOf(nameStart, k, previous) !== null) return null;
    }
    if (
      nameEnd - nameStart > 1 &&
      parseCount(words[nameStart] as string) !== null &&
      releaseOf(nameStart + 1, nameEnd, previous) === release
    )
      return null;
    const name = nameOf(nameStart, nameEnd);
    return { release, name, count, typed: countFirst ? `${words[countAt]} ${name}` : `${name} ${words[countAt]}` };
  }

  // Every complete reading from `start` on, at most `cap` of them.
  function readingsOf(countFirst: boolean, loose = false, cap = MAX_READINGS): LooseSegment[][] {
    const memo = new Map<string, LooseSegment[][]>();
    const readingsFrom = (start: number, previous: Release | null): LooseSegment[][] => {
      if (start === tokens.length) return [[]];
      const memoKey = `${start}|${previous ? releaseKeyOf(previous) : ''}`;
      const known = memo.get(memoKey);
      if (known) return known;
      const readings: LooseSegment[][] = [];
      for (let last = start + 1; last < tokens.length && last - start <= MAX_NAME_TOKENS; last += 1) {
        const segment = segmentAt(start, last, previous, countFirst, loose);
        if (!segment) continue;
        for (const rest of readingsFrom(last + 1, segment.release)) {
          if (readings.length < cap) readings.push([segment, ...rest]);
        }
      }
      memo.set(memoKey, readings);
      return readings;
    };
    return readingsFrom(0, null);
  }
  const isExact = (reading: LooseSegment[]): reading is Segment[] => reading.every((segment) => segment.release);

  // A line is written one way throughout: names then counts, or (less often) counts then names.
  const readings = [...readingsOf(false), ...readingsOf(true)].filter(isExact);
  const most = Math.max(0, ...readings.map((reading) => reading.length));
  const distinct = new Map<string, Segment[]>();
  for (const reading of readings.filter((candidate) => candidate.length === most)) {
    distinct.set(reading.map((segment) => `${releaseKeyOf(segment.release)}=${segment.count}`).join(' '), reading);
  }
  const [only, ...others] = [...distinct.values()];
  if (only && others.length === 0) {
    const pairs = only;
    const again = pairs.find((pair, index) => pairs.findIndex((other) => other.release === pair.release) !== index);
    return again
      ? refusal(`“${again.typed}” names ${releaseTitle(again.release)} a second time.`)
      : { ok: true, pairs };
  }
  if (only) {
    const choices = [only, ...others].slice(0, MAX_CHOICES).map((reading) => {
      const command = reading.map((segment) => `${commandName(segment.release)} ${segment.count}`).join(', ');
      const label = reading
        .map((segment) => `${releaseTitle(segment.release)}: ${formatCount(segment.count)}`)
        .join(', ');
      return { label, command: `inventory set ${command}` };
    });
    return refusal(`“${text.trim()}” can be read more than one way; which did you mean?`, choices);
  }
  const unusable = unusableCount(tokens, resolve);
  if (unusable) return refusal(`“${unusable}”: the count must be ${COUNT_RULE}.`);
  // "windows 11 23h2 5": a reading whose names all exist, the fewest of them needing a choice: the
  // first such pair is asked about ("Windows 11 23H2 (E) or (W)?"), not a shorter name ("windows 11").
  const loose = [...readingsOf(false, true, MAX_READINGS * 8), ...readingsOf(true, true, MAX_READINGS * 8)];
  const unsure = (reading: LooseSegment[]) => reading.filter((segment) => !segment.release).length;
  const best = loose.sort((a, b) => unsure(a) - unsure(b) || b.length - a.length)[0];
  const first = best?.find((segment) => !segment.release);
  if (first) {
    const line = words.join(' ');
    const asked = explainPair(first.name, String(first.count), first.typed, line, resolve, today);
    if (asked) return asked;
  }
  return diagnose(tokens, resolve, today);
}

function refusal(reason: string, choices: Choice[] = []): PairsReading {
  return { ok: false, reason: `Nothing saved: ${reason}`, choices };
}

/** No reading works: the first pair that is wrong when the last of a run of numbers is the count. */
function diagnose(tokens: Token[], resolve: Resolver, today: string | undefined): PairsReading {
  const pairs: { name: Token[]; count: Token | null }[] = [];
  let name: Token[] = [];
  // After ":" or "=" comes the count: no word before it in its pair ends the name ("windows 11 pro 23h2: 1.200").
  const countFollows = tokens.map((_, index) => {
    for (let k = index + 1; k < tokens.length && !tokens[k]?.startsPair; k += 1) if (tokens[k]?.isCount) return true;
    return false;
  });
  tokens.forEach((token, index) => {
    const next = tokens[index + 1];
    const endsName =
      token.isCount ||
      (!countFollows[index] &&
        NUMBER_LIKE.test(token.text) &&
        (next === undefined || next.startsPair || !NUMBER_LIKE.test(next.text)));
    if (token.startsPair && name.length > 0) {
      pairs.push({ name, count: null });
      name = [];
    }
    if (endsName) {
      pairs.push({ name, count: token });
      name = [];
    } else name.push(token);
  });
  if (name.length > 0) pairs.push({ name, count: null });

  const line = tokens.map((token) => token.text).join(' ');
  const trailing = wordsAfterLastCount(tokens, resolve, today);
  if (trailing) return refusal(`“${trailing}” has no count after it (${COUNT_RULE}).`);
  // "windows 10 22h2" with no count: the words from some pair's start to the end name a release.
  if (!NUMBER_LIKE.test(tokens.at(-1)?.text ?? '')) {
    for (let start = 0; start < tokens.length; start += 1) {
      const previous = tokens[start - 1];
      if (start > 0 && !tokens[start]?.startsPair && parseCount(previous?.text ?? '') === null) continue;
      const words = tokens.slice(start).map((token) => token.text);
      const holdsPair = words.some(
        (word, k) => k > 0 && parseCount(word) !== null && resolve(words.slice(0, k).join(' ')).kind === 'release',
      );
      if (!holdsPair && resolve(words.join(' ')).kind !== 'not-found')
        return refusal(`“${words.join(' ')}” has no count after it (${COUNT_RULE}).`);
    }
  }
  for (const pair of pairs) {
    const typedName = pair.name.map((token) => token.text).join(' ');
    if (pair.name.length === 0) return refusal(`“${pair.count?.text ?? ''}” is a count without a release before it.`);
    if (!pair.count) return refusal(`“${typedName}” has no count after it (${COUNT_RULE}).`);
    const typed = `${typedName} ${pair.count.text}`;
    if (parseCount(pair.count.text) === null) return refusal(`“${typed}”: the count must be ${COUNT_RULE}.`);
    const asked = explainPair(typedName, pair.count.text, typed, line, resolve, today);
    if (asked) return asked;
  }
  return refusal(
    `I could not tell the releases from the counts in “${line}”. Write each as \`release count\`, separated by commas: \`windows xp 18293, windows 8.1 14450\`.`,
  );
}

/**
 * "windows 10 22h2 -5", "… 40.5", "… +5": a number where a count goes, after words that name one release,
 * that is no count. (Read as pairs, the numbers would be split elsewhere: "windows" 10, and the answer
 * would ask which Windows.) The pair as typed, or null.
 */
function unusableCount(tokens: Token[], resolve: Resolver): string | null {
  for (let index = 1; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    const next = tokens[index + 1];
    const countGoesHere = token.isCount || next === undefined || next.startsPair;
    if (!countGoesHere || !NUMBER_LIKE.test(token.text) || parseCount(token.text) !== null) continue;
    // Its name starts after the count before it, or failing that further back: "xp 9 vista -5" is
    // Vista's, "windows 10 22h2 -5" Windows 10 22H2's.
    for (let first = index - 1; first >= 0; first -= 1) {
      const before = tokens[first - 1];
      const startsName = first === 0 || (tokens[first] as Token).startsPair || parseCount(before?.text ?? '') !== null;
      if (!startsName) continue;
      const name = tokens.slice(first, index).map((word) => word.text);
      if (resolve(name.join(' ')).kind === 'release') return [...name, token.text].join(' ');
      if ((tokens[first] as Token).startsPair) break;
    }
  }
  return null;
}

/**
 * "windows 10 22h2 35 foo": words with no number among them after pairs that read on their own, or null.
 * (Read as pairs, the numbers would be split elsewhere: "windows" 10, and the answer would ask which
 * Windows.)
 */
function wordsAfterLastCount(tokens: Token[], resolve: Resolver, today: string | undefined): string | null {
  let lastCount = tokens.length - 1;
  while (lastCount >= 0 && parseCount(tokens[lastCount]?.text ?? '') === null) lastCount -= 1;
  const after = tokens.slice(lastCount + 1);
  if (lastCount < 1 || after.length === 0 || after.some((token) => NUMBER_LIKE.test(token.text))) return null;
  // The pairs before as they were separated: a comma where a pair began, a colon before a marked count.
  const before = tokens
    .slice(0, lastCount + 1)
    .map((token, index) => `${index === 0 ? '' : token.isCount ? ': ' : token.startsPair ? ', ' : ' '}${token.text}`)
    .join('');
  return readInventoryPairs(before, resolve, today).ok ? after.map((token) => token.text).join(' ') : null;
}

/** Why one pair's name is not one release, with its choices; null when it is one. */
function explainPair(
  typedName: string,
  countText: string,
  typed: string,
  line: string,
  resolve: Resolver,
  today: string | undefined,
): PairsReading | null {
  const resolution = resolve(typedName);
  const replaced = (release: string) => `inventory set ${line.replace(typed, `${release} ${countText}`)}`;
  const count = countText;
  const choicesOf = (names: { name: string; title: string }[]) =>
    names
      .slice(0, MAX_CHOICES)
      .map((choice) => ({ label: `${choice.title}: ${count}`, command: replaced(choice.name) }));
  const asChoices = (releases: Release[]) =>
    releases.map((release) => ({ name: commandName(release), title: releaseTitle(release) }));
  const asNames = (names: string[]) => names.map((name) => ({ name, title: name }));
  switch (resolution.kind) {
    case 'release':
      return null;
    case 'releases': {
      const released =
        today === undefined
          ? resolution.releases
          : resolution.releases.filter((release) => release.releaseDate <= today);
      const releases = released.length > 0 ? released : resolution.releases;
      const shown = releases
        .slice(0, 4)
        .map((release) => `\`${commandName(release)}\``)
        .join(', ');
      return refusal(
        `“${typed}”: ${typedName} could be ${releases.length} releases (${shown}${releases.length > 4 ? ', …' : ''}). Which one?`,
        choicesOf(asChoices(releases)),
      );
    }
    case 'ambiguous':
      return refusal(
        `“${typed}”: ${typedName} could be ${resolution.candidates.map((candidate) => `\`${candidate}\``).join(' or ')}. Which one?`,
        choicesOf(asNames(resolution.candidates)),
      );
    case 'not-found': {
      const closest = resolution.suggestions
        .slice(0, 3)
        .map((suggestion) => `\`${suggestion}\``)
        .join(', ');
      return refusal(
        `“${typed}”: unknown release${closest ? `; closest: ${closest}` : ''}.`,
        choicesOf(asNames(resolution.suggestions)),
      );
    }
  }
}
