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

it('finds an answer asked before without parsing it again, and reads no contracts for a command', async () => {
  const store = new MemoryStore();
  const readContracts = store.contracts.bind(store);
  let reads = 0;
  store.contracts = async (ref) => ((reads += 1), readContracts(ref));
  const answer = createSlashAnswerer(depsAt('2015-01-01', { store: async () => store }));
  expect('read' in (await answer.kept('xp', SPEAKER))).toBe(true);
  const first = await answer('xp', SPEAKER);
  expect(await answer.kept('xp', SPEAKER)).toEqual({ answer: first });
  expect(await answer.kept('XP', SPEAKER)).not.toHaveProperty('answer'); // the text as typed is the key
  reads = 0;
  expect(await answer.kept('inventory set xp 5', SPEAKER)).toEqual({ command: true });
  expect(await answer.kept('  Watch xp', SPEAKER)).toEqual({ command: true });
  expect(reads).toBe(0);
});

it('answers a text that reads as a lookup only once cleaned ("watch" glued to a name by a control character)', async () => {
  const answer = createSlashAnswerer(depsAt('2015-01-01'));
  const text = 'watch\u000bxp';
  expect(await answer.kept(text, SPEAKER)).toEqual({ command: true });
  expect((await answer(text, SPEAKER)).message.text).toMatch(/not found|watchxp/i);
});
