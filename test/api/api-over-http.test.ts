// The HTTP API on the HTTP mode's port: tokens made with /eol api, counts set and read with them,
// and everything a careless or hostile client may send refused with the right status and nothing saved.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { MemoryStore } from '../memory-store/memory-store.js';
import { runText } from '../../src/commands/run-command.js';
import { postToSlackApp, slashCommandBody } from '../helpers/signed-request.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { ADMIN, depsAt } from '../helpers/test-core.js';

const store = new MemoryStore();
let running: RunningApp;
const FORM = 'application/x-www-form-urlencoded';

const commands = depsAt('2017-06-28', { store: async () => store });
beforeAll(async () => {
  running = await startHttpApp(commands);
});
afterAll(async () => running.stop());

/** `/eol api ...` as someone in a workspace; the answer is the ack's body. */
async function eolApi(text: string, user = ADMIN, team = 'T1') {
  const response = await postToSlackApp(running.eventsUrl, {
    body: slashCommandBody(text, running.api.responseUrl, { user_id: user, team_id: team }),
    contentType: FORM,
  });
  return response.json() as { response_type: string; text: string };
}

async function newToken(name: string, team = 'T1'): Promise<string> {
  // This app serves one workspace (T1, its bot token's); another workspace's token is made where that
  // workspace's own eolwatch (or an OAuth install) would make it: the command itself.
  if (team !== 'T1') {
    const result = await runText(`api token create ${name}`, commands, { workspace: team, channel: 'C1', user: ADMIN });
    return result.kind === 'api-token-created' ? result.token : '';
  }
  const answer = await eolApi(`api token create ${name}`, ADMIN, team);
  return answer.text.trim().split('\n').at(-1) as string;
}

