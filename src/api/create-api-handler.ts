// The HTTP API for a CMDB or a script: a workspace's API token (Authorization: Bearer) reads and sets
// its teams' counts. Routing, authentication, limits and JSON answers live here; every read and change
// is a request to the pipeline (`counts-data`, `inventory-sync`, `inventory-file`), as from Slack or the
// command line. See docs/openapi.yaml.
import { forecastsJson } from './forecast-json.js';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { releaseTitle } from '../catalog/release-title.js';
import { hashApiToken, looksLikeApiToken, type ApiToken } from '../api-tokens/api-token-store.js';
import { isIdentifier } from '../leaf/check-identifier.js';
import type { CommandDeps, Request, Result, Speaker } from '../commands/command-types.js';
import { runCommand } from '../commands/run-command.js';
import { releaseKeyOf } from '../commands/inventory-rows.js';
import { StoreBusyError, StoreWriteError } from '../inventory/inventory-store.js';
import { readRequestBody } from '../net/read-request-body.js';
import type { RequestLimiter } from '../requests/request-limits.js';

const MAX_API_BODY_BYTES = 10 * 1024 * 1024;
/** What a CSV body is called in the import's words, which the answer then calls "the body". */
const UPLOAD = 'api-upload.csv';
const API_REQUESTS_PER_MINUTE = 60;
const BODY_TIMEOUT_MS = 30_000;
/** "Last used" is written at most this often per token: every request would be a store write. */
const LAST_USED_EVERY_MS = 60_000;

export interface ApiDeps {
  commands: CommandDeps;
  logger: Logger;
  /** For tests of the rate limit; Date.now otherwise. */
  nowMs?: () => number;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

const failure = (status: number, error: string, extra: Record<string, unknown> = {}): Answer => ({
  status,
  body: { error, ...extra },
});

function send(res: ServerResponse, answer: Answer): void {
  if (res.headersSent) return;
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...answer.headers,
  });
  res.end(body);
}

const INVENTORY_PATH = /^\/api\/v1\/channels\/([^/]+)\/inventory\/?$/;

