// The Bolt app in Socket Mode or over HTTP, with every listener registered. Not started here.
import { App, type CustomRoute } from '@slack/bolt';
import { createBoltLogger } from './bolt-logger.js';
import { registerListeners } from './listeners/register-listeners.js';
import type { SlackDeps } from './slack-deps.js';

export type SlackConnection =
  | { mode: 'socket'; botToken: string; appToken: string; apiUrl?: string }
  | { mode: 'http'; botToken: string; signingSecret: string; apiUrl?: string };

const healthRoute: CustomRoute = {
  path: '/healthz',
  method: ['GET'],
  handler: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  },
};

export function createSlackApp(connection: SlackConnection, deps: SlackDeps, retries?: number): App {
  const clientOptions = {
    ...(connection.apiUrl ? { slackApiUrl: connection.apiUrl } : {}),
    ...(retries === undefined ? {} : { retryConfig: { retries } }),
  };
  const common = {
    token: connection.botToken,
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
      : new App({ ...common, signingSecret: connection.signingSecret, customRoutes: [healthRoute] });
  registerListeners(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'unhandled Slack error');
  });
  return app;
}
