// ReminderPoster over the Slack Web API: chat.postMessage with the reminder's key as message metadata,
// conversations.history to find a post an interrupted run made, conversations.join after not_in_channel,
// and a direct message (conversations.open, im:write) to whoever set up a channel's watches when it breaks.
import { escapeMrkdwn } from '../render/escape-mrkdwn.js';
import { webApi } from '@slack/bolt';
import type { PlannedReminder } from '../reminders/plan-reminders.js';
import type { PostOutcome, ReminderPoster } from '../reminders/deliver-reminders.js';
import { renderReminder } from '../render/render-reminder.js';
import { renderNotice } from '../render/render-notice.js';
import { renderBrokenNotice } from '../render/render-broken-notice.js';
import { directMessageChannel } from './direct-message-channel.js';
import type { SlackMessage } from '../render/render-blocks.js';
import type { DateNotice } from '../reminders/plan-notices.js';
import { REMINDER_EVENT_TYPE } from '../render/slack-ids.js';

interface SlackError {
  code?: string;
  retryAfter?: number;
  data?: { error?: string };
  message?: string;
}

// An interrupted post is looked for from a little before its claim, page after page, however busy the
// channel; the cap only bounds a runaway answer.
const CLOCK_SLACK_SECONDS = 120;
const MAX_HISTORY_PAGES = 50;

/** A Web API call that has not answered in this long is given up: its reminder stays pending. */
export const WEB_API_TIMEOUT_MS = 10_000;

/** The key a reminder post carries in its message metadata. */
const keyOf = (payload: unknown): unknown =>
  typeof payload === 'object' && payload !== null && 'key' in payload ? payload.key : undefined;

export function createWebClient(token: string, apiUrl?: string, timeoutMs = WEB_API_TIMEOUT_MS): webApi.WebClient {
  // No automatic retries: a retried post whose first answer was lost would post twice. 429s come back
  // to deliverReminders, which waits Retry-After itself. A timeout keeps one hung call from holding the run.
  return new webApi.WebClient(token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
  });
}

async function postMessage(
  client: webApi.WebClient,
  channel: string,
  key: string,
  message: SlackMessage,
  thread: PlannedReminder['thread'] = null,
): Promise<PostOutcome> {
  try {
    const threading = thread ? { thread_ts: thread.ts, reply_broadcast: thread.broadcast } : {};
    const response = await client.chat.postMessage({
      channel,
      ...message,
      ...threading,
      metadata: { event_type: REMINDER_EVENT_TYPE, event_payload: { key } },
    });
    return { kind: 'posted', ts: response.ts ?? '' };
  } catch (caught) {
    const error = caught as SlackError;
    if (error.code === 'slack_webapi_rate_limited_error')
      return { kind: 'rate-limited', retryAfterMs: (error.retryAfter ?? 1) * 1000 };
    if (error.code === 'slack_webapi_platform_error')
      return { kind: 'refused', reason: error.data?.error ?? 'unknown_error' };
    return { kind: 'unknown', reason: error.message ?? String(caught) };
  }
}

export function createSlackReminderPoster(client: webApi.WebClient): ReminderPoster {
  return {
    post: (reminder: PlannedReminder) =>
      postMessage(client, reminder.channel, reminder.key, renderReminder(reminder), reminder.thread),
    postNotice: (notice: DateNotice) => postMessage(client, notice.channel, notice.key, renderNotice(notice)),

    async findPosted(
      post: { workspace: string; channel: string; key: string; thread?: PlannedReminder['thread'] },
      since: string,
    ): Promise<string | null> {
      const oldest = String(Math.floor(Date.parse(since) / 1000) - CLOCK_SLACK_SECONDS);
      let cursor: string | undefined;
      for (let page = 0; page < MAX_HISTORY_PAGES; page += 1) {
        // A reply in a thread is not in the channel's history: it is looked for in the thread.
        const query = {
          channel: post.channel,
          oldest,
          limit: 200,
          include_all_metadata: true,
          ...(cursor ? { cursor } : {}),
        };
        let response;
        try {
          response = post.thread
            ? await client.conversations.replies({ ...query, ts: post.thread.ts })
            : await client.conversations.history(query);
        } catch (error) {
          // Slack said no (a scope missing, the channel gone): nothing can be found, so it is posted.
          if ((error as { code?: string }).code === 'slack_webapi_platform_error') return null;
          throw error; // timed out or unreachable: whether it was posted is unknown
        }
        const found = response.messages?.find(
          (message) =>
            message.metadata?.event_type === REMINDER_EVENT_TYPE && keyOf(message.metadata.event_payload) === post.key,
        );
        if (found?.ts) return found.ts;
        cursor = response.response_metadata?.next_cursor;
        if (!response.has_more || !cursor) return null;
      }
      return null;
    },

    async join({ channel }: { workspace: string; channel: string }): Promise<boolean> {
      try {
        await client.conversations.join({ channel });
        return true;
      } catch {
        return false;
      }
    },
    async tellOwners({ channel }, users, reason) {
      // One person's closed DMs (or a deactivated account) do not keep the others from hearing.
      for (const user of users) {
        try {
          await client.chat.postMessage({
            channel: await directMessageChannel(client, user),
            ...renderBrokenNotice(channel, reason),
          });
        } catch {
          // Nobody else to tell: the channel's watches show the break in /eol watches.
        }
      }
    },
    async tellUsers(_workspace, users, text) {
      for (const user of users) {
        try {
          await client.chat.postMessage({
            channel: await directMessageChannel(client, user),
            text: escapeMrkdwn(text),
          });
        } catch {
          // One person's closed DMs do not keep the others from hearing.
        }
      }
    },
  };
}

/**
 * One poster for every workspace, each posting with its own bot token (OAuth installs). A workspace
 * with no installation (never installed, or uninstalled) gets nothing: its reminders stay pending.
 */
export function createWorkspacePoster(
  tokenFor: (workspace: string) => Promise<string | null>,
  apiUrl?: string,
): ReminderPoster {
  const posters = new Map<string, ReminderPoster>();
  async function posterFor(workspace: string): Promise<ReminderPoster | null> {
    const token = await tokenFor(workspace);
    if (!token) return null;
    let poster = posters.get(token);
    if (!poster) {
      poster = createSlackReminderPoster(createWebClient(token, apiUrl));
      posters.set(token, poster);
    }
    return poster;
  }
  const notInstalled = (workspace: string): PostOutcome => ({
    kind: 'unknown',
    reason: `eolwatch is not installed in ${workspace}`,
  });
  return {
    post: async (reminder) => (await posterFor(reminder.workspace))?.post(reminder) ?? notInstalled(reminder.workspace),
    postNotice: async (notice) =>
      (await posterFor(notice.workspace))?.postNotice(notice) ?? notInstalled(notice.workspace),
    findPosted: async (post, since) => (await posterFor(post.workspace))?.findPosted(post, since) ?? null,
    join: async (target) => (await posterFor(target.workspace))?.join(target) ?? false,
    tellOwners: async (target, users, reason) => (await posterFor(target.workspace))?.tellOwners(target, users, reason),
    tellUsers: async (workspace, users, text) => (await posterFor(workspace))?.tellUsers(workspace, users, text),
  };
}
