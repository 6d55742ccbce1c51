// The Bolt app in Socket Mode or over HTTP, with every listener registered. Not started here.
import { App, HTTPReceiver, type CustomRoute, type InstallationStore, type StateStore } from '@slack/bolt';
import { installFailurePage } from './install-failure-page.js';
import { WEB_API_TIMEOUT_MS } from './slack-reminder-poster.js';
import { createApiHandler } from '../api/create-api-handler.js';
import { createCalendarRoute, isCalendarPath } from '../api/calendar-route.js';
import { createBoltLogger } from './bolt-logger.js';
import { guardSlackRequests, MAX_BODY_BYTES, REPLAY_MEMORY_SECONDS } from './guard-slack-requests.js';
import { registerListeners } from './listeners/register-listeners.js';
import { DELIVERY_CLAIM_SECONDS, guardBoltEvents } from './guard-bolt-events.js';
import { claimsInStore } from './claims-in-store.js';
import type { SlackDeps } from './slack-deps.js';

export type SlackConnection =
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl?: string }
  | { mode: 'http'; botToken: string; signingSecret: string; apiUrl?: string }
  /** Installed into any workspace: each request and post uses that workspace's own bot token. */
  | {
      mode: 'oauth';
      signingSecret: string;
      clientId: string;
      clientSecret: string;
      stateSecret: string;
      installationStore: InstallationStore;
      /** OAuth `state` kept in the store, single-use across replicas (one-time-state-store.ts). */
      stateStore: StateStore;
      apiUrl?: string;
      /** Notes a workspace served by an org-wide install, so its scheduled posts find the org's token. */
      rememberOrgWorkspace?: (teamId: string, enterpriseId: string) => Promise<void>;
    };

/** The bot scopes an OAuth install asks for: the manifest's. */
const BOT_SCOPES = [
  'commands',
  'chat:write',
  'app_mentions:read',
  'im:history',
  'channels:join',
  'channels:history',
  'groups:history',
  'files:read',
  'files:write',
  'im:write',
  'channels:read',
  'groups:read',
];

const healthRoute: CustomRoute = {
  path: '/healthz',
  method: ['GET', 'HEAD'],
  handler: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  },
};

function guardedReceiver(
  signingSecret: string,
  deps: SlackDeps,
  oauth?: Extract<SlackConnection, { mode: 'oauth' }>,
): HTTPReceiver {
  // The guard verifies every POST's signature, more strictly than Bolt (exact header, both directions,
  // replays) and before Bolt reads anything; Bolt's own check would only repeat the HMAC. The install
  // page and the OAuth redirect are GETs, which pass through to Bolt's InstallProvider.
  const installer = oauth
    ? {
        clientId: oauth.clientId,
        clientSecret: oauth.clientSecret,
        stateSecret: oauth.stateSecret,
        installationStore: oauth.installationStore,
        scopes: BOT_SCOPES,
        installerOptions: {
          stateStore: oauth.stateStore,
          directInstall: false,
          stateVerification: true,
          callbackOptions: { failure: installFailurePage },
          ...(oauth.apiUrl ? { clientOptions: { slackApiUrl: oauth.apiUrl } } : {}),
        },
      }
    : {};
  const receiver = new HTTPReceiver({
    signingSecret,
    signatureVerification: false,
    customRoutes: [healthRoute],
    logger: createBoltLogger(deps.logger),
    bodyLimit: MAX_BODY_BYTES,
    ...installer,
  });
  const slack = guardSlackRequests(receiver.requestListener, {
    signingSecret,
    firstSighting: claimsInStore(deps.commands, 'signature', REPLAY_MEMORY_SECONDS).claim,
  });
  // The HTTP API shares the port; its requests carry a token, not a Slack signature.
  const api = createApiHandler({ commands: deps.commands, logger: deps.logger });
  const calendar = createCalendarRoute(deps);
  receiver.requestListener = (req, res) => {
    const url = req.url ?? '';
    if (url.startsWith('/api/')) return api(req, res);
    return isCalendarPath(url) ? calendar(req, res) : slack(req, res);
  };
  return receiver;
}

/**
 * One bot token serves one workspace (or org): the one auth.test names. Bolt's context would otherwise
 * take a command's team_id, which in a channel shared with another organisation is the sender's, so a
 * command and a mention in one channel could key the same team two ways (slack/workspace-of.ts).
 */
function keyByHomeWorkspace(app: App): void {
  let home: Promise<{ teamId?: string; enterpriseId?: string }> | undefined;
  app.use(async ({ context, client, next }) => {
    home ??= client.auth.test().then(
      (auth) => ({ teamId: auth.team_id, enterpriseId: auth.enterprise_id }),
      (error: unknown) => {
        home = undefined; // asked again next time
        throw error;
      },
    );
    const { teamId, enterpriseId } = await home;
    if (teamId) context.teamId = teamId;
    if (enterpriseId) context.enterpriseId = enterpriseId;
    await next();
  });
}

/** Each workspace of an org-wide install is noted once per process, when it is first heard from. */
function rememberOrgWorkspaces(app: App, remember: (teamId: string, enterpriseId: string) => Promise<void>): void {
  const noted = new Set<string>();
  app.use(async ({ context, next }) => {
    if (context.isEnterpriseInstall && context.teamId && context.enterpriseId && !noted.has(context.teamId)) {
      await remember(context.teamId, context.enterpriseId);
      noted.add(context.teamId);
    }
    await next();
  });
}

export function createSlackApp(connection: SlackConnection, deps: SlackDeps, retries?: number): App {
  const clientOptions = {
    ...(connection.apiUrl ? { slackApiUrl: connection.apiUrl } : {}),
    ...(retries === undefined ? {} : { retryConfig: { retries } }),
    // Bolt's own client waits forever by default: a hung conversations.info would leave an answer unsent.
    // The same deadline as the reminder poster's.
    timeout: WEB_API_TIMEOUT_MS,
  };
  const common = {
    ...(connection.mode === 'oauth' ? {} : { token: connection.botToken }),
    logger: createBoltLogger(deps.logger),
    clientOptions,
    // auth.test runs in init(), where main can catch a bad token instead of crashing on a rejection.
    deferInitialization: true,
    // eolwatch keeps no per-conversation state; Bolt's default store costs every request a lookup.
    convoStore: false as const,
  };
  const app =
    connection.mode === 'socket'
      ? new App({ ...common, socketMode: true, appToken: connection.appToken, installerOptions: { clientOptions } })
      : new App({
          ...common,
          receiver: guardedReceiver(
            connection.signingSecret,
            deps,
            connection.mode === 'oauth' ? connection : undefined,
          ),
        });
  guardBoltEvents(app, deps.logger, claimsInStore(deps.commands, 'delivery', DELIVERY_CLAIM_SECONDS).claim);
  if (connection.mode !== 'oauth') keyByHomeWorkspace(app);
  else if (connection.rememberOrgWorkspace) rememberOrgWorkspaces(app, connection.rememberOrgWorkspace);
  registerListeners(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled Slack error');
  });
  return app;
}
