import { expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { createSlashAnswerer } from '../../src/slack/create-slash-answerer.js';
import { testCore } from '../helpers/test-core.js';

it('never serves a cached answer from another day', () => {
  let today = '2023-01-10';
  const answer = createSlashAnswerer(testCore().deps(() => DateTime.fromISO(`${today}T12:00:00`, { zone: 'UTC' })));
  expect(answer('windows 8.1').message.text).toContain('(last day)');
  expect(answer('windows 8.1').message.text).toContain('(last day)');
  today = '2023-01-11';
  expect(answer('windows 8.1').message.text).toContain('Unsupported since 2023-01-10 (1 day ago)');
});

it('keeps private and shared answers apart', () => {
  const answer = createSlashAnswerer(testCore().deps());
  expect(answer('xp').inChannel).toBe(false);
  expect(answer('share xp').inChannel).toBe(true);
  expect(answer('xp').inChannel).toBe(false);
});
