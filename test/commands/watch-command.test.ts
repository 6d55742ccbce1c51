import { describe, expect, it } from '@jest/globals';
import type { CommandDeps, Speaker } from '../../src/commands/command-types.js';
import { runText } from '../../src/commands/run-command.js';
import { renderText } from '../../src/render/render-text.js';
import { depsAt, SPEAKER } from '../helpers/test-core.js';

const say = async (deps: CommandDeps, text: string, speaker: Speaker = SPEAKER) =>
  renderText(await runText(text, deps, speaker));

describe('/eol watch, unwatch and watches', () => {
  it('watches releases with the default leads and shows the next reminder of each', async () => {
    const deps = depsAt('2017-06-28');
    expect(await say(deps, 'watch windows-8.1, ubuntu 22.04')).toContain(
      'Watching Microsoft Windows 8.1, Ubuntu 22.04',
    );
    const watches = await say(deps, 'watches');
    expect(watches).toContain(
      '• Microsoft Windows 8.1: next reminder 2017-07-13 (Active Support ends 2018-01-09); leads 180, 90, 30, 7, 1, 0 days',
    );
  });

  it('takes lead times', async () => {
    const deps = depsAt('2017-06-28');
    await say(deps, 'watch windows-8.1 lead 365,90,30');
    expect(await say(deps, 'watches')).toContain(
      'next reminder 2017-10-11 (Active Support ends 2018-01-09); leads 365, 90, 30 days',
    );
  });

  it.each([
    ['watch windows-8.1 lead soon', /Lead times are whole days/],
    ['watch windows-8.1 lead 99999', /Lead times are whole days/],
    ['watch windows 10', /Nothing watched: “windows 10” could be/],
    ['watch nope-nope', /Nothing watched: “nope-nope” unknown release/],
    ['watch', /Name a release to watch/],
  ])('refuses %j', async (text, reason) => {
    expect(await say(depsAt('2017-06-28'), text)).toMatch(reason);
  });

  it('unwatches', async () => {
    const deps = depsAt('2017-06-28');
    await say(deps, 'watch xp, vista');
    expect(await say(deps, 'unwatch xp, windows 8')).toBe(
      'No more reminders here for Microsoft Windows XP SP3.\nNot watched here: Microsoft Windows 8.',
    );
    expect(await say(deps, 'watches')).not.toContain('XP');
  });

  it('watches what the inventory has machines on, until auto is off or the count goes to 0', async () => {
    const deps = depsAt('2017-06-28');
    await say(deps, 'inventory set windows-8.1 14450');
    expect(await say(deps, 'watches')).toContain(
      'Microsoft Windows 8.1: next reminder 2017-07-13 (Active Support ends 2018-01-09); leads 180, 90, 30, 7, 1, 0 days, from inventory',
    );
    await say(deps, 'watch auto off');
    expect(await say(deps, 'watches')).toContain('watches nothing yet');
    await say(deps, 'watch auto on');
    await say(deps, 'inventory set windows-8.1 0');
    expect(await say(deps, 'watches')).toContain('watches nothing yet');
  });

  it('keeps watches per channel', async () => {
    const deps = depsAt('2017-06-28');
    await say(deps, 'watch xp');
    expect(await say(deps, 'watches', { ...SPEAKER, channel: 'C2' })).toContain('watches nothing yet');
  });
});
