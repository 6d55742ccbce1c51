// The only reader of process.env. Validates everything at start and names what is wrong in one line.
import { IANAZone } from 'luxon';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProxySettings } from './net/use-proxy.js';

export type SlackMode = 'socket' | 'http' | 'oauth' | 'shell';

export interface Config {
  slack: {
    botToken?: string;
    appToken?: string;
    signingSecret?: string;
    apiUrl?: string;
    oauth: { clientId: string; clientSecret: string; stateSecret: string } | null;
  };
  /** After an uninstall, a workspace's data is kept this many days (a reinstall within them keeps it). */
  uninstallGraceDays: number;
  port: number;
  /** Whether PORT was set: Socket Mode then answers /healthz on it (for container health checks). */
  portSet: boolean;
  timezone: string;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  catalogPath: string;
  supplementsPath: string;
  storePath: string;
  admins: string[];
  /** HH:MM in `timezone`, when the daily reminder run starts. */
  reminderTime: string;
  catalogUrl: string;
  /** Where an accepted refresh is kept: beside the store file unless set. */
  catalogCachePath: string;
  /** The user's own cache folder ($XDG_CACHE_HOME or ~/.cache, then eolwatch): the prepared catalogue's place when `data/` is not there. */
  userCacheDir: string;
  /** The outbound proxy for Slack and the catalogue (net/use-proxy.ts). */
  proxy: ProxySettings;
  /** PostgreSQL instead of the JSON store, for several replicas or many workspaces. */
  databaseUrl: string | null;
  /** The PostgreSQL schema of eolwatch's tables. */
  databaseSchema: string;
  /** Socket Mode has no HTTP port of its own: the HTTP API listens here when set. */
  apiPort: number | null;
  /** Where people and Slack reach this eolwatch: calendar addresses start with it. */
  publicUrl: string | null;
  /** Prometheus metrics on GET /metrics at this port; off when unset. */
  metricsPort: number | null;
  /** Connectors: the key sealing their secrets (base64 of 32 bytes), and where Graph and Entra ID are. */
  secretKey: string | null;
  graphUrl: string;
  entraLoginUrl: string;
}

export class ConfigError extends Error {}

/** The bundled data files, found from this file (src/ or dist/) so `npx eolwatch` works from any folder. */
const bundled = (file: string): string =>
  relative(process.cwd(), fileURLToPath(new URL(`../data/${file}`, import.meta.url))) || file;

/** This package's own folder (from src/ or dist/): run there, the store stays in its data/ folder. */
const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Where the store goes unless EOLWATCH_STORE says: `data/eolwatch.json` in the checkout (`npm start`,
 * `npm run eol`), otherwise the user's own data folder, so an installed command line keeps one store
 * wherever it is run rather than a new `data/` in every folder.
 */
function defaultStorePath(env: NodeJS.ProcessEnv): string {
  if (resolve(process.cwd()) === resolve(PACKAGE_ROOT)) return 'data/eolwatch.json';
  return join(env.XDG_DATA_HOME?.trim() || join(homedir(), '.local', 'share'), 'eolwatch', 'eolwatch.json');
}

// Each variable's reader: its value (trimmed; blank counts as unset) to what eolwatch uses, or a
// ConfigError naming it. Plain functions rather than a schema library: loading zod costs 60-85 ms, a
// third of a one-question command line's budget (bench/cli-wall-time.ts).
type Reader<T> = (value: string | undefined) => T;

const text: Reader<string | undefined> = (value) => value;
const withDefault =
  (fallback: string): Reader<string> =>
  (value) =>
    value ?? fallback;
const must =
  <T>(read: Reader<T>, ok: (value: T) => boolean, message: string): Reader<T> =>
  (value) => {
    const result = read(value);
    if (!ok(result)) throw new Error(message);
    return result;
  };
const optionalUrl = (message = 'must be a URL') => must(text, (v) => v === undefined || URL.canParse(v), message);
const wholeNumber = (fallback: number | null, ok: (n: number) => boolean, message: string): Reader<number | null> =>
  must(
    (v) => (v === undefined ? fallback : Number(v)),
    (n) => n === null || (Number.isInteger(n) && ok(n)),
    message,
  );
