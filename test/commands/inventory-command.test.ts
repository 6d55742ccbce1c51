// The inventory commands end to end through the command layer, with a pinned clock.
import { describe, expect, it } from '@jest/globals';
import type { CommandDeps, Result, Speaker } from '../../src/commands/command-types.js';
import { runText } from '../../src/commands/run-command.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { renderText } from '../../src/render/render-text.js';
import { ADMIN, depsAt, SPEAKER } from '../helpers/test-core.js';

async function say(deps: CommandDeps, text: string, speaker: Speaker = SPEAKER): Promise<Result> {
  return runText(text, deps, speaker);
}

describe('/eol inventory', () => {
  it('saves several counts and shows old -> new and the exposure afterwards', async () => {
    const deps = depsAt('2017-06-28');
    await say(deps, 'inventory set xp 35640');
    const result = await say(deps, 'inventory set windows-xp 18293 windows-8.1 14450 windows-10-22h2 8');
    expect(result.kind).toBe('inventory-updated');
    const text = renderText(result);
    expect(text).toContain('Microsoft Windows XP SP3: 35,640 → 18,293');
    expect(text).toContain('Microsoft Windows 8.1: 0 → 14,450');
    expect(text).toContain('32,751 machines: 18,293 unsupported now');
    expect(text).toContain('• 18,293 × Microsoft Windows XP SP3: unsupported since 2014-04-09');
  });

  // A list pasted from a spreadsheet or a chat: each line a pair, its total line no pair at all.
  it.each([
    ['inventory set Windows XP\t18293\nWindows 8.1\t14450\nGrand Total\t32743'],
    ['inventory set windows xp: 18,293\nwindows 8.1: 14,450\ntotal: 32,743'],
    ['inventory set\n• Windows XP — 18293\n• Windows 8.1 — 14450'],
    ['inventory set xp 18293\r\n8.1 14450\r\n'],
    ['inventory set Windows XP 18293\n\nWindows 8.1 14450\nSum 32743'],
    ['inventory set ```\nWindows XP 18293\nWindows 8.1 14450\n```'],
    ['inventory set\n```xp 18293\n8.1 14450```'],
    ['inventory set `xp 18293`, `windows 8.1 14450`'],
  ])('saves each line of %j as a pair', async (text) => {
    const deps = depsAt('2017-06-28');
    expect(renderText(await say(deps, text))).toContain('32,743 machines');
    const { counts } = await (await deps.store()).team(SPEAKER);
    expect(counts).toEqual({ 'windows/5-sp3': 18293, 'windows/8.1': 14450 });
  });

  it('warns when a team moves machines to a release that loses support within a year (the Met lesson)', async () => {
    const text = renderText(await say(depsAt('2017-06-28'), 'inventory set windows-8.1 14450'));
    expect(text).toContain(
      'Microsoft Windows 8.1 leaves Active Support on 2018-01-09, in 195 days: a short-lived upgrade target.',
    );
  });

  it('does not warn for a release with years of support left, nor when a count goes down', async () => {
    const deps = depsAt('2017-06-28');
    expect(renderText(await say(deps, 'inventory set windows-10-1703-e 50'))).not.toContain('short-lived');
    const down = await say(depsAt('2017-06-28'), 'inventory set windows-8.1 0');
    expect(down.kind === 'inventory-updated' && down.warnings).toEqual([]);
  });

  it('counts machines out of support now and within 180 days', async () => {
    const deps = depsAt('2022-08-01');
    await say(deps, 'inventory set windows-8.1 100 xp 7 windows-7-sp1 3 ubuntu-22.04 20');
    const result = await say(deps, 'inventory');
    expect(result.kind === 'inventory' && result.totals).toMatchObject({
      unsupported: 7,
      'paid-only': 3,
      'at-risk': 100,
      supported: 20,
      total: 130,
    });
    expect(renderText(result)).toContain(
      '130 machines: 7 unsupported now · 3 on extended support only · 100 losing support within 180 days · 20 supported',
    );
  });

  it.each([
    ['xp -5', /“xp -5”: the count must be a whole number/],
    ['xp 1.5', /whole number/],
    ['xp 1e9', /whole number/],
    ['xp lots', /“xp lots” has no count/],
    ['xp 10000001', /whole number from 0 to 10,000,000/],
    ['xp', /“xp” has no count/],
    ['windows-99 5', /“windows-99 5”: unknown release/],
    ['windows-10 5', /“windows-10 5”: windows-10 could be \d+ releases/],
    ['xp 5 windows-xp 6', /“windows-xp 6” names Microsoft Windows XP SP3 a second time/],
    ['windows 10 5', /“windows 10 5”: windows 10 could be \d+ releases/],
    // After "vista 9", "xp: 18293" reads as the name "vista 9 xp", which names two releases: asked.
    ['xp: 18293, 8.1 14450 5', /“vista 9 xp 18293”: vista 9 xp could be `windows 6-sp2` or `windows 5-sp3`/],
    ['windows 8.1 14450 5', /could not tell the releases from the counts in “vista 9 windows 8.1 14450 5”/],
  ])('refuses %j, saving nothing, not even the valid pairs', async (pairs, reason) => {
    const deps = depsAt('2017-06-28');
    const result = await say(deps, `inventory set vista 9 ${pairs}`);
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.reason).toMatch(/^Nothing saved: /);
    expect(result.kind === 'invalid' && result.reason).toMatch(reason);
    expect((await (await deps.store()).team(SPEAKER)).counts).toEqual({});
  });

  it.each(['inventory history xp, vista', 'inventory forecast xp and vista'])(
    'asks which one release %j means, rather than answering for the first',
    async (text) => {
      const result = await say(depsAt('2017-06-28'), text);
      expect(result.kind === 'invalid' && result.reason).toMatch(
        /could be `windows 5-sp3` or `windows 6-sp2`: name one/,
      );
    },
  );

  it('asks for pairs when given none', async () => {
    const result = await say(depsAt('2017-06-28'), 'inventory set');
    expect(result.kind === 'invalid' && result.reason).toMatch(/give a release and a count/);
  });

  it('removes a release set to 0', async () => {
    const deps = depsAt('2017-06-28');
    await say(deps, 'inventory set xp 5 vista 6');
    await say(deps, 'inventory set xp 0');
    expect((await (await deps.store()).team(SPEAKER)).counts).toEqual({ 'windows/6-sp2': 6 });
  });

  it('keeps every change with who and when, and the burn-down in one line per release', async () => {
    const deps = depsAt('2017-06-28');
    await say(deps, 'inventory set xp 35640');
    await say(deps, 'inventory set xp 27000', { ...SPEAKER, user: 'U2' });
    await say(deps, 'inventory set xp 18293 vista 4');
    const text = renderText(await say(deps, 'inventory history'));
    expect(text).toContain('• 2017-06-28 U2: Microsoft Windows XP SP3 35,640 → 27,000');
    expect(text).toContain('Microsoft Windows XP SP3: 35,640 → 27,000 → 18,293');
    expect(text).toContain('Microsoft Windows Vista SP2: 4');
    const onlyXp = renderText(await say(deps, 'inventory history windows xp'));
    expect(onlyXp).not.toContain('Vista');
  });

  it('keeps workspaces and teams apart', async () => {
    const deps = depsAt('2017-06-28');
    await say(deps, 'inventory set xp 5');
    await say(deps, 'inventory set xp 7', { workspace: 'T2', channel: 'C1', user: 'U9' });
    await say(deps, 'inventory set vista 1', { ...SPEAKER, channel: 'C2' });
    const mine = await say(deps, 'inventory');
    expect(mine.kind === 'inventory' && mine.totals.total).toBe(5);
    const report = await say(deps, 'report');
    expect(report.kind === 'report' && report.totals.total).toBe(6);
  });

  it('lets only admins clear a team, and records the clearing', async () => {
    const deps = depsAt('2017-06-28');
    await say(deps, 'inventory set xp 5');
    const refused = await say(deps, 'inventory clear');
    expect(refused.kind === 'invalid' && refused.reason).toMatch(/Only eolwatch admins/);
    const cleared = await say(deps, 'inventory clear', { ...SPEAKER, user: ADMIN });
    expect(cleared.kind).toBe('inventory-cleared');
    expect(renderText(await say(deps, 'inventory history'))).toContain(
      `${ADMIN}: Microsoft Windows XP SP3 5 → 0 (cleared)`,
    );
  });

  it('names a team, and reports the teams with the most unsupported machines', async () => {
    const deps = depsAt('2017-06-28');
    await say(deps, 'team name Met IT');
    await say(deps, 'inventory set xp 18293 windows-8.1 14450');
    await say(deps, 'inventory set xp 12', { ...SPEAKER, channel: 'C2' });
    const text = renderText(await say(deps, 'report'));
    expect(text).toContain('32,755 machines: 18,305 unsupported now');
    expect(text).toMatch(/Most unsupported machines\n• Met IT: 18,293 of 32,743\n• #C2: 12 of 12/);
  });

  it('answers busy, saving nothing, when the store is locked', async () => {
    const { StoreBusyError } = await import('../../src/inventory/inventory-store.js');
    const store = new MemoryStore();
    store.updateCounts = async () => {
      throw new StoreBusyError('locked');
    };
    const result = await say(depsAt('2017-06-28', { store: async () => store }), 'inventory set xp 5');
    expect(result.kind === 'invalid' && result.reason).toMatch(/busy/);
  });
});
