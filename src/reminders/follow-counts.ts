// A channel watches the releases its team has machines on, unless it turned that off (`/eol watch auto
// off`): an automatic watch starts when a count goes from 0 and stops when it returns to 0. It is part
// of the count change itself: the stores apply it in the same commit, and again whenever they replay a
// count from the history log, so "Saved" never leaves a release without its reminders.
import type { CountChange, ReleaseKey } from '../inventory/inventory-store.js';
import { applyWatches, DEFAULT_LEADS, type WatchedRelease } from './watch-store.js';

/** Returns whether the watches changed. */
export function followCounts(
  autoWatch: boolean,
  watches: Record<ReleaseKey, WatchedRelease>,
  changes: readonly CountChange[],
  today: string,
): boolean {
  let changed = false;
  const started = changes
    .filter((change) => change.from === 0 && change.to > 0 && !watches[change.release])
    .map((change) => change.release);
  if (autoWatch && started.length > 0) {
    applyWatches(
      watches,
      started.map((release) => ({ release, leads: [...DEFAULT_LEADS] })),
      'auto',
      today,
    );
    changed = true;
  }
  for (const change of changes) {
    if (change.to === 0 && watches[change.release]?.source === 'auto') {
      delete watches[change.release];
      changed = true;
    }
  }
  return changed;
}
