// Bolt middleware: a request whose workspace, enterprise, channel or user id is not a well-formed id
// ("constructor", "..", a million characters) is refused before any listener runs, with a short answer
// where Slack expects one, and nothing stored.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { identifierProblem } from '../commands/check-identifier.js';
import type { Logger } from 'pino';

type Loose = Record<string, unknown> | undefined;
const idOf = (value: unknown): unknown => (value && typeof value === 'object' ? (value as Record<string, unknown>).id : value);

/** Every id a command, event or action carries that eolwatch could store or use in a path. */
export function idsOf(body: Record<string, unknown>): Record<string, unknown> {
  const event = body.event as Loose;
  return {
    workspace: body.team_id ?? idOf(body.team) ?? event?.team,
    enterprise: body.enterprise_id ?? idOf(body.enterprise) ?? undefined,
    channel: body.channel_id ?? idOf(body.channel) ?? event?.channel,
    user: body.user_id ?? idOf(body.user) ?? event?.user,
  };
}

export function refuseBadIdentifiers(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const problem = identifierProblem(idsOf(args.body as Record<string, unknown>));
    if (!problem) {
      await args.next();
      return;
    }
    logger.warn({ problem }, 'refused a request with a malformed id');
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as (answer?: unknown) => Promise<void>)(`Refused: ${problem}.`);
  };
}
