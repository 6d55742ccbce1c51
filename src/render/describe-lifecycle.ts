// The words for a lifecycle, shared by the Slack and plain-text renderers, which differ only in how
// they write dates and escape text.
import type { PhaseState, Lifecycle } from '../lifecycle/compute-lifecycle.js';
import { formatCount, type Formatter } from './formatter.js';

export const plural = (count: number, word: string): string => `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;

export function describePhase(state: PhaseState, format: Formatter): string {
  const { end } = state.phase;
  if (typeof end === 'string') {
    if (state.daysLeft === 0) return `until ${format.date(end)} (last day)`;
    if (state.daysLeft !== null) return `until ${format.date(end)} (${plural(state.daysLeft, 'day')} left)`;
    return `ended ${format.date(end)} (${plural(state.daysSince ?? 0, 'day')} ago)`;
  }
  if (end === true) return 'ended';
  if (end === false) return 'with no end date announced';
  return 'unknown';
}

export function describeStatus(lifecycle: Lifecycle, format: Formatter): string {
  const { current } = lifecycle;
  switch (lifecycle.status) {
    case 'active':
      return `Supported: ${format.text(current?.phase.label ?? '')} ${describePhase(current as PhaseState, format)}`;
    case 'security':
      return `Security updates only: ${format.text(current?.phase.label ?? '')} ${describePhase(current as PhaseState, format)}`;
    case 'extended':
      return `Only paid extended support remains: ${format.text(current?.phase.label ?? '')} ${describePhase(current as PhaseState, format)}`;
    case 'contract': {
      const vendorEnd = lifecycle.phases
        .filter((state) => state.phase.kind !== 'contract' && typeof state.phase.end === 'string')
        .map((state) => state.phase.end as string)
        .sort()
        .at(-1);
      const ended = vendorEnd ? `Vendor support ended ${format.date(vendorEnd)}` : 'Vendor support has ended';
      return `${ended}; covered by your contract (${format.text(current?.phase.label ?? '')}) ${describePhase(current as PhaseState, format)}`;
    }
    case 'unsupported': {
      const since = lifecycle.unsupportedSince;
      if (!since) return 'Unsupported: no more updates';
      const ago = lifecycle.phases.find((state) => state.phase.end === since)?.daysSince ?? 0;
      return `Unsupported since ${format.date(since)} (${plural(ago, 'day')} ago): no more updates`;
    }
    case 'unknown':
      return 'Support status unknown: endoflife.date records no end date';
  }
}

/** The few words an inventory row has room for: "security only until 2023-01-10". */
export function shortStatus(lifecycle: Lifecycle, format: Formatter): string {
  const current = lifecycle.current;
  const until = current && typeof current.phase.end === 'string' ? ` until ${format.date(current.phase.end)}` : '';
  switch (lifecycle.status) {
    case 'active':
      return `supported${until}`;
    case 'security':
      return `security updates only${until}`;
    case 'extended':
      return `paid ${format.text(current?.phase.label ?? 'extended support')} only${until}`;
    case 'contract':
      return `covered by your contract${until}`;
    case 'unsupported':
      return lifecycle.unsupportedSince ? `unsupported since ${format.date(lifecycle.unsupportedSince)}` : 'unsupported';
    case 'unknown':
      return 'status unknown';
  }
}

export const WINDOWS_EDITIONS_LEGEND =
  'Editions: W = Home, Pro and Pro Education · E = Enterprise and Education · LTS = Long-Term Servicing Channel · IoT = IoT Enterprise';