async function api(
  method: string,
  path: string,
  token: string | null,
  body?: string | Buffer,
  type = 'application/json',
) {
  const response = await fetch(`${running.url}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': type }),
    },
    body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text === '' ? null : JSON.parse(text) };
}

const counts = async (channel: string, workspace = 'T1') => (await store.team({ workspace, channel })).counts;

describe('tokens, made and revoked in Slack', () => {
  it('shows a new token once, privately, alone on the last line; keeps only its hash', async () => {
    const answer = await eolApi('api token create cmdb');
    expect(answer.response_type).toBe('ephemeral');
    const token = answer.text.trim().split('\n').at(-1) as string;
    expect(token).toMatch(/^eolw_[A-Za-z0-9_-]{43}$/);
    const held = await store.apiTokens('T1');
    expect(held).toEqual([expect.objectContaining({ name: 'cmdb', createdBy: ADMIN, lastUsedAt: null })]);
    expect(JSON.stringify(held)).not.toContain(token);
  });

  it('refuses a second token of the same name, and anyone but an admin', async () => {
    expect((await eolApi('api token create cmdb')).text).toContain('already has a token called “cmdb”');
    expect((await eolApi('api token create mine', 'U1')).text).toBe(
      'Only eolwatch admins may see or change API tokens. /eol admins lists them.',
    );
    expect((await eolApi('api tokens', 'U1')).text).toBe(
      'Only eolwatch admins may see or change API tokens. /eol admins lists them.',
    );
    expect(await store.apiTokens('T1')).toHaveLength(1);
  });

  it('lists tokens with who made them and when they were last used; revoking stops one at once', async () => {
    const token = await newToken('script');
    expect((await api('GET', '/api/v1/channels/CLIST/inventory', token)).status).toBe(200);
    const list = (await eolApi('api tokens')).text;
    expect(list).toMatch(/script: made by UADMIN on 2017-06-28, last used 2017-06-28/);
    expect(
      (await store.auditEntries('T1')).filter((entry) => entry.action === 'token.first-use').map((entry) => entry.user),
    ).toEqual(['script']);
    expect(list).toMatch(/cmdb: made by UADMIN on 2017-06-28, never used/);
    expect((await eolApi('api token revoke script')).text).toBe('Revoked the API token “script”: it no longer works.');
    expect((await api('GET', '/api/v1/channels/CLIST/inventory', token)).status).toBe(401);
    expect((await eolApi('api token revoke script')).text).toContain('has no token called “script”');
  });
});

describe('PUT and GET /api/v1/channels/{channel}/inventory', () => {
  let token: string;
  beforeAll(async () => {
    token = await newToken('sync');
  });

  it('replaces a team’s counts from JSON, names as /eol reads them, and answers with statuses', async () => {
    const answer = await api(
      'PUT',
      '/api/v1/channels/CMET/inventory',
      token,
      JSON.stringify({ counts: { 'windows-8.1': 14450, xp: 18293 }, mode: 'replace' }),
    );
    expect(answer.status).toBe(200);
    expect(answer.json.team).toEqual({ channel: 'CMET', name: null });
    expect(answer.json.changes).toEqual([
      { product: 'windows', release: '8.1', label: 'Microsoft Windows 8.1', from: 0, to: 14450 },
      { product: 'windows', release: '5-sp3', label: 'Microsoft Windows XP SP3', from: 0, to: 18293 },
    ]);
    expect(answer.json.totals).toMatchObject({ total: 32743, unsupported: 18293 });
    expect(await counts('CMET')).toEqual({ 'windows/8.1': 14450, 'windows/5-sp3': 18293 });
    expect((await store.history({ workspace: 'T1', channel: 'CMET' })).at(-1)).toMatchObject({
      action: 'api',
      user: 'sync',
    });
    expect((await store.auditEntries('T1', { channel: 'CMET' })).at(-1)).toMatchObject({
      action: 'counts.api',
      user: 'sync',
      via: 'api',
    });
  });

  it('GET returns the counts with each release’s status and phase ends', async () => {
    const answer = await api('GET', '/api/v1/channels/CMET/inventory', token);
    expect(answer.status).toBe(200);
    expect(answer.json.asOf).toBe('2017-06-28');
    expect(answer.json.counts).toEqual([
      expect.objectContaining({
        product: 'windows',
        release: '5-sp3',
        count: 18293,
        status: 'unsupported',
        security_support_end: '2014-04-08',
      }),
      expect.objectContaining({
        product: 'windows',
        release: '8.1',
        count: 14450,
        status: 'active',
        active_support_end: '2018-01-09',
      }),
    ]);
  });

  it('"mode": "add" adds; leaving mode out replaces', async () => {
    await api('PUT', '/api/v1/channels/CMET/inventory', token, JSON.stringify({ counts: { xp: 7 }, mode: 'add' }));
    expect(await counts('CMET')).toEqual({ 'windows/8.1': 14450, 'windows/5-sp3': 18300 });
    await api('PUT', '/api/v1/channels/CMET/inventory', token, JSON.stringify({ counts: { 'windows/8.1': 100 } }));
    expect(await counts('CMET')).toEqual({ 'windows/8.1': 100 });
  });

  it('takes a CSV body in any import format, ?mode=add to add', async () => {
    const answer = await api(
      'PUT',
      '/api/v1/channels/CCSV/inventory',
      token,
      readFileSync('test/fixtures/imports/configmgr-devices.tsv'),
      'text/csv',
    );
    expect(answer.status).toBe(200);
    expect(await counts('CCSV')).toMatchObject({ 'windows/10-22h2': 12, 'windows-server/2012-r2': 4 });
    await api(
      'PUT',
      '/api/v1/channels/CCSV/inventory?mode=add',
      token,
      'release,count\nwindows 10 22h2,3\n',
      'text/csv',
    );
    expect((await counts('CCSV'))['windows/10-22h2']).toBe(15);
  });

  it.each([
    ['not JSON', '{"counts": ', /not valid JSON/],
    ['no counts', '{"mode": "replace"}', /^Nothing saved: “counts” must be an object of release names and counts/],
    ['a fractional count', '{"counts": {"xp": 1.5}}', /“xp” has 1\.5: a count is a whole number from 0 to 10,000,000/],
    ['a negative count', '{"counts": {"xp": -1}}', /“xp” has -1: a count is a whole number/],
    ['a count as text', '{"counts": {"xp": "12"}}', /“xp” has "12": a count is a whole number/],
    ['a count over the limit', '{"counts": {"xp": 10000001}}', /“xp” has 10000001: a count is a whole number/],
    ['an unknown mode', '{"counts": {"xp": 1}, "mode": "merge"}', /“mode” must be "replace" or "add", not "merge"/],
    ['a list instead of an object', '[1,2]', /“\(body\)” must be a JSON object such as/],
    ['an unknown field', '{"counts": {"xp": 1}, "team": "x"}', /“team” is not a field of this request/],
  ])('400 for %s, nothing saved', async (_what, body, error) => {
    const answer = await api('PUT', '/api/v1/channels/CBAD/inventory', token, body);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(error);
    expect(await counts('CBAD')).toEqual({});
  });

  it('400 naming every problem of the body at once, in plain words, nothing saved', async () => {
    const answer = await api(
      'PUT',
      '/api/v1/channels/CBAD/inventory',
      token,
      JSON.stringify({ counts: { xp: -2, 'win 8.1': 'many', 'server 2012 r2': 9 }, mode: 'merge' }),
    );
    expect(answer.status).toBe(400);
    expect(answer.json.rows.map((row: { name: string }) => row.name)).toEqual(['mode', 'xp', 'win 8.1']);
    expect(answer.json.error).toBe(
      'Nothing saved: “mode” must be "replace" or "add", not "merge"; “xp” has -2: a count is a whole number from 0 to 10,000,000; “win 8.1” has "many": a count is a whole number from 0 to 10,000,000.',
    );
    expect(await counts('CBAD')).toEqual({});
  });

  it('400 naming every release name it did not accept, nothing saved', async () => {
    const answer = await api(
      'PUT',
      '/api/v1/channels/CBAD/inventory',
      token,
      JSON.stringify({ counts: { xp: 3, 'windows 95 turbo': 2, 'nonexistent os': 1, 'windows xp': 4 } }),
    );
    expect(answer.status).toBe(400);
    expect(answer.json.rows.map((row: { name: string }) => row.name)).toEqual([
      'windows 95 turbo',
      'nonexistent os',
      'windows xp',
    ]);
    expect(answer.json.rows[2].reason).toBe('names a release given twice');
    expect(await counts('CBAD')).toEqual({});
  });

  it.each([
    ['{"counts":{"__proto__":5}}', /not accepted/],
    ['{"counts":{"constructor":5}}', /not accepted/],
    ['{"counts":{}}', /no counts were sent/],
    ['{"counts":{},"mode":"replace"}', /no counts were sent/],
  ])('refuses %s in replace mode, leaving the team as it was', async (body, reason) => {
    await api('PUT', '/api/v1/channels/CKEEP/inventory', token, JSON.stringify({ counts: { xp: 3 } }));
    const answer = await api('PUT', '/api/v1/channels/CKEEP/inventory', token, body);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(reason);
    expect(await counts('CKEEP')).toEqual({ 'windows/5-sp3': 3 });
  });

  it('takes Intune’s zipped export as application/zip', async () => {
    const answer = await api(
      'PUT',
      '/api/v1/channels/CZIP/inventory',
      token,
      readFileSync('test/fixtures/imports/intune-devices-export.zip'),
      'application/zip',
    );
    expect(answer.status).toBe(200);
    expect(await counts('CZIP')).toMatchObject({ 'windows/10-22h2': 40, 'windows/11-23h2-e': 25, 'macos/14': 8 });
  });

  it('takes an Excel workbook as its media type', async () => {
    const answer = await api(
      'PUT',
      '/api/v1/channels/CXLSX/inventory',
      token,
      readFileSync('test/fixtures/imports/excel-pivot.xlsx'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(answer.status).toBe(200);
    expect(await counts('CXLSX')).toEqual({
      'windows/10-22h2': 1234,
      'windows/11-24h2-w': 56,
      'macos/14': 12,
      'windows-server/2016': 7,
    });
  });

  it('415 for a body that is neither JSON nor CSV, naming the type sent', async () => {
    const answer = await api('PUT', '/api/v1/channels/CTYPE/inventory', token, 'release,count\nxp,3\n', 'text/plain');
    expect(answer.status).toBe(415);
    expect(answer.json.error).toMatch(/^Content-Type text\/plain is not taken: send the counts as application\/json/);
    expect(await counts('CTYPE')).toEqual({});
  });

  it('lists the operating system names a CSV left out, with their machines', async () => {
    const body =
      'OperatingSystem,OperatingSystemVersion\nWindows 10 Pro,10.0 (19045)\nAmigaOS,3.1\nAmigaOS,3.1\nBeOS,5\n';
    const answer = await api('PUT', '/api/v1/channels/CUNREC/inventory', token, body, 'text/csv');
    expect(answer.status).toBe(200);
    expect(answer.json.unrecognisedMachines).toBe(3);
    expect(answer.json.unrecognised).toEqual([
      { os: 'AmigaOS 3.1', machines: 2 },
      { os: 'BeOS 5', machines: 1 },
    ]);
  });

  it('gives dates or null in date fields, and says which ends are not announced', async () => {
    await api('PUT', '/api/v1/channels/CDATES/inventory', token, JSON.stringify({ counts: { 'macos 14': 4, xp: 1 } }));
    const answer = await api('GET', '/api/v1/channels/CDATES/inventory', token);
    const sonoma = answer.json.counts.find((row: { release: string }) => row.release === '14');
    expect(sonoma).toMatchObject({ active_support_end: null, end_notes: { active_support_end: 'not announced' } });
    for (const row of answer.json.counts)
      for (const field of ['active_support_end', 'security_support_end', 'extended_support_end', 'contract_end'])
        expect(row[field] === null || /^\d{4}-\d{2}-\d{2}$/.test(row[field])).toBe(true);
  });

  it('400 for a CSV body that is not an export, naming the problem', async () => {
    const answer = await api(
      'PUT',
      '/api/v1/channels/CBAD/inventory',
      token,
      'release,count\nxp,3\nwin 8.1,lots\n',
      'text/csv',
    );
    expect(answer.status).toBe(400);
    expect(answer.json.error).toBe(
      'Nothing imported from the body: line 3: the count “lots” is not a whole number of machines.',
    );
    expect(await counts('CBAD')).toEqual({});
  });

  it('415 for another content type', async () => {
    expect((await api('PUT', '/api/v1/channels/CBAD/inventory', token, '<counts/>', 'application/xml')).status).toBe(
      415,
    );
  });

  it('413 for a body over 10 MB, nothing saved', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
    const answer = await api('PUT', '/api/v1/channels/CBAD/inventory', token, big, 'text/csv');
    expect(answer.status).toBe(413);
    expect(await counts('CBAD')).toEqual({});
  });
});

describe('who may call, and how often', () => {
  it.each([
    ['no Authorization header', null],
    ['a malformed token', 'not-a-token'],
    ['a well-formed token nobody made', `eolw_${'A'.repeat(43)}`],
  ])('401 for %s', async (_what, token) => {
    const answer = await api('GET', '/api/v1/channels/CMET/inventory', token);
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(answer.json.error).toMatch(/token/);
  });

  it('401 for Basic auth', async () => {
    const response = await fetch(`${running.url}/api/v1/report`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(response.status).toBe(401);
  });

  it.each([
    ['GET', '/api/v1/nothing'],
    ['GET', '/api/v2/report'],
    ['GET', '/api/v1/channels/CMET'],
    ['GET', '/api/v1/channels/%E0%A4%A/inventory'],
    ['GET', '/api/v1/channels/..%2F..%2Fetc/inventory'],
  ])('404 for %s %s', async (method, path) => {
    const answer = await api(method, path, `eolw_${'A'.repeat(43)}`);
    expect(answer.status).toBe(404);
    expect(answer.json.error).toMatch(/No such/);
  });

  it('405 for a method a path does not take', async () => {
    const answer = await api('DELETE', '/api/v1/channels/CMET/inventory', null);
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET, PUT');
  });

  it('429 past 60 requests a minute per token, with Retry-After; other tokens go on', async () => {
    const busy = await newToken('busy');
    const statuses = [];
    for (let n = 0; n < 61; n += 1) statuses.push((await api('GET', '/api/v1/report', busy)).status);
    expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
    const limited = await api('GET', '/api/v1/report', busy);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api('GET', '/api/v1/report', await newToken('calm'))).status).toBe(200);
  });
});

describe('one workspace’s token never reaches another’s data', () => {
  it('writes and reads only its own workspace, whatever channel it names', async () => {
    const t1 = await newToken('t1-only');
    await api('PUT', '/api/v1/channels/CSHARED/inventory', t1, JSON.stringify({ counts: { xp: 5 } }));
    const t2 = await newToken('other', 'T2');
    const put = await api(
      'PUT',
      '/api/v1/channels/CSHARED/inventory',
      t2,
      JSON.stringify({ counts: { 'win 8.1': 9 } }),
    );
    expect(put.status).toBe(200);
    expect(await counts('CSHARED', 'T1')).toEqual({ 'windows/5-sp3': 5 });
    expect(await counts('CSHARED', 'T2')).toEqual({ 'windows/8.1': 9 });
    expect((await api('GET', '/api/v1/channels/CMET/inventory', t2)).json.counts).toEqual([]);
    const report = await api('GET', '/api/v1/report', t2);
    expect(report.json.workspace).toBe('T2');
    expect(report.json.teams).toEqual([{ channel: 'CSHARED', name: null }]);
    expect(JSON.stringify(report.json)).not.toContain('CMET');
  });

  it('a workspace cannot revoke or list another’s tokens', async () => {
    const other = { workspace: 'T2', channel: 'C1', user: ADMIN };
    expect(await runText('api token revoke t1-only', commands, other)).toMatchObject({
      kind: 'invalid',
      reason: expect.stringContaining('has no token called “t1-only”'),
    });
    expect(JSON.stringify(await runText('api tokens', commands, other))).not.toContain('t1-only');
    expect((await store.apiTokens('T1')).map((token) => token.name)).toContain('t1-only');
  });
});

describe('a store that cannot save, and counts past the limit', () => {
  it('answers 503 with Retry-After for JSON and CSV alike when the store is busy, and saves nothing', async () => {
    const token = await newToken('busy-store');
    const { StoreBusyError } = await import('../../src/inventory/inventory-store.js');
    const updateCounts = store.updateCounts.bind(store);
    store.updateCounts = () => Promise.reject(new StoreBusyError('the store is locked by another process'));
    try {
      for (const [body, type] of [
        ['{"counts": {"xp": 5}}', 'application/json'],
        ['release,count\nxp,5\n', 'text/csv'],
      ] as const) {
        const answer = await api('PUT', '/api/v1/channels/CBUSY/inventory', token, body, type);
        expect([type, answer.status, answer.headers.get('retry-after')]).toEqual([type, 503, '5']);
        expect(answer.json.error).toMatch(/^Nothing saved: the store is busy/);
      }
    } finally {
      store.updateCounts = updateCounts;
    }
    expect(await counts('CBUSY')).toEqual({});
  });

  it('answers 400, naming the limit, when adding would take a count past it', async () => {
    const token = await newToken('past-limit');
    expect((await api('PUT', '/api/v1/channels/CMAX/inventory', token, '{"counts": {"xp": 10000000}}')).status).toBe(
      200,
    );
    const over = await api('PUT', '/api/v1/channels/CMAX/inventory', token, '{"counts": {"xp": 1}, "mode": "add"}');
    expect([over.status, over.json.error]).toEqual([
      400,
      'Nothing saved: adding those would take a count past 10,000,000.',
    ]);
    expect(await counts('CMAX')).toEqual({ 'windows/5-sp3': 10_000_000 });
  });
});
