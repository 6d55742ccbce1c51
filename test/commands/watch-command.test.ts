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

  // Names separated as a question's are: commas, semicolons and lines, but not Microsoft's own comma.
  it.each([
    ['watch xp\nvista', 'Microsoft Windows XP SP3, Microsoft Windows Vista SP2'],
    ['watch xp; vista', 'Microsoft Windows XP SP3, Microsoft Windows Vista SP2'],
    ['watch windows 10, version 22h2', 'Microsoft Windows 10 22H2'],
    ['watch windows 10, version 22H2, windows 8.1', 'Microsoft Windows 10 22H2, Microsoft Windows 8.1'],
  ])('watches the releases of %j', async (text, titles) => {
    expect(await say(depsAt('2017-06-28'), text)).toContain(`Watching ${titles}:`);
  });

  it('takes lead times', async () => {
    const deps = depsAt('2017-06-28');
    await say(deps, 'watch windows-8.1 lead 365,90,30');
    expect(await say(deps, 'watches')).toContain(
      'next reminder 2017-10-11 (Active Support ends 2018-01-09); leads 365, 90, 30 days',
    );
  });

  // Weeks, months and years as days, which the answer shows.
  it.each([
    ['watch windows-8.1 lead 6 months, 1 month', '180, 30 days'],
    ['watch windows-8.1 lead 2w', '14 days'],
    ['watch windows-8.1 lead 3 mos and 2 weeks', '90, 14 days'],
    ['watch windows-8.1 lead 1 year, 90 days, 1 week', '365, 90, 7 days'],
    ['watch windows-8.1 lead 90d 30d 7d', '90, 30, 7 days'],
    ['watch windows-8.1 lead 60 days before', '60 days'],
  ])('reads %j as leads of %s', async (text, leads) => {
    const deps = depsAt('2017-06-28');
    expect(await say(deps, text)).toContain(`reminders here ${leads} before each end of support`);
    expect(await say(deps, 'watches')).toContain(`leads ${leads}`);
  });

  it.each([
    ['watch windows-8.1 lead 11 years', /Lead times are days from 0 to 3650/],
    ['watch windows-8.1 lead 6 fortnights', /Lead times are days from 0 to 3650/],
    ['watch windows-8.1 lead -5', /Lead times are days from 0 to 3650/],
    ['watch windows-8.1 lead soon', /Lead times are days from 0 to 3650/],
    ['watch windows-8.1 lead 99999', /Lead times are days from 0 to 3650/],
    ['watch windows 10', /Nothing watched: “windows 10” could be/],
    ['watch nope-nope', /Nothing watched: “nope-nope” unknown release/],
    ['watch', /Name a release to watch/],
  ])('refuses %j', async (text, reason) => {
    expect(await say(depsAt('2017-06-28'), text)).toMatch(reason);
  });

  // Lead times typed without `lead` are never dropped for the default ones, nor read as a release
  // ("windows 10 22h2 90 30 7" was once Windows 7): nothing is watched, and the answer says how.
  it.each([
    ['watch windows 10 22h2 90 30 7', '/eol watch windows 10 22h2 lead 90,30,7'],
    ['watch xp 90 30', '/eol watch xp lead 90,30'],
    ['watch win 10 22h2 90d 30d', '/eol watch win 10 22h2 lead 90,30'],
    ['watch windows 10 22h2 at 90, 30 and 7 days', '/eol watch windows 10 22h2 lead 90,30,7'],
    ['watch windows 10 22h2 3 months before', '/eol watch windows 10 22h2 lead 90'],
    ['watch xp 6 months, 2 weeks', '/eol watch xp lead 180,14'],
    ['watch xp, vista 90 30', '/eol watch xp, vista lead 90,30'],
    ['watch xp 1 1 z', '/eol watch xp lead 1,1'],
    ['watch xp 90 30 please', '/eol watch xp lead 90,30'],
    ['watch windows 10 22h2 90 30 7 for finance', '/eol watch windows 10 22h2 lead 90,30,7'],
    ['watch vista 30 days please', '/eol watch vista lead 30'],
    // A release named with a number of its own: the leads start after it, and its words stay whole.
    ['watch windows server 2019 90 30 7', '/eol watch windows server 2019 lead 90,30,7'],
    ['watch windows server 2016 90 days before', '/eol watch windows server 2016 lead 90'],
    ['watch windows server 2012 r2 90 30', '/eol watch windows server 2012 r2 lead 90,30'],
    ['watch sql server 2019 60 days', '/eol watch sql server 2019 lead 60'],
    ['watch windows 10 1909 90 days', '/eol watch windows 10 1909 lead 90'],
    // The unit stays when words follow it; years count 365 days.
    ['watch windows 10 22h2 3 months ahead', '/eol watch windows 10 22h2 lead 90'],
    ['watch windows 10 22h2 1 year in advance', '/eol watch windows 10 22h2 lead 365'],
    ['watch xp 2 weeks beforehand', '/eol watch xp lead 14'],
  ])('refuses %j, lead times without `lead`, and shows %j', async (text, hint) => {
    const deps = depsAt('2017-06-28');
    expect(await say(deps, text)).toBe(`Nothing watched: lead times go after lead, in days: ${hint}.`);
    expect(await say(deps, 'watches')).not.toContain('Microsoft Windows');
  });

  it.each([
    ['watch windows 10 22h2 2028', '“2028”'],
    ['watch windows server 2016 2027', '“2027”'],
    ['watch ubuntu 22.04 2030', '“2030”'],
  ])('refuses %j: a year after the release is no lead time, and none is suggested', async (text, year) => {
    const deps = depsAt('2017-06-28');
    const answer = await say(deps, text);
    expect(answer).toContain(`Nothing watched: ${year} after the release names no release, and is no lead time.`);
    expect(answer).not.toContain('lead 20');
    expect(await say(deps, 'watches')).not.toMatch(/Windows|Ubuntu/);
  });

  it.each([
    ['watch windows 8.1 lead 90d, 30d', 'leads 90, 30 days'],
    ['watch windows 8.1 lead 90, 30 and 7 days', 'leads 90, 30, 7 days'],
    ['watch windows 8.1 leads 365 90', 'leads 365, 90 days'],
  ])('reads the lead times of %j', async (text, leads) => {
    const deps = depsAt('2017-06-28');
    expect(await say(deps, text)).toContain('Watching Microsoft Windows 8.1');
    expect(await say(deps, 'watches')).toContain(leads);
  });

  it.each([
    ['watch rhel 7 8 9', ['Red Hat Enterprise Linux 7', 'Red Hat Enterprise Linux 8', 'Red Hat Enterprise Linux 9']],
    ['watch python 3.11-3.13', ['Python 3.11', 'Python 3.12', 'Python 3.13']],
  ])('watches each release of %j, versions listed or a range, as /eol reads them', async (text, titles) => {
    const deps = depsAt('2017-06-28');
    const answer = await say(deps, text);
    for (const title of titles) expect(answer).toContain(title);
    expect(answer).toContain('reminders here 180, 90, 30, 7, 1, 0 days before');
  });

  it('watches each release of "xp and vista", and a bare version in the product before it', async () => {
    const deps = depsAt('2017-06-28');
    expect(await say(deps, 'watch xp and vista')).toContain(
      'Watching Microsoft Windows XP SP3, Microsoft Windows Vista SP2',
    );
    expect(await say(deps, 'watch ubuntu 20.04, 22.04')).toContain(
      "Watching Ubuntu 20.04 'Focal Fossa' (LTS), Ubuntu 22.04",
    );
  });

  it.each([
    ['watch windows server 2019 datacenter', 'Watching Microsoft Windows Server 2019'],
    ['watch ubuntu 22.04 lts please', 'Watching Ubuntu 22.04'],
    ['watch windows 10 22h2 enterprise', 'Watching Microsoft Windows 10 22H2'],
  ])('reads the words after a release in %j as part of it, not as lead times', async (text, answer) => {
    expect(await say(depsAt('2017-06-28'), text)).toContain(answer);
  });

  it('keeps a number that is part of the name: "windows 10 1909" is asked about, not read as a lead time', async () => {
    expect(await say(depsAt('2017-06-28'), 'watch windows 10 1909')).toMatch(
      /Nothing watched: “windows 10 1909” could be 2 releases/,
    );
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
