// Both store roles in memory: the reference implementation tests run the commands against.
import type { ChangedBy, CountChange, CountUpdate, HistoryEntry, InventoryStore, TeamRef, TeamState } from '../inventory/inventory-store.js';
import { MemoryInventoryStore } from '../inventory/memory-inventory-store.js';
import { MemoryWatchStore } from '../reminders/memory-watch-store.js';
import type { WatchStore } from '../reminders/watch-store.js';
import { followCounts } from '../reminders/follow-counts.js';

export class MemoryStore extends MemoryWatchStore implements InventoryStore, WatchStore {
  private readonly inventory = new MemoryInventoryStore();

  setCounts(team: TeamRef, counts: { release: string; count: number }[], by: ChangedBy): Promise<CountChange[]> {
    return this.updateCounts(team, { mode: 'set', counts, action: 'set' }, by);
  }

  async updateCounts(team: TeamRef, update: CountUpdate, by: ChangedBy): Promise<CountChange[]> {
    const changes = await this.inventory.updateCounts(team, update, by);
    const channel = this.entry(team);
    followCounts(channel.autoWatch, channel.releases, changes, by.at.slice(0, 10));
    return changes;
  }

  clearTeam(team: TeamRef, by: ChangedBy): Promise<CountChange[]> {
    return this.inventory.clearTeam(team, by);
  }

  setTeamName(team: TeamRef, name: string): Promise<void> {
    return this.inventory.setTeamName(team, name);
  }

  team(team: TeamRef): Promise<TeamState> {
    return this.inventory.team(team);
  }

  teams(workspace: string): Promise<TeamState[]> {
    return this.inventory.teams(workspace);
  }

  history(team: TeamRef): Promise<HistoryEntry[]> {
    return this.inventory.history(team);
  }

  close(): Promise<void> {
    return this.inventory.close();
  }
}
