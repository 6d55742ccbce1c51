// The seed story as a history: 35,640 XP machines going down to 18,293 while 14,450 move to Windows 8.1,
// and a few Windows 7 machines; saved through the store as a team would have typed them. The last year
// is counted monthly, as a team working down its XP machines would: about 1,300 fewer a month, so at
// that pace the last one goes around August 2018.
import type { InventoryStore, TeamRef } from '../../src/inventory/inventory-store.js';

const MET_HISTORY: { at: string; counts: Record<string, number> }[] = [
  { at: '2013-06-03T09:00:00.000Z', counts: { 'windows/5-sp3': 35640, 'windows/7-sp1': 2000 } },
  { at: '2014-10-01T09:00:00.000Z', counts: { 'windows/5-sp3': 34800, 'windows/8.1': 5640 } },
  { at: '2015-09-01T09:00:00.000Z', counts: { 'windows/5-sp3': 34200, 'windows/8.1': 11640 } },
  { at: '2016-01-04T09:00:00.000Z', counts: { 'windows/7-sp1': 1700 } },
  { at: '2016-06-01T09:00:00.000Z', counts: { 'windows/5-sp3': 33900, 'windows/8.1': 12000 } },
  { at: '2016-07-01T09:00:00.000Z', counts: { 'windows/5-sp3': 32600, 'windows/7-sp1': 1650 } },
  { at: '2016-08-01T09:00:00.000Z', counts: { 'windows/5-sp3': 31300 } },
  { at: '2016-09-01T09:00:00.000Z', counts: { 'windows/5-sp3': 30000, 'windows/8.1': 12400 } },
  { at: '2016-10-03T09:00:00.000Z', counts: { 'windows/5-sp3': 28700 } },
  { at: '2016-11-01T09:00:00.000Z', counts: { 'windows/5-sp3': 27400 } },
  { at: '2016-12-01T09:00:00.000Z', counts: { 'windows/5-sp3': 26100, 'windows/7-sp1': 1580, 'windows/8.1': 13000 } },
  { at: '2017-01-03T09:00:00.000Z', counts: { 'windows/5-sp3': 24800 } },
  { at: '2017-02-01T09:00:00.000Z', counts: { 'windows/5-sp3': 23500 } },
  { at: '2017-03-01T09:00:00.000Z', counts: { 'windows/5-sp3': 22200, 'windows/8.1': 13600 } },
  { at: '2017-04-03T09:00:00.000Z', counts: { 'windows/5-sp3': 20900 } },
  { at: '2017-05-02T09:00:00.000Z', counts: { 'windows/5-sp3': 19600 } },
  { at: '2017-06-01T09:00:00.000Z', counts: { 'windows/5-sp3': 18293, 'windows/8.1': 14450, 'windows/7-sp1': 1500 } },
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
