// Requests exactly as Slack sends them: form-encoded or JSON, signed with the app's signing secret.
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret';

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SlackPost {
  body: string;
  contentType: string;
  /** Defaults to a valid signature made now with SIGNING_SECRET. */
  headers?: Record<string, string>;
}

export function signedHeaders(
  body: string,
  secret = SIGNING_SECRET,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature(secret, timestamp, body) };
}

export async function postToSlackApp(
  url: string,
  post: SlackPost,
): Promise<{ status: number; text: string; json: () => unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': post.contentType, ...(post.headers ?? signedHeaders(post.body)) },
    body: post.body,
  });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) };
}

export function slashCommandBody(text: string, responseUrl: string, overrides: Record<string, string> = {}): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'met',
    channel_id: 'C1',
    channel_name: 'it-estate',
    user_id: 'U1',
    user_name: 'alex',
    command: '/eol',
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    // Unique per request, as Slack's are: two identical signed bodies in one second are a replay.
    trigger_id: `${Date.now()}.${Math.random().toString(36).slice(2)}`,
    ...overrides,
  }).toString();
}

export function eventBody(event: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2)}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
  });
}

/** An interaction payload from `user` in workspace T1, form-encoded as Slack posts it. */
function interactionBody(user: string, payload: Record<string, unknown>): string {
  const common = {
    team: { id: 'T1', domain: 'met' },
    user: { id: user, username: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    // Unique per request, as Slack's are: two identical signed bodies in one second are a replay.
    trigger_id: `${Date.now()}.${Math.random().toString(36).slice(2)}`,
  };
  return new URLSearchParams({ payload: JSON.stringify({ ...common, ...payload }) }).toString();
}

/** A button press as Slack sends it (`block_actions`), in workspace T1. */
export function buttonPressBody(press: {
  actionId: string;
  value: string;
  user: string;
  channel: string;
  responseUrl: string;
  message?: Record<string, unknown>;
}): string {
  return interactionBody(press.user, {
    type: 'block_actions',
    container: { type: 'message', message_ts: '1.2', channel_id: press.channel },
    channel: { id: press.channel, name: 'it' },
    ...(press.message ? { message: press.message } : {}),
    response_url: press.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: press.actionId,
        block_id: 'b',
        value: press.value,
        action_ts: '1.3',
        text: { type: 'plain_text', text: 'x' },
      },
    ],
  });
}

/** A submitted form (`view_submission`) as Slack sends it, in workspace T1. */
export function viewSubmissionBody(submission: {
  callbackId: string;
  user: string;
  privateMetadata: string;
  values: Record<string, Record<string, unknown>>;
}): string {
  return interactionBody(submission.user, {
    type: 'view_submission',
    view: {
      id: 'V1',
      team_id: 'T1',
      type: 'modal',
      callback_id: submission.callbackId,
      private_metadata: submission.privateMetadata,
      state: { values: submission.values },
      hash: '1.abc',
      title: { type: 'plain_text', text: 'x' },
      blocks: [],
    },
  });
}

/** A button pressed on the Home tab (`block_actions` from a view: no channel, no response_url). */
export function homeButtonPressBody(press: { actionId: string; value?: string; user: string }): string {
  return interactionBody(press.user, {
    type: 'block_actions',
    container: { type: 'view', view_id: 'VHOME' },
    view: { id: 'VHOME', team_id: 'T1', type: 'home', blocks: [], state: { values: {} }, hash: '1.home' },
    actions: [
      {
        type: 'button',
        action_id: press.actionId,
        block_id: 'b',
        ...(press.value === undefined ? {} : { value: press.value }),
        action_ts: '1.3',
        text: { type: 'plain_text', text: 'x' },
      },
    ],
  });
}

/** What an external select asks as the user types (`block_suggestion`), in a modal of workspace T1. */
export function optionsRequestBody(suggestion: {
  actionId: string;
  value: string;
  user: string;
  blockId?: string;
}): string {
  return interactionBody(suggestion.user, {
    type: 'block_suggestion',
    action_id: suggestion.actionId,
    block_id: suggestion.blockId ?? 'eol_form_release_1',
    value: suggestion.value,
    container: { type: 'view', view_id: 'VFORM' },
    view: {
      id: 'VFORM',
      team_id: 'T1',
      type: 'modal',
      callback_id: 'eol_counts_form',
      blocks: [],
      state: { values: {} },
      hash: '1.form',
    },
  });
}
