import { expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { createSlashAnswerer } from '../../src/slack/create-slash-answerer.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { depsAt, SPEAKER, testCore } from '../helpers/test-core.js';

it('never serves a cached answer from another day', async () => {
  let today = '2023-01-10';
  const answer = createSlashAnswerer(testCore().deps(() => DateTime.fromISO(`${today}T12:00:00`, { zone: 'UTC' })));
  expect((await answer('windows 8.1', SPEAKER)).message.text).toContain('(last day)');
  expect((await answer('windows 8.1', SPEAKER)).message.text).toContain('(last day)');
  today = '2023-01-11';
  expect((await answer('windows 8.1', SPEAKER)).message.text).toContain(
    'Unsupported since 2023-01-11: no more updates (last supported day 2023-01-10)',
  );
});

it('keeps private and shared answers apart', async () => {
  const answer = createSlashAnswerer(testCore().deps());
  expect((await answer('xp', SPEAKER)).inChannel).toBe(false);
  expect((await answer('share xp', SPEAKER)).inChannel).toBe(true);
  expect((await answer('xp', SPEAKER)).inChannel).toBe(false);
});

it("answers from the team's contracts even after the same question was cached", async () => {
  const deps = depsAt('2015-01-01');
  const answer = createSlashAnswerer(deps);
  expect((await answer('xp', SPEAKER)).message.text).toContain('Unsupported since 2014-04-09');
  await (
    await deps.store()
  ).setContract(SPEAKER, 'windows/5-sp3', { until: '2016-04-14', name: 'CSA', by: 'U1', at: 'x' });
  expect((await answer('xp', SPEAKER)).message.text).toContain('covered by your contract (CSA) until 2016-04-14');
  expect((await answer('xp', { ...SPEAKER, channel: 'C2' })).message.text).toContain('Unsupported since 2014-04-09');
});

it('answers from the contracts its cached key was made from, though another process changes them between reads', async () => {
  const store = new MemoryStore();
  const readContracts = store.contracts.bind(store);
  let covered = false;
  // Another replica sets the team's contract right after one read and removes it right after the next.
  store.contracts = async (ref) => {
    const read = await readContracts(ref);
    covered = !covered;
    if (covered) await store.setContract(ref, 'windows/5-sp3', { until: '2016-04-14', name: 'CSA', by: 'U1', at: 'x' });
    else await store.removeContract(ref, 'windows/5-sp3');
    return read;
  };
  const answer = createSlashAnswerer(depsAt('2015-01-01', { store: async () => store }));
  const said = async () => (await answer('xp', SPEAKER)).message.text;
  expect(await said()).toContain('Unsupported since 2014-04-09'); // read: no contract
  expect(await said()).toContain('covered by your contract (CSA) until 2016-04-14'); // read: the contract
  expect(await said()).toContain('Unsupported since 2014-04-09'); // read: none again, answered from the cache
  expect(await said()).toContain('covered by your contract (CSA) until 2016-04-14');
});
