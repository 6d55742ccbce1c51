import { expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { createSlashAnswerer } from '../../src/slack/create-slash-answerer.js';
import { SPEAKER, testCore } from '../helpers/test-core.js';

it('never serves a cached answer from another day', async () => {
  let today = '2023-01-10';
  const answer = createSlashAnswerer(testCore().deps(() => DateTime.fromISO(`${today}T12:00:00`, { zone: 'UTC' })));
  expect((await answer('windows 8.1', SPEAKER)).message.text).toContain('(last day)');
  expect((await answer('windows 8.1', SPEAKER)).message.text).toContain('(last day)');
  today = '2023-01-11';
  expect((await answer('windows 8.1', SPEAKER)).message.text).toContain('Unsupported since 2023-01-10 (1 day ago)');
});

it('keeps private and shared answers apart', async () => {
  const answer = createSlashAnswerer(testCore().deps());
  expect((await answer('xp', SPEAKER)).inChannel).toBe(false);
  expect((await answer('share xp', SPEAKER)).inChannel).toBe(true);
  expect((await answer('xp', SPEAKER)).inChannel).toBe(false);
});
