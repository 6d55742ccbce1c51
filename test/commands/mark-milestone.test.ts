// A reminder's buttons as requests through the pipeline: the mark saved, one audit entry for each change
// and none for an undo of what was not handled, and another channel's milestone refused.
import { describe, expect, it } from '@jest/globals';
import type { Request, Speaker } from '../../src/commands/command-types.js';
import { runCommand } from '../../src/commands/run-command.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { depsAt } from '../helpers/test-core.js';

const MILESTONE = 'T1|CMET|windows/8.1|eol';
const met: Speaker = { workspace: 'T1', channel: 'CMET', user: 'U7', via: 'slack' };
type Mark = Extract<Request, { kind: 'milestone-mark' }>['mark'];

const fresh = () => {
  const store = new MemoryStore();
  const deps = depsAt('2022-12-11', { store: async () => store });
  const mark = (mark: Mark, speaker = met, milestone = MILESTONE) =>
    runCommand({ kind: 'milestone-mark', milestone, mark }, deps, speaker);
  const actions = async () => (await store.auditEntries('T1')).map((entry) => [entry.action, entry.change]);
  return { store, mark, actions };
};

describe('marking a reminder’s milestone', () => {
  it('snoozes, marks handled and undoes, each saved and recorded once', async () => {
    const { store, mark, actions } = fresh();
    expect(await mark({ snoozeDays: 30 })).toMatchObject({
      kind: 'milestone-marked',
      mark: 'snoozed',
      until: '2023-01-10',
    });
    expect((await store.milestoneMarks())[MILESTONE]).toMatchObject({ snoozedUntil: '2023-01-10', snoozedBy: 'U7' });
    expect(await mark('handled')).toMatchObject({ mark: 'handled', changed: true });
    expect((await store.milestoneMarks())[MILESTONE]?.handledBy).toBe('U7');
    expect(await mark('unhandled')).toMatchObject({ mark: 'unhandled', changed: true });
    expect((await store.milestoneMarks())[MILESTONE]?.handledAt).toBeUndefined();
    expect(await actions()).toEqual([
      ['milestone.snooze', `${MILESTONE}: until 2023-01-10`],
      ['milestone.handled', `${MILESTONE}: not handled → handled`],
      ['milestone.unhandled', `${MILESTONE}: handled → not handled`],
    ]);
  });

  it('records nothing for an undo of what is not handled (a second press)', async () => {
    const { mark, actions } = fresh();
    await mark('handled');
    await mark('unhandled');
    expect(await mark('unhandled')).toMatchObject({ kind: 'milestone-marked', changed: false });
    expect((await actions()).map(([action]) => action)).toEqual(['milestone.handled', 'milestone.unhandled']);
  });

  it.each<[string, Mark, Speaker, string]>([
    ['another channel’s', 'handled', { ...met, channel: 'COTHER' }, MILESTONE],
    ['another workspace’s', 'unhandled', met, 'T2|CMET|windows/8.1|eol'],
    ['a made-up', { snoozeDays: 7 }, met, 'T1'],
    ['a zero-day snooze of a', { snoozeDays: 0 }, met, MILESTONE],
    ['a ten-year snooze of a', { snoozeDays: 3650 }, met, MILESTONE],
    ['a fractional snooze of a', { snoozeDays: 1.5 }, met, MILESTONE],
  ])('refuses %s milestone and changes nothing', async (_case, request, speaker, milestone) => {
    const { store, mark, actions } = fresh();
    expect(await mark(request, speaker, milestone)).toMatchObject({ kind: 'invalid' });
    expect(await store.milestoneMarks()).toEqual({});
    expect(await actions()).toEqual([]);
  });
});
