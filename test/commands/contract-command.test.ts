// A team's own support contract changes its lookups, inventory, reports and reminders.
import { describe, expect, it } from '@jest/globals';
import type { CommandDeps, Speaker } from '../../src/commands/command-types.js';
import { runText } from '../../src/commands/run-command.js';
import { planReminders } from '../../src/reminders/plan-reminders.js';
import { renderBlocks } from '../../src/render/render-blocks.js';
import { renderText } from '../../src/render/render-text.js';
import { depsAt, SPEAKER } from '../helpers/test-core.js';

const say = async (deps: CommandDeps, text: string, speaker: Speaker = SPEAKER) =>
  renderText(await runText(text, deps, speaker));
const OTHER = { ...SPEAKER, channel: 'C2' };

describe('support contracts', () => {
  it('records, lists and removes a contract', async () => {
    const deps = depsAt('2015-01-01');
    expect(await say(deps, 'contract windows-xp until 2016-04-14 Custom Support Agreement')).toContain(
      'Microsoft Windows XP SP3: Custom Support Agreement until 2016-04-14 (recorded by U1)',
    );
    expect(await say(deps, 'contracts')).toContain('Custom Support Agreement until 2016-04-14');
    expect(await say(deps, 'contracts', OTHER)).toContain('no support contracts');
    expect(await say(deps, 'contract remove xp')).toBe("Removed this team's contract for Microsoft Windows XP SP3.");
    expect(await say(deps, 'contract remove xp')).toContain('no contract for Microsoft Windows XP SP3');
  });

  it.each([
    ['contract windows 10 22h2 to 2028-10-10', 'Microsoft Windows 10 22H2: Support contract until 2028-10-10'],
    ['contract windows 10 22h2 through Oct 10 2028 ESU', 'Microsoft Windows 10 22H2: ESU until 2028-10-10'],
    ['contract windows 10 22h2 thru 2028-10-10', 'Microsoft Windows 10 22H2: Support contract until 2028-10-10'],
    ['contract windows 10 22h2 till 2028-10-10', 'Microsoft Windows 10 22H2: Support contract until 2028-10-10'],
    ['contract xp expires 2016-04-14 CSA', 'Microsoft Windows XP SP3: CSA until 2016-04-14'],
    ['contract xp expiring on 2016-04-14', 'Microsoft Windows XP SP3: Support contract until 2016-04-14'],
    ['contract rhel 7 valid through 2028-06-30 ELS', 'Red Hat Enterprise Linux 7 (ELS): ELS until 2028-06-30'],
    ['contract windows server 2012 r2 ends on 2026-10-13', '(LTSC): Support contract until 2026-10-13'],
    ['contract xp up to 2016-04-14 Right to use', 'Microsoft Windows XP SP3: Right to use until 2016-04-14'],
  ])('reads %j, its end after a word people use for until', async (text, recorded) => {
    expect(await say(depsAt('2015-01-01'), text)).toContain(recorded);
  });

  it.each([
    ['contract xp', /Use \/eol contract/],
    ['contract xp until 2016-02-30', /There is no 30 February 2016: February 2016 has 29 days\. Nothing recorded/],
    ['contract xp until soon', /“soon” is not a date/],
    ['contract xp until 03/04/2016 CSA', /It could be 3 April 2016 or 4 March 2016/],
    [
      'contract xp until 2016',
      /until its first day or its last\? Say until end of 2016 \(2016-12-31\) or until 2016-01-01/,
    ],
    ['contract windows 10 until 2030-01-01', /could be/],
  ])('refuses %j', async (text, reason) => {
    expect(await say(depsAt('2015-01-01'), text)).toMatch(reason);
  });

  // The end as people write it; the contract's name is whatever follows the date.
  it.each([
    ['contract xp until 14 April 2016 Custom Support', 'Custom Support until 2016-04-14'],
    ['contract xp until 14/04/2016 CSA', 'CSA until 2016-04-14'],
    ['contract xp until April 14, 2016', 'Support contract until 2016-04-14'],
    ['contract xp until end of 2016', 'Support contract until 2016-12-31'],
    ['contract xp until the end of Q3 2016 ESU year 2', 'ESU year 2 until 2016-09-30'],
    ['contract xp until 2016-04-14 2016 CSA', '2016 CSA until 2016-04-14'],
    // Counted from the day it is typed (the clock: 2015-01-01).
    ['contract xp until end of next year ESU', 'ESU until 2016-12-31'],
    ['contract xp until the end of this month', 'Support contract until 2015-01-31'],
    ['contract xp until 2 years from now CSA', 'CSA until 2017-01-01'],
    ['contract xp until 6 months from today', 'Support contract until 2015-07-01'],
    ['contract xp until eoy Custom Support', 'Custom Support until 2015-12-31'],
    ['contract xp until a year and a half from now ESU', 'ESU until 2016-07-01'],
    ['contract xp until 2 years and 6 months from now', 'Support contract until 2017-07-01'],
    ['contract xp until next christmas CSA', 'CSA until 2015-12-25'],
    ['contract xp until year end 2016 ESU', 'ESU until 2016-12-31'],
  ])('reads %j', async (text, recorded) => {
    expect(await say(depsAt('2015-01-01'), text)).toContain(`Microsoft Windows XP SP3: ${recorded}`);
  });

  it('asks which day of a period counted from today, with the name kept and nothing recorded', async () => {
    const deps = depsAt('2015-01-01');
    const result = await runText('contract xp until next year ESU', deps, SPEAKER);
    expect(result.kind === 'invalid' && result.choices?.map((choice) => choice.command)).toEqual([
      'contract xp until 2016-12-31 ESU',
      'contract xp until 2016-01-01 ESU',
    ]);
    expect(await say(deps, 'contracts')).toContain('no support contracts');
  });

  it('offers both days of a date that reads two ways, with the name kept', async () => {
    const result = await runText('contract xp until 03/04/2016 CSA', depsAt('2015-01-01'), SPEAKER);
    expect(result.kind === 'invalid' && result.choices?.map((choice) => choice.command)).toEqual([
      'contract xp until 2016-04-03 CSA',
      'contract xp until 2016-03-04 CSA',
    ]);
  });

  it("changes that team's lookups only", async () => {
    const deps = depsAt('2015-01-01');
    await say(deps, 'contract windows-xp until 2016-04-14 Custom Support Agreement');
    expect(await say(deps, 'xp')).toContain(
      'Vendor support ended after 2014-04-08; covered by your contract (Custom Support Agreement) until 2016-04-14 (469 days left)',
    );
    expect(await say(deps, 'xp', OTHER)).toContain('Unsupported since 2014-04-09');
    expect(await say(depsAt('2016-04-15'), 'xp')).toContain('Unsupported since 2014-04-09');
  });

  it('counts covered machines as covered in the inventory and the report, until the contract ends', async () => {
    const deps = depsAt('2015-01-01');
    await say(deps, 'contract windows-xp until 2016-04-14 Custom Support Agreement');
    await say(deps, 'inventory set xp 18293');
    await say(deps, 'inventory set xp 12', OTHER);
    expect(await say(deps, 'inventory')).toContain(
      '18,293 machines: 0 unsupported now · 0 on extended support only · 18,293 covered by your contracts',
    );
    expect(await say(deps, 'inventory')).toContain(
      '• 18,293 × Microsoft Windows XP SP3: covered by your contract until 2016-04-14',
    );
    const report = await say(deps, 'report');
    expect(report).toContain(
      '18,305 machines: 12 unsupported now · 0 on extended support only · 18,293 covered by your contracts',
    );
    expect(report).toContain('• 18,293 × Microsoft Windows XP SP3: covered by your contract until 2016-04-14');
    expect(report).toContain('• 12 × Microsoft Windows XP SP3: unsupported since 2014-04-09');
  });

  it('gives the end of a contract reminders like any phase', async () => {
    const deps = depsAt('2015-01-01');
    await say(deps, 'contract windows-xp until 2016-04-14 Custom Support Agreement');
    await say(deps, 'watch xp lead 30');
    const store = await deps.store();
    const planned = planReminders({
      today: '2016-03-15',
      watches: await store.allWatches(),
      releaseByKey: deps.releaseByKey,
      countsOf: () => ({}),
      records: {},
      marks: {},
    });
    expect(planned.map((reminder) => [reminder.phase.label, reminder.end, reminder.daysLeft])).toEqual([
      ['Custom Support Agreement', '2016-04-14', 30],
    ]);
  });
});

describe('the catalogue date', () => {
  it("warns once the data is more than 30 days old: in each Slack answer's context line and in status, not under every plain-text line", async () => {
    const result = await runText('xp', depsAt('2026-11-27'), SPEAKER);
    expect(result.warning).toContain('The catalogue is from 2026-08-22, 97 days old');
    expect(JSON.stringify(renderBlocks(result).blocks)).toContain(
      ':warning: The catalogue is from 2026-08-22, 97 days old',
    );
    expect(renderText(result)).not.toContain('Warning');
    expect(renderText(await runText('help', depsAt('2026-11-27'), SPEAKER))).not.toContain('days old');
    expect(await say(depsAt('2026-11-27'), 'status')).toContain('97 days old');
    expect((await runText('xp', depsAt('2026-09-21'), SPEAKER)).warning).toBeUndefined();
  });

  it('shows the source, the store and the next reminder run in /eol status', async () => {
    const status = await say(depsAt('2026-09-01'), 'status');
    expect(status).toContain('Catalogue: bundled snapshot, generated 2026-08-22 (10 days old)');
    expect(status).toContain('Last refresh error: none');
    expect(status).toMatch(/Store: .*eolwatch\.json, not created yet/);
  });
});
