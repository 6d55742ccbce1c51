// After an accepted refresh: which channels hear that a watched release's date moved, or that it
// gained or lost a phase. One notice per channel, release, phase and change; pure planning.
import type { PhaseEnd, Release } from '../catalog/catalog.js';
import type { PhaseChange } from '../catalog/diff-catalogs.js';
import type { ReleaseKey } from '../inventory/inventory-store.js';
import type { WorkspaceWatches } from './watch-store.js';

export interface DateNotice {
  key: string;
  workspace: string;
  channel: string;
  release: Release;
  change: PhaseChange;
}

/** The phase key of the notice that a release is no longer in endoflife.date's data. */
export const VANISHED_PHASE_KEY = 'listing';

/** A release the API dropped, as a change the watching channels hear about once. */
export function vanishedChange(release: Release): PhaseChange {
  return {
    release: `${release.productName}/${release.name}`,
    phaseKey: VANISHED_PHASE_KEY,
    phaseLabel: 'listing',
    before: release.retainedSince ?? null,
    after: undefined,
  };
}

const endText = (end: PhaseEnd | undefined): string =>
  end === undefined ? 'none' : end === null ? 'unknown' : String(end);

export function planNotices(
  changes: readonly PhaseChange[],
  watches: readonly WorkspaceWatches[],
  releaseByKey: (key: ReleaseKey) => Release | undefined,
  countsOf: (workspace: string, channel: string) => Readonly<Record<ReleaseKey, number>>,
): DateNotice[] {
  const notices: DateNotice[] = [];
  for (const change of changes) {
    const release = releaseByKey(change.release);
    if (!release) continue;
    for (const { workspace, channels } of watches) {
      for (const channel of channels) {
        const watched = channel.releases[change.release];
        if (!watched || channel.broken) continue;
        if (watched.source === 'auto' && (!channel.autoWatch || !countsOf(workspace, channel.channel)[change.release]))
          continue;
        const key = `notice|${workspace}|${channel.channel}|${change.release}|${change.phaseKey}|${endText(change.before)}>${endText(change.after)}`;
        notices.push({ key, workspace, channel: channel.channel, release, change });
      }
    }
  }
  return notices;
}
