// The real eolwatch Bolt app over HTTP on a free loopback port, talking to a fake Web API.
import { HTTP_SERVER_OPTIONS, MAX_CONNECTIONS } from '../../src/net/http-server-options.js';
import type { App } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createSlackApp, type SlackConnection } from '../../src/slack/create-slack-app.js';
import type { SlackDeps } from '../../src/slack/slack-deps.js';
import type { CommandDeps } from '../../src/commands/command-types.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { SIGNING_SECRET } from './signed-request.js';

export interface RunningApp {
  app: App;
  api: FakeSlackApi;
  url: string;
  eventsUrl: string;
  stop(): Promise<void>;
}

/** `connection` replaces the single-workspace one (e.g. OAuth); `extra` adds to the listeners' deps. */
export async function startHttpApp(
  commands: CommandDeps,
  connection?: (api: FakeSlackApi) => SlackConnection,
  extra: Partial<SlackDeps> = {},
): Promise<RunningApp> {
  const api = await new FakeSlackApi().start();
  const logger = pino({ level: 'silent' });
  const app = createSlackApp(
    connection?.(api) ?? { mode: 'http', botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: api.apiUrl },
    { commands, logger, ...extra },
    0,
  );
  await app.init();
  const server = (await app.start(0, HTTP_SERVER_OPTIONS)) as Server;
  server.maxConnections = MAX_CONNECTIONS;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    api,
    url,
    eventsUrl: `${url}/slack/events`,
    stop: async () => {
      await app.stop();
      await api.stop();
    },
  };
}