/** Bodies read as an import file: a device export or summary, a zip holding one (Intune's export), an Excel workbook. */
const FILE_TYPES: ReadonlySet<string> = new Set([
  'text/csv',
  'application/csv',
  'text/tab-separated-values',
  'application/zip',
  'application/x-zip-compressed',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

/** The counts as the API gives them: a team's with its channel and name, the workspace's with its teams. */
function countsJson(workspace: string, data: Extract<Result, { kind: 'counts-data' }>) {
  const { asOf, totals, counts } = data;
  const forecasts = forecastsJson(data.forecasts);
  return data.scope === 'team'
    ? { workspace, team: data.teams[0] ?? null, asOf, totals, counts, forecasts }
    : { workspace, asOf, totals, teams: data.teams, counts, forecasts };
}

/** A store that is busy or cannot be written: nothing saved, and a client may try again. */
const storeUnavailable = (): Answer => ({
  ...failure(503, 'Nothing saved: the store is busy or cannot be written; try again shortly.'),
  headers: { 'retry-after': '5' },
});

/** A refusal as the API says it: a store that could not save is 503 (try again), anything else 400. */
function refused(result: Extract<Result, { kind: 'invalid' }>, reason = result.reason): Answer {
  if (result.cause === 'busy' || result.cause === 'unwritable') return storeUnavailable();
  return failure(400, reason, result.problems ? { rows: result.problems } : {});
}

/** The team's or the workspace's counts, through the pipeline as any request. */
async function countsAnswer(commands: CommandDeps, speaker: Speaker, scope: 'team' | 'workspace'): Promise<Answer> {
  const data = await runCommand({ kind: 'counts-data', scope }, commands, speaker);
  if (data.kind === 'invalid') return refused(data);
  if (data.kind !== 'counts-data') throw new Error(`counts-data answered ${data.kind}`);
  return { status: 200, body: countsJson(speaker.workspace, data) };
}

function changesOf(result: Extract<Result, { kind: 'inventory-updated' }>) {
  return result.changes.map((change) => {
    const [product, release] = releaseKeyOf(change.release).split('/');
    return { product, release, label: releaseTitle(change.release), from: change.from, to: change.to };
  });
}

export function createApiHandler(deps: ApiDeps): RequestListener {
  // Per token, counted in the store: N replicas allow the same 60 a minute as one.
  let limiter: RequestLimiter | undefined;
  const takeRequest = async (tokenHash: string): Promise<number> => {
    limiter ??= (await deps.commands.store()).requestLimiter('api', API_REQUESTS_PER_MINUTE, 60);
    return Math.ceil((await limiter.take(tokenHash)) / 1000);
  };
  const lastUsedWritten = new Map<string, number>();

  async function authenticate(req: IncomingMessage): Promise<ApiToken | Answer> {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match)
      return {
        ...failure(401, 'Send an API token as “Authorization: Bearer <token>” (make one with /eol api token create).'),
        headers: { 'www-authenticate': 'Bearer' },
      };
    const token = match[1] as string;
    const found = looksLikeApiToken(token)
      ? await (await deps.commands.store()).apiTokenByHash(hashApiToken(token))
      : null;
    if (!found)
      return {
        ...failure(401, 'That API token is not valid: unknown or revoked.'),
        headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
      };
    return found;
  }

  async function noteUse(token: ApiToken): Promise<void> {
    const now = (deps.nowMs ?? Date.now)();
    if (token.lastUsedAt !== null && now - (lastUsedWritten.get(token.hash) ?? 0) < LAST_USED_EVERY_MS) return;
    lastUsedWritten.set(token.hash, now);
    const store = await deps.commands.store();
    const at = deps.commands.now().toUTC().toISO() ?? '';
    await store.markApiTokenUsed(token.hash, at);
    if (token.lastUsedAt === null) {
      await store.appendAudit({
        workspace: token.workspace,
        at,
        user: token.name,
        via: 'api',
        channel: null,
        action: 'token.first-use',
        change: `“${token.name}” used for the first time`,
        releases: [],
      });
    }
  }

  // A token is made by an admin and acts with that authority: a locked channel takes its counts.
  const asAdmin = (token: ApiToken): CommandDeps => ({
    ...deps.commands,
    admins: new Set([...deps.commands.admins, token.name]),
  });

  async function putInventory(
    req: IncomingMessage,
    speaker: Speaker,
    mode: string | null,
    commands: CommandDeps,
  ): Promise<Answer> {
    if (Number(req.headers['content-length'] ?? 0) > MAX_API_BODY_BYTES)
      return failure(413, `The body is over ${MAX_API_BODY_BYTES / 1024 / 1024} MB.`);
    const body = await readRequestBody(req, MAX_API_BODY_BYTES, BODY_TIMEOUT_MS);
    if (body === 'too-large') return failure(413, `The body is over ${MAX_API_BODY_BYTES / 1024 / 1024} MB.`);
    if (body === 'timeout') return failure(408, 'The body took too long to arrive.');
    if (body === 'aborted') return failure(400, 'The body broke off.');
    if (body === 'over-budget') return failure(503, 'Too many requests being received; try again shortly.');
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    let request: Request;
    if (type === 'application/json') {
      let json: unknown;
      try {
        json = JSON.parse(body.toString('utf8'));
      } catch {
        return failure(400, 'Nothing saved: the body is not valid JSON.');
      }
      request = { kind: 'inventory-sync', body: json };
      mode = (json as { mode?: string } | null)?.mode ?? 'replace';
    } else if (FILE_TYPES.has(type)) {
      if (mode !== null && mode !== 'replace' && mode !== 'add')
        return failure(400, 'Nothing saved: mode must be replace or add.');
      request = {
        kind: 'inventory-file',
        file: { name: UPLOAD, bytes: body },
        mode: mode === 'add' ? 'add' : 'replace',
      };
    } else
      return failure(
        415,
        `${type === '' ? 'No Content-Type was sent' : `Content-Type ${type.slice(0, 60)} is not taken`}: send the counts as application/json ({"counts": {...}, "mode": "replace" | "add"}) or as text/csv (a device export, or release and count columns; application/zip for a zip holding one).`,
      );
    const result = await runCommand(request, commands, speaker);
    if (result.kind === 'invalid') return refused(result, result.reason.replace(`“${UPLOAD}”`, 'the body'));
    if (result.kind !== 'inventory-updated') return failure(400, 'Nothing saved.');
    const team = await countsAnswer(commands, speaker, 'team');
    if (team.status !== 200) return team;
    const { imported } = result;
    return {
      status: 200,
      body: {
        ...(team.body as object),
        mode: mode ?? 'replace',
        changes: changesOf(result),
        ...(request.kind === 'inventory-file'
          ? {
              unrecognisedMachines: imported?.unrecognisedRows ?? 0,
              // Which operating system names were left out, most machines first, so a script can fix its export.
              unrecognised: (imported?.unrecognised ?? []).map(({ value, rows }) => ({ os: value, machines: rows })),
            }
          : {}),
      },
    };
  }

  async function route(req: IncomingMessage): Promise<Answer> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const inventory = INVENTORY_PATH.exec(url.pathname);
    const isReport = url.pathname === '/api/v1/report' || url.pathname === '/api/v1/report/';
    if (!inventory && !isReport)
      return failure(
        404,
        'No such path. The API has /api/v1/channels/{channel}/inventory (GET, PUT) and /api/v1/report (GET).',
      );
    const allowed = inventory ? ['GET', 'PUT'] : ['GET'];
    if (!allowed.includes(req.method ?? ''))
      return { ...failure(405, `Use ${allowed.join(' or ')} here.`), headers: { allow: allowed.join(', ') } };
    const channel = inventory ? decodeURIComponent(inventory[1] ?? '') : '';
    if (inventory && !isIdentifier(channel))
      return failure(404, 'No such channel: a channel id is 1 to 64 letters, digits, dots, dashes or underscores.');
    const token = await authenticate(req);
    if ('status' in token) return token;
    const wait = await takeRequest(token.hash);
    if (wait > 0)
      return {
        ...failure(429, `Over ${API_REQUESTS_PER_MINUTE} requests a minute with this token: try again in ${wait} s.`),
        headers: { 'retry-after': String(wait) },
      };
    await noteUse(token);
    // The workspace is the token's, never the request's: one workspace's token cannot reach another's data.
    if (isReport)
      return countsAnswer(
        deps.commands,
        { workspace: token.workspace, channel: 'report', user: token.name, via: 'api' },
        'workspace',
      );
    const speaker = { workspace: token.workspace, channel, user: token.name, via: 'api' as const };
    if (req.method === 'GET') return countsAnswer(deps.commands, speaker, 'team');
    return putInventory(req, speaker, url.searchParams.get('mode'), asAdmin(token));
  }

  /** For the metrics: what the request was, and how it ended. */
  const kindOf = (req: IncomingMessage, status: number) =>
    `${(req.url ?? '').startsWith('/api/v1/report') ? 'report' : 'inventory'}-${(req.method ?? '').toLowerCase()}-${status < 400 ? 'ok' : status}`;

  return (req, res) => {
    const started = performance.now();
    void route(req)
      .catch((error: unknown): Answer => {
        // The pipeline says a store's refusals itself; this is for the token's own bookkeeping.
        if (error instanceof StoreBusyError || error instanceof StoreWriteError) return storeUnavailable();
        if (error instanceof URIError) return failure(404, 'No such path.');
        deps.logger.error({ err: error, path: req.url?.slice(0, 200), method: req.method }, 'API request failed');
        return failure(500, 'Something went wrong; nothing was saved.');
      })
      .then((answer) => {
        deps.logger.info(
          { api: true, method: req.method, path: req.url?.slice(0, 200), status: answer.status },
          'API request',
        );
        send(res, answer);
        deps.commands.observe?.({
          kind: kindOf(req, answer.status),
          entry: 'api',
          seconds: (performance.now() - started) / 1000,
        });
        // An unread body (a refusal before reading) is not waited for.
        if (answer.status >= 400 && !req.complete) res.once('finish', () => req.socket?.destroy());
      });
  };
}
