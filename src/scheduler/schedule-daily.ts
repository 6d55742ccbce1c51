// One job a day at HH:MM in an IANA time zone, through node-cron (which keeps local time across
// daylight-saving changes). The job is wrapped: a scheduled run never passes through Bolt's error
// handler, so its failures are logged here and the next day runs as usual. A run has a deadline, and
// runs may overlap: one hung run must not hold back every later day's (node-cron's noOverlap did),
// and reminders and notices are claimed one by one, so two runs at once never post twice.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';

/** A daily run that has not finished by then is logged as overdue, and no longer awaited. */
const DAILY_JOB_DEADLINE_MS = 2 * 60 * 60 * 1000;

export function cronExpressionAt(time: string): string {
  const [hours = '9', minutes = '0'] = time.split(':');
  return `${Number(minutes)} ${Number(hours)} * * *`;
}

export function scheduleDaily(
  name: string,
  time: string,
  timezone: string,
  job: () => Promise<unknown>,
  logger: Logger,
  deadlineMs = DAILY_JOB_DEADLINE_MS,
): ScheduledTask {
  return cron.schedule(
    cronExpressionAt(time),
    async () => {
      let timer: NodeJS.Timeout | undefined;
      const overdue = new Promise<'overdue'>((resolve) => {
        timer = setTimeout(() => resolve('overdue'), deadlineMs);
        timer.unref();
      });
      const run = job().then(
        () => 'done' as const,
        (error: unknown) => {
          logger.error({ err: error, job: name }, 'scheduled job failed');
          return 'failed' as const;
        },
      );
      if ((await Promise.race([run, overdue])) === 'overdue') {
        logger.error({ job: name, deadlineMs }, 'scheduled job passed its deadline; the next run starts on time');
      }
      clearTimeout(timer);
    },
    { name, timezone, noOverlap: false },
  );
}
