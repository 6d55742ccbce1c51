// One job a day at HH:MM in an IANA time zone, through node-cron (which keeps local time across
// daylight-saving changes). The job is wrapped: a scheduled run never passes through Bolt's error
// handler, so its failures are logged here and the next day runs as usual.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';

export function cronExpressionAt(time: string): string {
  const [hours = '9', minutes = '0'] = time.split(':');
  return `${Number(minutes)} ${Number(hours)} * * *`;
}

export function scheduleDaily(name: string, time: string, timezone: string, job: () => Promise<unknown>, logger: Logger): ScheduledTask {
  return cron.schedule(
    cronExpressionAt(time),
    async () => {
      try {
        await job();
      } catch (error) {
        logger.error({ err: error, job: name }, 'scheduled job failed');
      }
    },
    { name, timezone, noOverlap: true },
  );
}
