// ReminderPoster over the Slack Web API: chat.postMessage with the reminder's key as message metadata,
// conversations.history to find a post an interrupted run made, conversations.join after not_in_channel.
import { webApi } from '@slack/bolt';
import type { PlannedReminder } from '../reminders/plan-reminders.js';
import type { PostOutcome, ReminderPoster } from '../reminders/deliver-reminders.js';
import { renderReminder } from '../render/render-reminder.js';
import { renderNotice } from '../render/render-notice.js';
import type { SlackMessage } from '../render/render-blocks.js';
import type { DateNotice } from '../reminders/plan-notices.js';
import { REMINDER_EVENT_TYPE } from '../render/slack-ids.js';

interface SlackError {
  code?: string;
  retryAfter?: number;
  data?: { error?: string };
  message?: string;
}

// How far back to look for an interrupted post: runs are daily, so a few days is plenty.
const LOOKBACK_SECONDS = 7 * 24 * 3600;

/** A Web API call that has not answered in this long is given up: its reminder stays pending. */
export const WEB_API_TIMEOUT_MS = 10_000;

export function createWebClient(token: string, apiUrl?: string, timeoutMs = WEB_API_TIMEOUT_MS): webApi.WebClient {
  // No automatic retries: a retried post whose first answer was lost would post twice. 429s come back
  // to deliverReminders, which waits Retry-After itself. A timeout keeps one hung call from holding the run.
  return new webApi.WebClient(token, { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: timeoutMs });
}

async function postMessage(client: webApi.WebClient, channel: string, key: string, message: SlackMessage): Promise<PostOutcome> {
  try {
    const response = await client.chat.postMessage({ channel, ...message, metadata: { event_type: REMINDER_EVENT_TYPE, event_payload: { key } } });
    return { kind: 'posted', ts: response.ts ?? '' };
  } catch (caught) {
    const error = caught as SlackError;
    if (error.code === 'slack_webapi_rate_limited_error') return { kind: 'rate-limited', retryAfterMs: (error.retryAfter ?? 1) * 1000 };
    if (error.code === 'slack_webapi_platform_error') return { kind: 'refused', reason: error.data?.error ?? 'unknown_error' };
    return { kind: 'unknown', reason: error.message ?? String(caught) };
  }
}

export function createSlackReminderPoster(client: webApi.WebClient): ReminderPoster {
  return {
    post: (reminder: PlannedReminder) => postMessage(client, reminder.channel, reminder.key, renderReminder(reminder)),
    postNotice: (notice: DateNotice) => postMessage(client, notice.channel, notice.key, renderNotice(notice)),

    async findPosted(reminder: PlannedReminder): Promise<string | null> {
      const response = await client.conversations.history({
        channel: reminder.channel,
        oldest: String(Math.floor(Date.now() / 1000) - LOOKBACK_SECONDS),
        limit: 200,
        include_all_metadata: true,
      });
      const found = response.messages?.find(
        (message) => message.metadata?.event_type === REMINDER_EVENT_TYPE && (message.metadata.event_payload as { key?: string } | undefined)?.key === reminder.key,
      );
      return found?.ts ?? null;
    },

    async join(channel: string): Promise<boolean> {
      try {
        await client.conversations.join({ channel });
        return true;
      } catch {
        return false;
      }
    },
  };
}
