// Where every request enters Bolt, from HTTP and Socket Mode alike (`App.processEvent`): a request
// whose workspace, enterprise, channel or user id is malformed is refused here, because Bolt itself
// keys objects by team id before any middleware runs ("constructor" breaks its client pool); and
// Slack's retry of a delivery already received is acknowledged without acting twice. An event's
// first delivery is claimed by its event_id in the store, so a retry is answered when no replica took
// the first one (it was lost, or the replica died) and dropped when one did.
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

/** Slack retries an event for about an hour and a half; a claim outlives that. */
export const DELIVERY_CLAIM_SECONDS = 2 * 60 * 60;

const eventIdOf = (body: Record<string, unknown>): string | null =>
  typeof body.event_id === 'string' && /^Ev[A-Za-z0-9]{1,60}$/.test(body.event_id) ? body.event_id : null;

/**
 * `firstDelivery(eventId)` is true for the first delivery of an event any process sees (the store's
 * request limits). Without it, every retry is dropped.
 */
export function guardBoltEvents(app: App, logger: Logger, firstDelivery?: (eventId: string) => Promise<boolean>): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    const eventId = firstDelivery ? eventIdOf(event.body) : null;
    if (eventId && firstDelivery && !(await firstDelivery(eventId))) {
      logger.info(
        { eventId, retryNum: event.retryNum, retryReason: event.retryReason },
        'acknowledged a delivery already taken without acting',
      );
      await event.ack();
      return;
    }
    if (!eventId && event.retryNum !== undefined && event.retryNum > 0) {
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
