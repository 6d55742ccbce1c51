// The seed story as a history: 35,640 XP machines going down to 18,293 while 14,450 move to Windows 8.1,
// and a few Windows 7 machines; saved through the store as a team would have typed them.
import type { InventoryStore, TeamRef } from '../../src/inventory/inventory-store.js';

const MET_HISTORY: { at: string; counts: Record<string, number> }[] = [
  { at: '2013-06-03T09:00:00.000Z', counts: { 'windows/5-sp3': 35640, 'windows/7-sp1': 2000 } },
  { at: '2014-10-01T09:00:00.000Z', counts: { 'windows/5-sp3': 30000, 'windows/8.1': 5640 } },
  { at: '2015-09-01T09:00:00.000Z', counts: { 'windows/5-sp3': 24000, 'windows/8.1': 11640 } },
  { at: '2016-01-04T09:00:00.000Z', counts: { 'windows/7-sp1': 1500 } },
  { at: '2017-06-01T09:00:00.000Z', counts: { 'windows/5-sp3': 18293, 'windows/8.1': 14450 } },
];

export async function saveMetHistory(store: InventoryStore, team: TeamRef): Promise<void> {
  for (const step of MET_HISTORY) {
    await store.setCounts(
      team,
      Object.entries(step.counts).map(([release, count]) => ({ release, count })),
      { user: 'U1', at: step.at },
    );
  }
}
