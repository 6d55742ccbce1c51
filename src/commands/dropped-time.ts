// "windows server 2016 2027", "windows 10 22h2 june": a year or month after a release that is no part of
// its name. The name is read without it, so the answer would be as of today while the asker probably
// meant that time (a preposition left out) — a confident wrong answer. The asker is asked which instead.
import type { Release } from '../catalog/catalog.js';
import { editionRules } from '../catalog/names/editions.js';
import { releaseTitle } from '../catalog/release-title.js';
import type { Resolution, Resolver } from '../catalog/resolve-name.js';
import { tokensOf } from '../catalog/normalize-name.js';
import type { Choice } from './command-types.js';
import { MONTH_NAMES, monthNumber } from './read-when.js';

const YEAR = /^(?:19|20)\d\d$/;

/** "Windows 11 Enterprise LTSC 2024": the long-term channel's year names its release (24H2). */
function isChannelYear(release: Release, year: string): boolean {
  const base = editionRules[release.productName]?.channelYears[year];
  return base !== undefined && release.name.startsWith(`${base.replace(' ', '-')}-`);
}

const sameRelease = (a: Release, b: Release): boolean => a.productName === b.productName && a.name === b.name;

/** The release `head` names, when the query's last word (a year or month) added nothing to it. */
function releaseWithout(head: string, last: string, resolution: Resolution, resolve: Resolver): Release | null {
  if (head === '' || (resolution.kind !== 'release' && resolution.kind !== 'not-found')) return null;
  // "windows server 2019", "windows server 2016 2016": the year names the release (checked first: no
  // second resolving for the many questions that end in their release's year).
  if (resolution.kind === 'release') {
    const named = tokensOf(`${resolution.release.label} ${resolution.release.name}`);
    if (named.includes(last.toLowerCase()) || isChannelYear(resolution.release, last)) return null;
  }
  const without = resolve(head);
  if (without.kind !== 'release') return null;
  return resolution.kind === 'not-found' || sameRelease(resolution.release, without.release) ? without.release : null;
}

/**
 * Why the question is asked back, with what it may have meant as commands, when its last word is such
 * a year or month; null otherwise. `text`: the question as typed (its last query ends it); `today`:
 * the day the choices of a month without its year are counted from.
 */
export function droppedTime(
  text: string,
  queries: readonly string[],
  resolutions: readonly Resolution[],
  { resolve, today, prefix }: { resolve: Resolver; today: string; prefix: string },
): { reason: string; choices: Choice[] } | null {
  const query = queries.at(-1)?.trim() ?? '';
  // "… 2027?": the question's own marks are no part of the word.
  const last = (query.split(/\s+/).at(-1) ?? '').replace(/[?!.,;:]+$/, '');
  const month = YEAR.test(last) ? null : monthNumber(last);
  const resolution = resolutions.at(-1);
  if ((!YEAR.test(last) && month === null) || !resolution) return null;
  const named = query.slice(0, query.toLowerCase().lastIndexOf(last.toLowerCase())).trim();
  const release = releaseWithout(named, last, resolution, resolve);
  if (!release) return null;
  const at = text.toLowerCase().lastIndexOf(last.toLowerCase());
  const [before, after] = [text.slice(0, at).trim(), text.slice(at + last.length)];
  const asked = (time: string): Choice => ({ label: `in ${time}`, command: `${prefix}${before} in ${time}${after}` });
  const todayChoice: Choice = { label: 'today', command: `${prefix}${before}${after}` };
  const read = `I read “${named}” as ${releaseTitle(release)}; “${last}” is no part of its name.`;
  if (month === null)
    return {
      reason: `${read} Did you mean in ${last}, or today?`,
      choices: [asked(last), todayChoice],
    };
  // The month's next two times from this month on: "june" in December is next June or the one after.
  const [year, thisMonth] = today.split('-').map(Number) as [number, number];
  const first = month >= thisMonth ? year : year + 1;
  const name = MONTH_NAMES[month - 1] as string;
  return {
    reason: `${read} Did you mean in ${name}? Which year?`,
    choices: [asked(`${name} ${first}`), asked(`${name} ${first + 1}`), todayChoice],
  };
}
