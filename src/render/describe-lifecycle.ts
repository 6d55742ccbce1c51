// The words for a lifecycle, shared by the Slack and plain-text renderers, which differ only in how
// they write dates and escape text. An end date is the last supported day: a phase is "until" it,
// and once past it the release is unsupported from the day after.
import { plural } from '../leaf/format-count.js';
import { addDays } from '../leaf/calendar-date.js';
import type { PhaseState, Lifecycle } from '../lifecycle/compute-lifecycle.js';
import { extendedSupportPhrase, extendedSupportTerms } from '../catalog/names/extended-support.js';
import { type Formatter } from './formatter.js';

export function describePhase(state: PhaseState, format: Formatter): string {
  const { end } = state.phase;
  if (typeof end === 'string') {
    if (state.ended === true && state.daysSince === null) return `ended (by ${format.date(end)} at the latest)`;
    if (state.daysLeft === 0) return `until ${format.date(end)} (last day)`;
    if (state.daysLeft !== null) return `until ${format.date(end)} (${plural(state.daysLeft, 'day')} left)`;
    return `ended after ${format.date(end)} (${plural(state.daysSince ?? 0, 'day')} ago)`;
  }
  if (end === true && state.endsAfter) {
    return state.ended === false
      ? `until a date not published (after ${format.date(state.endsAfter)})`
      : `ended (date not published; not before ${format.date(state.endsAfter)})`;
  }
  if (end === true || state.ended === true) return 'ended (date not published)';
  if (end === false) return 'with no end date announced';
  return 'unknown';
}

// "Supported: Supported with no end date announced" says one thing twice: a phase named like the
// status itself is not repeated, nor one named only as a status ("Service Status": macOS, .NET Framework).
const NAMED_AS_STATUS = /^(?:supported|support|(?:support|service)\s+status|status)$/i;

function phaseWords(state: PhaseState | null, status: string, format: Formatter): string {
  if (!state) return status;
  const label = state.phase.label.trim();
  const detail = describePhase(state, format);
  return NAMED_AS_STATUS.test(label) ? `${status} ${detail}` : `${status}: ${format.text(label)} ${detail}`;
}

export function describeStatus(lifecycle: Lifecycle, format: Formatter): string {
  const { current } = lifecycle;
  switch (lifecycle.status) {
    case 'active':
      return phaseWords(current, 'Supported', format);
    case 'security':
      return phaseWords(current, 'Security updates only', format);
    case 'extended':
      return phaseWords(
        current,
        `Only ${extendedSupportPhrase(lifecycle.productName, 'extended support')} remains`,
        format,
      );
    case 'contract': {
      const vendorEnd = lifecycle.phases
        .filter((state) => state.phase.kind !== 'contract' && typeof state.phase.end === 'string')
        .map((state) => state.phase.end as string)
        .sort()
        .at(-1);
      const ended = vendorEnd ? `Vendor support ended after ${format.date(vendorEnd)}` : 'Vendor support has ended';
      return `${ended}; covered by your contract (${format.text(current?.phase.label ?? '')}) ${describePhase(current as PhaseState, format)}`;
    }
    case 'unsupported': {
      const since = lifecycle.unsupportedSince;
      if (!since) return 'Unsupported: support ended (date not published), no more updates';
      return `Unsupported since ${format.date(addDays(since, 1))}: no more updates (last supported day ${format.date(since)})`;
    }
    case 'unknown':
      return 'Support status unknown: endoflife.date records no end date';
    case 'unreleased':
      return `Not released yet on ${format.date(lifecycle.asOf)} (released ${format.date(lifecycle.releaseDate)})`;
  }
}

/**
 * The few words an inventory row has room for, naming which support ends:
 * "Active Support until 2018-01-09, Security Support until 2023-01-10".
 */
export function shortStatus(lifecycle: Lifecycle, format: Formatter): string {
  const current = lifecycle.current;
  const until = (state: PhaseState | null | undefined): string =>
    state && typeof state.phase.end === 'string'
      ? ` until ${format.date(state.phase.end)}`
      : state?.phase.end === false
        ? ', no end announced'
        : '';
  // "Service Status" (macOS, .NET Framework) names no phase: the row says "supported".
  const named = (state: PhaseState | null | undefined): string =>
    !state || NAMED_AS_STATUS.test(state.phase.label.trim()) ? 'supported' : format.text(state.phase.label);
  const then = lifecycle.phases.find(
    (state) => state.phase.kind === 'security' && state !== current && state.ended === false,
  );
  switch (lifecycle.status) {
    case 'active':
      return `${named(current)}${until(current)}${then ? `, ${format.text(then.phase.label)}${until(then)}` : ''}`;
    case 'security':
      return `security updates only${until(current)}`;
    case 'extended':
      return `${extendedSupportPhrase(lifecycle.productName, format.text(current?.phase.label ?? 'extended support'))} only${until(current)}`;
    case 'contract':
      return `covered by your contract${until(current)}`;
    case 'unsupported':
      return lifecycle.unsupportedSince
        ? `unsupported since ${format.date(addDays(lifecycle.unsupportedSince, 1))}`
        : 'unsupported (end date not published)';
    case 'unknown':
      return 'status unknown';
    case 'unreleased':
      return `not released yet (released ${format.date(lifecycle.releaseDate)})`;
  }
}

/** Said under a release endoflife.date no longer lists (catalog/retain-releases.ts). */
export function retainedNote(release: { retainedSince?: string }, format: Formatter): string | null {
  return release.retainedSince
    ? `No longer in endoflife.date's data since ${format.date(release.retainedSince)}: these are its last known dates.`
    : null;
}

/** A period asked about ("in 2027") in which support ends: said under the status. */
export function periodNote(supportedUntil: string, period: { label: string }, format: Formatter): string {
  return `Supported until ${format.date(supportedUntil)}, so not for the whole of ${format.text(period.label)}.`;
}

/**
 * A period asked about ("within 3 months") in which a phase ends but support goes on: said under the
 * status, since the answer is for the period's last day ("Security Support: ended after …").
 */
export function phaseEndsNote(
  lifecycle: Lifecycle,
  period: { from: string; to: string; label: string },
  format: Formatter,
): string | null {
  // Phases ending the same day are said together: "Active Support and Security Support end after …".
  const byDay = new Map<string, string[]>();
  for (const { phase } of lifecycle.phases)
    if (typeof phase.end === 'string' && phase.end >= period.from && phase.end <= period.to)
      byDay.set(phase.end, [...(byDay.get(phase.end) ?? []), format.text(phase.label)]);
  if (byDay.size === 0) return null;
  const ends = [...byDay].map(
    ([day, labels]) => `${labels.join(' and ')} ${labels.length === 1 ? 'ends' : 'end'} after ${format.date(day)}`,
  );
  return `Within ${format.text(period.label)}: ${ends.join('; ')}.`;
}

/** Whose day the answer is for: "As of 2017-06-28", or "Through 2027-12-31 (the end of 2027)". */
export function asOfWords(result: { asOf: string; period?: { label: string } }, format: Formatter): string {
  return result.period
    ? `Through ${format.date(result.asOf)} (the end of ${format.text(result.period.label)})`
    : `As of ${format.date(result.asOf)}`;
}

/** Who pays for the extended phase a release is on, in one line; null off it or where nobody has said. */
export function extendedSupportNote(lifecycle: Lifecycle): string | null {
  return lifecycle.status === 'extended' ? (extendedSupportTerms[lifecycle.productName]?.note ?? null) : null;
}
