// The simplest InventoryStore: in memory, for tests of the commands and as the reference behaviour
// the file store is checked against (one shared suite runs on both).
import {
  applyCounts,
  clearAll,
  countsOfUpdate,
  type ChangedBy,
  type CountUpdate,
  type CountChange,
  type CountsUpdated,
  type HistoryEntry,
  type InventoryStore,
  type TeamRef,
  type TeamState,
} from '../../src/inventory/inventory-store.js';

export class MemoryInventoryStore implements InventoryStore {
  private readonly teamsByKey = new Map<string, TeamState & { workspace: string; log: HistoryEntry[] }>();

  private entry(team: TeamRef) {
    const key = `${team.workspace}\u0000${team.channel}`;
    let found = this.teamsByKey.get(key);
    if (!found) {
      found = { workspace: team.workspace, channel: team.channel, name: null, counts: {}, log: [] };
      this.teamsByKey.set(key, found);
    }
    return found;
  }

  async setCounts(team: TeamRef, counts: { release: string; count: number }[], by: ChangedBy): Promise<CountChange[]> {
    return (await this.updateCounts(team, { mode: 'set', counts, action: 'set' }, by)).changes;
  }

  async updateCounts(team: TeamRef, update: CountUpdate, by: ChangedBy): Promise<CountsUpdated> {
    const entry = this.entry(team);
    const { changes, next } = applyCounts(entry.counts, countsOfUpdate(entry.counts, update));
    entry.counts = next;
    const file = update.file === undefined ? {} : { file: update.file };
    entry.log.push(...changes.map((change) => ({ ...change, ...by, action: update.action, ...file })));
    return { changes, team: await this.team(team) };
  }

  async clearTeam(team: TeamRef, by: ChangedBy): Promise<CountChange[]> {
    const entry = this.entry(team);
    const { changes, next } = applyCounts(entry.counts, clearAll(entry.counts));
    entry.counts = next;
    entry.log.push(...changes.map((change) => ({ ...change, ...by, action: 'clear' as const })));
    return changes;
  }

  async setTeamName(team: TeamRef, name: string): Promise<void> {
    this.entry(team).name = name;
  }

  async team(team: TeamRef): Promise<TeamState> {
    const { channel, name, counts } = this.entry(team);
    return { channel, name, counts: { ...counts } };
  }

  async teams(workspace: string): Promise<TeamState[]> {
    return [...this.teamsByKey.values()]
      .filter((entry) => entry.workspace === workspace && (entry.name !== null || Object.keys(entry.counts).length > 0))
      .map(({ channel, name, counts }) => ({ channel, name, counts: { ...counts } }));
  }

  async history(team: TeamRef): Promise<HistoryEntry[]> {
    return [...this.entry(team).log];
  }

  async forgetChannel(team: TeamRef): Promise<void> {
    this.teamsByKey.delete(`${team.workspace}\u0000${team.channel}`);
  }

  async forgetWorkspace(workspace: string): Promise<void> {
    for (const [key, entry] of this.teamsByKey) if (entry.workspace === workspace) this.teamsByKey.delete(key);
  }

  async close(): Promise<void> {}
}
