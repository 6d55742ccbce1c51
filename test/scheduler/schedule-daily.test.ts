import { afterEach, expect, it } from '@jest/globals';
import type { ScheduledTask } from 'node-cron';
import { pino } from 'pino';
import { cronExpressionAt, scheduleDaily } from '../../src/scheduler/schedule-daily.js';

let task: ScheduledTask | undefined;
afterEach(async () => {
  await task?.destroy();
});

it('writes HH:MM as a daily cron expression', () => {
  expect(cronExpressionAt('09:00')).toBe('0 9 * * *');
  expect(cronExpressionAt('23:45')).toBe('45 23 * * *');
});

it.each([
  ['the last day of GMT', '2026-03-28T09:00:00Z', true],
  ['the first day of BST', '2026-03-29T08:00:00Z', true],
  ['the first day of BST, an hour late', '2026-03-29T09:00:00Z', false],
  ['the last day of BST', '2026-10-24T08:00:00Z', true],
  ['the first day of GMT again', '2026-10-25T09:00:00Z', true],
  ['the first day of GMT again, an hour early', '2026-10-25T08:00:00Z', false],
])('fires 09:00 Europe/London at 09:00 local time on %s', (_case, instant, fires) => {
  task = scheduleDaily('reminders', '09:00', 'Europe/London', async () => undefined, pino({ level: 'silent' }));
  expect(task.match(new Date(instant))).toBe(fires);
});

it('logs a failing job instead of letting it escape', async () => {
  const logged: string[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => logged.push(line) });
  task = scheduleDaily(
    'reminders',
    '09:00',
    'UTC',
    async () => {
      throw new Error('Slack is down');
    },
    logger,
  );
  await task.execute();
  expect(logged.join('')).toContain('Slack is down');
});

it('lets the next day run on time when a run hangs past its deadline, and says so', async () => {
  const logged: string[] = [];
  const logger = pino({ level: 'error' }, { write: (line: string) => logged.push(line) });
  let started = 0;
  task = scheduleDaily(
    'daily',
    '09:00',
    'UTC',
    () => {
      started += 1;
      return started === 1 ? new Promise(() => undefined) : Promise.resolve(); // the first run never ends
    },
    logger,
    50,
  );
  await task.execute(); // day 1: hangs, given up after its deadline
  await task.execute(); // day 2
  expect(started).toBe(2);
  expect(logged.join('')).toContain('passed its deadline');
});
