// One suite for every ApiTokenStore: the in-memory reference, the lowdb file store and PostgreSQL.
import { afterAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { hashApiToken, newApiToken, type ApiToken, type ApiTokenStore } from '../../src/api-tokens/api-token-store.js';
import { storeImplementations } from '../helpers/store-implementations.js';
import { LowdbStore } from '../../src/store/json/lowdb-store.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const temp = makeTempDir();
const opened: LowdbStore[] = [];
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()));
  temp.remove();
});
let files = 0;
const openLowdb = async (path = join(temp.path, `tokens-${(files += 1)}.json`)) => {
  const store = await LowdbStore.open(path);
  opened.push(store);
  return store;
};

const tokenOf = (workspace: string, name: string): { token: string; held: ApiToken } => {
  const token = newApiToken();
  return {
    token,
    held: {
      workspace,
      name,
      hash: hashApiToken(token),
      createdBy: 'UADMIN',
      createdAt: '2026-11-28T10:00:00.000Z',
      lastUsedAt: null,
    },
  };
};

const implementations = await storeImplementations();

describe.each(implementations)('%s', (_name, openStore: () => Promise<ApiTokenStore>) => {
  it('finds a token by the hash of what was shown, never by the token itself', async () => {
    const store = await openStore();
    const { token, held } = tokenOf('T1', 'cmdb');
    expect(await store.addApiToken(held)).toBe(true);
    expect(await store.apiTokenByHash(hashApiToken(token))).toEqual(held);
    expect(await store.apiTokenByHash(token)).toBeNull();
  });

  it('keeps names unique per workspace only', async () => {
    const store = await openStore();
    expect(await store.addApiToken(tokenOf('T1', 'cmdb').held)).toBe(true);
    expect(await store.addApiToken(tokenOf('T1', 'cmdb').held)).toBe(false);
    expect(await store.addApiToken(tokenOf('T2', 'cmdb').held)).toBe(true);
    expect((await store.apiTokens('T1')).map((token) => token.name)).toEqual(['cmdb']);
    expect((await store.apiTokens('T2')).map((token) => token.workspace)).toEqual(['T2']);
  });

  it('revokes by name within the workspace only, and records use', async () => {
    const store = await openStore();
    const one = tokenOf('T1', 'a');
    const other = tokenOf('T2', 'a');
    await store.addApiToken(one.held);
    await store.addApiToken(other.held);
    await store.markApiTokenUsed(one.held.hash, '2026-11-28T11:00:00.000Z');
    expect((await store.apiTokenByHash(one.held.hash))?.lastUsedAt).toBe('2026-11-28T11:00:00.000Z');
    expect(await store.revokeApiToken('T1', 'a')).toBe(true);
    expect(await store.revokeApiToken('T1', 'a')).toBe(false);
    expect(await store.apiTokenByHash(one.held.hash)).toBeNull();
    expect(await store.apiTokenByHash(other.held.hash)).not.toBeNull();
  });
});

it('a token made or revoked by one process is seen by another at once (lowdb)', async () => {
  const path = join(temp.path, 'shared.json');
  const first = await openLowdb(path);
  const second = await openLowdb(path);
  const { held } = tokenOf('T1', 'cmdb');
  await first.addApiToken(held);
  expect(await second.apiTokenByHash(held.hash)).toEqual(held);
  await first.revokeApiToken('T1', 'cmdb');
  expect(await second.apiTokenByHash(held.hash)).toBeNull();
});

it('a store file from before tokens existed opens with none (lowdb)', async () => {
  const { writeFileSync } = await import('node:fs');
  const path = join(temp.path, 'old.json');
  writeFileSync(path, JSON.stringify({ schemaVersion: 2, workspaces: {}, reminders: {}, milestones: {} }));
  expect(await (await openLowdb(path)).apiTokens('T1')).toEqual([]);
});
