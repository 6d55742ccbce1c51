// The releases teams rely on, across every workspace: counted in an inventory, watched, or under a
// support contract. A catalogue refresh may not drop these silently (catalog/retain-releases.ts).
import type { ReleaseKey, InventoryStore } from '../inventory/inventory-store.js';
import type { WatchStore } from './watch-store.js';

export async function releasesInUse(store: InventoryStore & WatchStore): Promise<Set<ReleaseKey>> {
  const keys = new Set<ReleaseKey>();
  for (const { workspace, channels } of await store.allWatches()) {
    for (const channel of channels)
      for (const key of [...Object.keys(channel.releases), ...Object.keys(channel.contracts)]) keys.add(key);
    for (const team of await store.teams(workspace)) for (const key of Object.keys(team.counts)) keys.add(key);
  }
  return keys;
}
