// One suite for every RoleStore: admins per workspace and locked channels, the same in memory, in the
// lowdb file and in PostgreSQL; erasing a workspace takes its roles too.
import { describe, expect, it } from '@jest/globals';
import { storeImplementations } from '../helpers/store-implementations.js';

const implementations = await storeImplementations();

describe.each(implementations)('%s', (_name, openStore) => {
  it('adds and removes admins per workspace, saying whether anything changed', async () => {
    const store = await openStore();
    expect(await store.setAdmin('T1', 'U2', true)).toBe(true);
    expect(await store.setAdmin('T1', 'U2', true)).toBe(false);
    expect(await store.setAdmin('T1', 'U1', true)).toBe(true);
    expect(await store.setAdmin('T2', 'U9', true)).toBe(true);
    expect(await store.admins('T1')).toEqual(['U1', 'U2']);
    expect(await store.setAdmin('T1', 'U2', false)).toBe(true);
    expect(await store.setAdmin('T1', 'U2', false)).toBe(false);
    expect(await store.admins('T1')).toEqual(['U1']);
    expect(await store.admins('T2')).toEqual(['U9']);
  });

  it('locks and unlocks one channel', async () => {
    const store = await openStore();
    const met = { workspace: 'T1', channel: 'CMET' };
    expect(await store.channelLocked(met)).toBe(false);
    await store.setChannelLock(met, true);
    expect(await store.channelLocked(met)).toBe(true);
    expect(await store.channelLocked({ workspace: 'T1', channel: 'COTHER' })).toBe(false);
    expect(await store.channelLocked({ workspace: 'T2', channel: 'CMET' })).toBe(false);
    await store.setChannelLock(met, false);
    expect(await store.channelLocked(met)).toBe(false);
  });

  it('erasing a workspace takes its admins and locks', async () => {
    const store = await openStore();
    await store.setAdmin('TGONE', 'U1', true);
    await store.setChannelLock({ workspace: 'TGONE', channel: 'C1' }, true);
    await store.forgetWorkspace('TGONE');
    expect(await store.admins('TGONE')).toEqual([]);
    expect(await store.channelLocked({ workspace: 'TGONE', channel: 'C1' })).toBe(false);
  });
});
