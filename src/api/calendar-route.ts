// GET /calendar/<secret>.ics: a calendar feed (commands/calendar-command.ts) as text/calendar. The secret
// is the only key, so an unknown or reset one is a plain 404 that says no more.
import type { RequestListener } from 'node:http';
import type { Logger } from 'pino';
import { feedTextOfSecret } from '../commands/calendar-command.js';
import type { CommandDeps } from '../commands/command-types.js';

const CALENDAR_PATH = /^\/calendar\/([^/?]+)\.ics(?:\?.*)?$/;

export const isCalendarPath = (url: string): boolean => url.startsWith('/calendar/');

export function createCalendarRoute(deps: { commands: CommandDeps; logger: Logger }): RequestListener {
  return (req, res) => {
    const answer = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(405, 'Use GET.\n', { allow: 'GET, HEAD' });
    const secret = CALENDAR_PATH.exec(req.url ?? '')?.[1];
    if (!secret) return answer(404, 'No such calendar.\n');
    feedTextOfSecret(deps.commands, secret).then(
      (feed) =>
        feed === null
          ? answer(404, 'No such calendar.\n')
          : answer(200, feed, { 'content-type': 'text/calendar; charset=utf-8' }),
      (error: unknown) => {
        deps.logger.error({ err: error }, 'a calendar feed could not be served');
        answer(503, 'The calendar cannot be read right now; try again shortly.\n', { 'retry-after': '60' });
      },
    );
    return undefined;
  };
}
