// Roles: who may change what. Admins come from EOLWATCH_ADMINS or are added in Slack; every admin-only
// action is refused for anyone else (saying who can do it) and allowed for an admin; a locked channel's
// counts and watches are admins' alone.
import { describe, expect, it } from '@jest/globals';
import { runText } from '../../src/commands/run-command.js';
import type { Result } from '../../src/commands/command-types.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { ADMIN, depsAt } from '../helpers/test-core.js';

const fresh = () => {
  const store = new MemoryStore();
  return { store, deps: depsAt('2017-06-28', { store: async () => store }) };
};
const as = (user: string, channel = 'CMET') => ({ workspace: 'T1', channel, user });
const reasonOf = (result: Result) => (result.kind === 'invalid' ? result.reason : '');

describe('/eol admins', () => {
  it('lists EOLWATCH_ADMINS and the admins added in Slack', async () => {
    const { deps } = fresh();
    expect(await runText('admins add <@U2|bob>', deps, as(ADMIN))).toMatchObject({
      kind: 'admins',
      changed: { user: 'U2', admin: true },
    });
    const list = await runText('admins', deps, as('U9'));
    expect(list).toMatchObject({
      kind: 'admins',
      admins: [
        { user: ADMIN, source: 'configured' },
        { user: 'U2', source: 'added' },
      ],
    });
  });

  it.each(['add <@U3>', 'add U3', 'add <@U3|carol>'])('reads the person from %j', async (text) => {
    const { deps, store } = fresh();
    await runText(`admins ${text}`, deps, as(ADMIN));
    expect(await store.admins('T1')).toEqual(['U3']);
  });

  it.each(['add @carol', 'add', 'add <!channel>', 'promote <@U3>', 'add <@U3> <@U4>'])(
    'refuses %j, changing nothing',
    async (text) => {
      const { deps, store } = fresh();
      expect((await runText(`admins ${text}`, deps, as(ADMIN))).kind).toBe('invalid');
      expect(await store.admins('T1')).toEqual([]);
    },
  );

  it('an added admin may add and remove others; a workspace keeps at least one', async () => {
    const { deps, store } = fresh();
    const noConfigured = { ...deps, admins: new Set<string>() };
    await store.setAdmin('T1', 'U2', true);
    expect((await runText('admins add <@U3>', noConfigured, as('U2'))).kind).toBe('admins');
    expect((await runText('admins remove <@U2>', noConfigured, as('U3'))).kind).toBe('admins');
    expect(reasonOf(await runText('admins remove <@U3>', noConfigured, as('U3')))).toBe(
      'A workspace always keeps at least one admin: add another before removing this one.',
    );
    expect(await store.admins('T1')).toEqual(['U3']);
  });

  it('an admin by EOLWATCH_ADMINS is not removed in Slack', async () => {
    const { deps } = fresh();
    expect(reasonOf(await runText(`admins remove <@${ADMIN}>`, deps, as(ADMIN)))).toContain(
      'is an admin by EOLWATCH_ADMINS',
    );
  });
});

describe('admin-only actions: refused for anyone else, saying who may, and allowed for an admin', () => {
  it.each([
    ['inventory clear', 'Only eolwatch admins may clear'],
    ['api token create cmdb', 'Only eolwatch admins may see or change API tokens'],
    ['api tokens', 'Only eolwatch admins may see or change API tokens'],
    ['admins add <@U5>', 'Only eolwatch admins add or remove admins'],
    ['lock', 'Only eolwatch admins lock a channel'],
    ['unlock', 'Only eolwatch admins unlock a channel'],
  ])('%s', async (text, refusal) => {
    const { deps, store } = fresh();
    await store.setCounts({ workspace: 'T1', channel: 'CMET' }, [{ release: 'windows/8.1', count: 3 }], {
      user: 'U1',
      at: '2017-06-01T00:00:00.000Z',
    });
    const refused = await runText(text, deps, as('UNOBODY'));
    expect(reasonOf(refused)).toContain(refusal);
    expect(reasonOf(refused)).toContain('`/eol admins` lists them');
    expect((await store.team({ workspace: 'T1', channel: 'CMET' })).counts).toEqual({ 'windows/8.1': 3 });
    expect(await store.apiTokens('T1')).toEqual([]);
    expect(await store.channelLocked({ workspace: 'T1', channel: 'CMET' })).toBe(false);
    await store.setAdmin('T1', 'UNOBODY', true);
    expect((await runText(text, deps, as('UNOBODY'))).kind).not.toBe('invalid');
  });
});

describe('/eol lock', () => {
  it.each([
    'inventory set xp 5',
    'team name Desktops',
    'watch windows-8.1',
    'watch auto off',
    'unwatch windows-8.1',
    'contract windows-8.1 until 2024-01-01 Custom',
    'contract remove windows-8.1',
  ])('keeps %j to admins in a locked channel, and other channels free', async (text) => {
    const { deps, store } = fresh();
    await runText('lock', deps, as(ADMIN));
    expect(reasonOf(await runText(text, deps, as('U1')))).toBe(
      'Nothing changed: this channel is locked, so only eolwatch admins change its counts and watches (`/eol admins` lists them).',
    );
    expect((await store.team({ workspace: 'T1', channel: 'CMET' })).counts).toEqual({});
    expect(await runText(text, deps, as('U1', 'COTHER'))).not.toMatchObject({
      reason: expect.stringContaining('locked'),
    });
    expect(await runText(text, deps, as(ADMIN))).not.toMatchObject({ reason: expect.stringContaining('locked') });
  });

  it('unlock frees the channel again; reading is never locked', async () => {
    const { deps } = fresh();
    await runText('lock', deps, as(ADMIN));
    expect((await runText('inventory', deps, as('U1'))).kind).toBe('inventory');
    expect(await runText('unlock', deps, as(ADMIN))).toEqual({ kind: 'channel-lock', locked: false });
    expect((await runText('inventory set xp 5', deps, as('U1'))).kind).toBe('inventory-updated');
  });
});
