// OAuth state kept in the store: each works once, for ten minutes, and expired ones do not pile up.
import { expect, it } from '@jest/globals';
import { createOneTimeStateStore } from '../../src/slack/one-time-state-store.js';
import { MemoryStore } from '../memory-store/memory-store.js';

const at = (iso: string) => new Date(iso);

it('verifies a state once, with the install options it was made with', async () => {
  const store = new MemoryStore();
  const states = createOneTimeStateStore(async () => store);
  const state = await states.generateStateParam({ scopes: ['commands'] }, at('2026-12-06T10:00:00Z'));
  expect(await states.verifyStateParam(at('2026-12-06T10:05:00Z'), state)).toEqual({ scopes: ['commands'] });
  await expect(states.verifyStateParam(at('2026-12-06T10:05:01Z'), state)).rejects.toThrow('already used');
});

it('refuses a state it never made, and one older than ten minutes', async () => {
  const store = new MemoryStore();
  const states = createOneTimeStateStore(async () => store);
  await expect(states.verifyStateParam(at('2026-12-06T10:00:00Z'), 'made-up')).rejects.toThrow('already used');
  const state = await states.generateStateParam({ scopes: [] }, at('2026-12-06T10:00:00Z'));
  await expect(states.verifyStateParam(at('2026-12-06T10:10:01Z'), state)).rejects.toThrow('expired');
});

it('lets only one of two redirects with the same state through', async () => {
  const store = new MemoryStore();
  const states = createOneTimeStateStore(async () => store);
  const state = await states.generateStateParam({ scopes: [] }, at('2026-12-06T10:00:00Z'));
  const outcomes = await Promise.allSettled(
    [1, 2].map(() => states.verifyStateParam(at('2026-12-06T10:01:00Z'), state)),
  );
  expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
});

it('forgets expired states once many are left behind', async () => {
  const store = new MemoryStore();
  const states = createOneTimeStateStore(async () => store);
  for (let i = 0; i < 150; i += 1) await states.generateStateParam({ scopes: [] }, at('2026-12-06T10:00:00Z'));
  await states.generateStateParam({ scopes: [] }, at('2026-12-06T11:00:00Z'));
  expect(await store.installationKeys('S:')).toHaveLength(1);
});
