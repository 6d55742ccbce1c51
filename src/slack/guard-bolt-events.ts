// Where every request enters Bolt, from HTTP and Socket Mode alike (`App.processEvent`): a request
// whose workspace, enterprise, channel or user id is malformed is refused here, because Bolt itself
// keys objects by team id before any middleware runs ("constructor" breaks its client pool); and
// Slack's retry of a delivery already received is acknowledged without acting twice.
import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import { identifierProblem } from '../leaf/check-identifier.js';

type Loose = Record<string, unknown> | undefined;
const idOf = (value: unknown): unknown =>
  value && typeof value === 'object' ? (value as Record<string, unknown>).id : value;

/** Every id a command, event or action carries that eolwatch could store or use in a path. */
function idsOf(body: Record<string, unknown>): Record<string, unknown> {
  const event = body.event as Loose;
  return {
    workspace: body.team_id ?? idOf(body.team) ?? event?.team,
    enterprise: body.enterprise_id ?? idOf(body.enterprise) ?? undefined,
    channel: body.channel_id ?? idOf(body.channel) ?? event?.channel,
    user: body.user_id ?? idOf(body.user) ?? event?.user,
  };
}

export function guardBoltEvents(app: App, logger: Logger): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    if (event.retryNum !== undefined && event.retryNum > 0) {
      // The first delivery was acknowledged late or is still being answered: never act twice.
      logger.info(
        { retryNum: event.retryNum, retryReason: event.retryReason },
        'acknowledged a Slack retry without acting',
      );
      await event.ack();
      return;
    }
    const problem = identifierProblem(idsOf(event.body));
    if (problem) {
      logger.warn({ problem }, 'refused a request with a malformed id');
      await event.ack(`Refused: ${problem}.`);
      return;
    }
    await processEvent(event);
  };
}
