// A product's releases as one short line each (`/eol windows`, `/eol ubuntu`): the release's label as
// people read it ("11 24H2 (Enterprise)", not `11-24h2-e`) and where it stands in a few words, with
// ages as people say them ("ended 3 years ago (2023-01-10)").
import { extendedSupportPhrase } from '../catalog/names/extended-support.js';
import type { Release } from '../catalog/catalog.js';
import { releaseTitle } from '../catalog/release-title.js';
import { vendorWords } from '../catalog/names/synonyms.js';
import { daysBetween } from '../leaf/calendar-date.js';
import type { Lifecycle, PhaseState } from '../lifecycle/compute-lifecycle.js';
import type { Formatter } from './formatter.js';

// Windows' edition marks, written out: the legend they needed is gone.
const WINDOWS_EDITIONS: readonly [RegExp, string][] = [
  [/ IoT \(LTS\)$/i, ' (IoT Enterprise LTSC)'],
  [/ \(E\) \(LTS\)$/, ' (Enterprise LTSC)'],
  [/ \(E\)$/, ' (Enterprise, Education)'],
  [/ \(W\)$/, ' (Home, Pro)'],
  [/ IoT$/i, ' (IoT Enterprise)'],
];

/** "Windows 11 24H2 (Enterprise, Education)", "Ubuntu 22.04 'Jammy Jellyfish' (LTS)": the title without its vendor. */
export function listingLabel(release: Release): string {
  const [first = '', ...rest] = releaseTitle(release).split(' ');
  // The product's vendor is said in the listing's header: "Microsoft Windows" lists "Windows 11 …".
  const title = rest.length > 0 && vendorWords.has(first.toLowerCase()) ? rest.join(' ') : [first, ...rest].join(' ');
  if (release.productName !== 'windows') return title;
  return WINDOWS_EDITIONS.reduce((label, [pattern, words]) => label.replace(pattern, words), title);
}

/** 1,426 days -> "3 years"; 45 -> "1 month"; 3 -> "3 days". */
export function ageInWords(days: number): string {
  const [count, unit] =
    days >= 730
      ? [Math.floor(days / 365.25), 'year']
      : days >= 60
        ? [Math.floor(days / 30.44), 'month']
        : [days, 'day'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function until(state: PhaseState | null, lifecycle: Lifecycle, format: Formatter): string {
  const end = state?.phase.end;
  if (typeof end !== 'string') return state?.phase.end === false ? ', no end announced' : '';
  const days = daysBetween(lifecycle.asOf, end);
  return ` until ${format.date(end)}${days === 0 ? ' (last day)' : ` (${ageInWords(days)} left)`}`;
}

export function listingStatus(lifecycle: Lifecycle, format: Formatter): string {
  const { current } = lifecycle;
  switch (lifecycle.status) {
    case 'active':
      return `supported${until(current, lifecycle, format)}`;
    case 'security':
      return `security updates only${until(current, lifecycle, format)}`;
    case 'extended':
      return `${extendedSupportPhrase(lifecycle.productName, format.text(current?.phase.label ?? 'extended support'))} only${until(current, lifecycle, format)}`;
    case 'contract':
      return `covered by your contract${until(current, lifecycle, format)}`;
    case 'unsupported': {
      const since = lifecycle.unsupportedSince;
      if (!since) return 'ended (date not published)';
      // The date is the last supported day, as everywhere else; its age is counted from it.
      return `ended ${ageInWords(daysBetween(since, lifecycle.asOf))} ago (${format.date(since)})`;
    }
    case 'unknown':
      return 'status unknown';
    case 'unreleased':
      return `not released yet (released ${format.date(lifecycle.releaseDate)})`;
  }
}
