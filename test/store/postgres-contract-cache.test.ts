// The PostgreSQL store keeps each team's contracts for a second (lookups read them on every question),
// and a change made by this process is seen by its next read at once, even one that overtook a read in
// flight: the read started before the change is not kept.
import { expect } from '@jest/globals';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { postgresForFile } from '../helpers/postgres-suite.js';

const { pgIt, url } = await postgresForFile();

const team = { workspace: 'T1', channel: 'CMET' };
const contract = { until: '2016-04-14', name: 'Custom Support', by: 'U1', at: '2015-01-01T09:00:00.000Z' };

pgIt('sees its own change at once, though a read started before it answers after it', async () => {
  // One connection: the read's query goes first and the change's second, so the read answers with the
  // contracts before the change, after the change has begun.
  const store = await PostgresStore.open(url(), { max: 1 });
  try {
    const [before] = await Promise.all([store.contracts(team), store.setContract(team, 'windows/5-sp3', contract)]);
    expect(before).toEqual({});
    expect(await store.contracts(team)).toEqual({ 'windows/5-sp3': contract });
    const [stillThere] = await Promise.all([store.contracts(team), store.removeContract(team, 'windows/5-sp3')]);
    expect(stillThere).toEqual({ 'windows/5-sp3': contract });
    expect(await store.contracts(team)).toEqual({});
  } finally {
    await store.close();
  }
});