const isPort = (n: number) => n >= 0 && n < 65536;
const LOG_LEVELS: readonly string[] = ['debug', 'info', 'warn', 'error'];
const PROXY_MESSAGE = 'must be a URL such as http://proxy.example:3128';

const readers = {
  SLACK_BOT_TOKEN: must(text, (v) => v === undefined || v.startsWith('xoxb-'), 'must start with xoxb-'),
  SLACK_APP_TOKEN: must(text, (v) => v === undefined || v.startsWith('xapp-'), 'must start with xapp-'),
  SLACK_SIGNING_SECRET: text,
  SLACK_CLIENT_ID: text,
  SLACK_CLIENT_SECRET: text,
  SLACK_STATE_SECRET: text,
  EOLWATCH_UNINSTALL_GRACE_DAYS: wholeNumber(
    30,
    (n) => n >= 0 && n <= 3650,
    'must be a whole number of days',
  ) as Reader<number>,
  SLACK_API_URL: optionalUrl(),
  PORT: wholeNumber(3000, isPort, 'must be a port number') as Reader<number>,
  EOLWATCH_API_PORT: wholeNumber(null, (n) => n > 0 && isPort(n), 'must be a port number'),
  EOLWATCH_SECRET_KEY: text,
  EOLWATCH_GRAPH_URL: must(withDefault('https://graph.microsoft.com'), (v) => URL.canParse(v), 'must be a URL'),
  EOLWATCH_ENTRA_LOGIN_URL: must(
    withDefault('https://login.microsoftonline.com'),
    (v) => URL.canParse(v),
    'must be a URL',
  ),
  EOLWATCH_METRICS_PORT: wholeNumber(null, (n) => n > 0 && isPort(n), 'must be a port number'),
  EOLWATCH_PUBLIC_URL: must(
    text,
    (v) => v === undefined || (URL.canParse(v) && /^https?:$/.test(new URL(v).protocol)),
    'must be the http(s) address eolwatch is reached at, such as https://eolwatch.example.org',
  ),
  HTTPS_PROXY: optionalUrl(PROXY_MESSAGE),
  HTTP_PROXY: optionalUrl(PROXY_MESSAGE),
  NO_PROXY: text,
  // UTC, the default, is luxon's own: asking Intl about it would load ICU's zone data (about 15 ms).
  EOLWATCH_TIMEZONE: must(
    withDefault('UTC'),
    (zone) => zone === 'UTC' || IANAZone.isValidZone(zone),
    'must be an IANA time zone such as Europe/London',
  ),
  EOLWATCH_LOG_LEVEL: must(
    withDefault('info'),
    (v) => LOG_LEVELS.includes(v),
    `must be one of ${LOG_LEVELS.join(', ')}`,
  ) as Reader<Config['logLevel']>,
  EOLWATCH_CATALOG: (v: string | undefined) => v ?? bundled('products-full.json'),
  EOLWATCH_SUPPLEMENTS: (v: string | undefined) => v ?? bundled('supplements.json'),
  EOLWATCH_REMINDER_TIME: must(
    withDefault('09:00'),
    (v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v),
    'must be a time of day as HH:MM, such as 09:00',
  ),
  EOLWATCH_CATALOG_URL: must(
    withDefault('https://endoflife.date/api/v1/products/full'),
    (v) => URL.canParse(v),
    'must be a URL',
  ),
  EOLWATCH_CATALOG_CACHE: text,
  EOLWATCH_STORE: text,
  EOLWATCH_DATABASE_URL: must(
    text,
    (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
    'must be a PostgreSQL URL such as postgres://user:password@host:5432/eolwatch',
  ),
  EOLWATCH_DATABASE_SCHEMA: must(
    withDefault('eolwatch'),
    (v) => /^[a-z_][a-z0-9_]{0,62}$/.test(v),
    'must be a schema name of lower-case letters, digits and underscores, such as eolwatch',
  ),
  EOLWATCH_ADMINS: must(
    (v) => (v ?? '').split(/[\s,]+/).filter((id) => id !== ''),
    (ids) => ids.every((id) => /^[UW][A-Z0-9]+$/.test(id)),
    'must list Slack user ids such as U012ABCDEF, separated by commas',
  ),
};

type Environment = { [Name in keyof typeof readers]: ReturnType<(typeof readers)[Name]> };

function readEnvironment(env: NodeJS.ProcessEnv): Environment {
  const read: Record<string, unknown> = {};
  for (const [name, reader] of Object.entries(readers)) {
    const raw = env[name]?.trim();
    try {
      read[name] = (reader as Reader<unknown>)(raw === '' ? undefined : raw);
    } catch (error) {
      throw new ConfigError(`${name} ${(error as Error).message}`);
    }
  }
  return read as Environment;
}

/** Every variable eolwatch reads; .env.example and the README document each one. */
export const ENV_VARIABLES = Object.keys(readers);

/** How main connects: decided from which Slack credentials are set. Only main needs one. */
export function slackModeOf({ slack: { botToken, appToken, signingSecret, oauth } }: Config): SlackMode {
  // OAuth installs into any workspace, each with its own bot token: HTTP only, no single token.
  if (oauth && signingSecret && !appToken) return 'oauth';
  if (oauth)
    throw new ConfigError(
      'SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET (OAuth) need HTTP mode: set SLACK_SIGNING_SECRET and leave SLACK_APP_TOKEN unset.',
    );
  if (botToken && appToken) return 'socket';
  if (botToken && signingSecret) return 'http';
  if (!botToken && !appToken && !signingSecret) return 'shell';
  if (!botToken)
    throw new ConfigError(
      'SLACK_BOT_TOKEN is missing: set it with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP), or unset all three for the local shell.',
    );
  throw new ConfigError(
    'SLACK_BOT_TOKEN is set, but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP) is.',
  );
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const e = readEnvironment(env);
  const oauthParts = [e.SLACK_CLIENT_ID, e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET].filter(
    (value) => value !== undefined,
  ).length;
  if (oauthParts > 0 && oauthParts < 3)
    throw new ConfigError('OAuth needs all three of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET.');
  const storePath = e.EOLWATCH_STORE ?? defaultStorePath(env);
  return {
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      appToken: e.SLACK_APP_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: e.SLACK_API_URL,
      oauth:
        e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
          ? { clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET, stateSecret: e.SLACK_STATE_SECRET }
          : null,
    },
    uninstallGraceDays: e.EOLWATCH_UNINSTALL_GRACE_DAYS,
    port: e.PORT,
    portSet: env.PORT !== undefined && env.PORT.trim() !== '',
    timezone: e.EOLWATCH_TIMEZONE,
    logLevel: e.EOLWATCH_LOG_LEVEL,
    catalogPath: e.EOLWATCH_CATALOG,
    supplementsPath: e.EOLWATCH_SUPPLEMENTS,
    storePath,
    admins: e.EOLWATCH_ADMINS,
    reminderTime: e.EOLWATCH_REMINDER_TIME,
    catalogUrl: e.EOLWATCH_CATALOG_URL,
    apiPort: e.EOLWATCH_API_PORT,
    publicUrl: e.EOLWATCH_PUBLIC_URL ?? null,
    metricsPort: e.EOLWATCH_METRICS_PORT,
    secretKey: e.EOLWATCH_SECRET_KEY ?? null,
    graphUrl: e.EOLWATCH_GRAPH_URL,
    entraLoginUrl: e.EOLWATCH_ENTRA_LOGIN_URL,
    databaseUrl: e.EOLWATCH_DATABASE_URL ?? null,
    databaseSchema: e.EOLWATCH_DATABASE_SCHEMA,
    // The lower-case spellings are as common as the upper-case ones.
    proxy: {
      httpsProxy: e.HTTPS_PROXY ?? env.https_proxy ?? null,
      httpProxy: e.HTTP_PROXY ?? env.http_proxy ?? null,
      noProxy: e.NO_PROXY ?? env.no_proxy ?? null,
    },
    catalogCachePath: e.EOLWATCH_CATALOG_CACHE ?? join(dirname(storePath), 'catalog-cache.json'),
    userCacheDir: join(env.XDG_CACHE_HOME?.trim() || join(homedir(), '.cache'), 'eolwatch'),
  };
}
