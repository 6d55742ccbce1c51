// Connectors end to end on the command line, against local fakes of Entra ID, Graph and Jamf Pro: added
// with the secret from a variable, synced through every page (a 429 and an expiring token on the way),
// two connectors splitting one tenant by rule, a second sync following the fleet, a failed sync changing
// nothing, and the secret in no store file, no output and no export.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandDeps } from '../../src/commands/command-types.js';
import { readDevices } from '../../src/device-managers/read-devices.js';
import { cliWith } from '../helpers/cli-in-process.js';
import { LowdbStore } from '../../src/store/json/lowdb-store.js';
import { devices, FakeDeviceManagers } from '../helpers/fake-device-managers.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { depsAt } from '../helpers/test-core.js';

const SECRET = 'the-secret';
const KEY = randomBytes(32).toString('base64');
const temp = makeTempDir();
let fake: FakeDeviceManagers;
let store: LowdbStore;
let deps: CommandDeps;
const output: string[] = [];

beforeAll(async () => {
  fake = await new FakeDeviceManagers().start();
  store = await LowdbStore.open(join(temp.path, 'eolwatch.json'));
  deps = depsAt('2024-06-01', {
    store: async () => store,
    secretKey: KEY,
    readDevices: (connector, secret) => readDevices(connector, secret, { graphUrl: fake.base, loginUrl: fake.base }),
  });
});
afterAll(async () => {
  await store.close();
  await fake.stop();
  temp.remove();
});
beforeEach(() => {
  fake.tokenUses = Number.POSITIVE_INFINITY;
  fake.throttleOnce.clear();
  fake.failingPage = null;
});

async function eolwatch(args: string[], env: Record<string, string> = { MET_SECRET: SECRET }, withDeps = deps) {
  const run = await cliWith(withDeps, ['--workspace', 'T1', ...args], env);
  output.push(run.stdout, run.stderr);
  return run;
}

const counts = async (channel: string) => (await store.team({ workspace: 'T1', channel })).counts;
const addIntune = (name: string, channel: string, ...where: string[]) =>
  eolwatch([
    'connector',
    'add',
    'intune',
    '--name',
    name,
    '--channel',
    channel,
    '--tenant',
    'contoso.onmicrosoft.com',
    '--client-id',
    'app-id',
    '--client-secret-env',
    'MET_SECRET',
    ...where.flatMap((rule) => ['--where', rule]),
  ]);

describe('adding a connector', () => {
  it('refuses a secret on the command line itself, and without EOLWATCH_SECRET_KEY', async () => {
    const inline = await eolwatch([
      'connector',
      'add',
      'intune',
      '--name',
      'x',
      '--channel',
      'CX',
      '--tenant',
      't',
      '--client-id',
      'app-id',
      '--client-secret',
      SECRET,
    ]);
    expect(inline.code).toBe(2);
    expect(inline.stderr).toContain('not on the command line');
    const keyless = { ...deps, secretKey: null };
    const refused = await eolwatch(
      [
        'connector',
        'add',
        'intune',
        '--name',
        'x',
        '--channel',
        'CX',
        '--tenant',
        't',
        '--client-id',
        'app-id',
        '--client-secret-env',
        'MET_SECRET',
      ],
      { MET_SECRET: SECRET },
      keyless,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing added: EOLWATCH_SECRET_KEY is not set');
    expect((await eolwatch(['connector', 'list'])).stdout).toContain('no connectors');
  });

  it.each([
    [['--where', 'deviceName~MET'], /is not a rule/],
    [['--name', 'Bad Name'], /connector name is 1 to 40/],
  ])('refuses bad settings %j, saying why', async (extra, reason) => {
    const args = [
      'connector',
      'add',
      'intune',
      '--name',
      'ok-name',
      '--channel',
      'CX',
      '--tenant',
      't',
      '--client-id',
      'app-id',
      '--client-secret-env',
      'MET_SECRET',
      ...extra,
    ];
    const run = await eolwatch(args);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(reason);
  });
});

describe('syncing from Intune', () => {
  beforeAll(async () => {
    fake.intune = [
      ...devices('MET', 150, 'Windows', '10.0.19045.4291'),
      ...devices('MET', 60, 'Windows', '6.3.9600.20778').map((d, i) => ({ ...d, deviceName: `MET-81-${i}` })),
      ...devices('MET', 40, 'macOS', '14.4.1 (23E224)').map((d, i) => ({ ...d, deviceName: `MET-MAC-${i}` })),
      // As Graph gives them: Windows 11 by its build, iOS and Android by their versions alone.
      ...devices('MET', 25, 'Windows', '10.0.22631.3447').map((d, i) => ({ ...d, deviceName: `MET-W11-${i}` })),
      ...devices('MET', 20, 'iOS', '17.4.1').map((d, i) => ({ ...d, deviceName: `MET-IOS-${i}` })),
      ...devices('MET', 15, 'Android', '14').map((d, i) => ({ ...d, deviceName: `MET-AND-${i}` })),
      ...devices('CTY', 30, 'Windows', '10.0.19045.4291'),
      ...devices('MET', 5, 'Plan9', '4').map((d, i) => ({ ...d, deviceName: `MET-P9-${i}` })),
    ];
    expect((await addIntune('met-intune', 'CMET', 'deviceName^=MET-')).code).toBe(0);
    expect((await addIntune('city-intune', 'CCITY', 'deviceName^=CTY-', 'managedDeviceOwnerType=company')).code).toBe(
      0,
    );
  });

  it('reads every page, through a 429 and an expiring token, and replaces the channel’s counts', async () => {
    fake.throttleOnce.add(2);
    fake.tokenUses = 2;
    const tokensBefore = fake.tokensIssued;
    const run = await eolwatch(['connector', 'sync', 'met-intune']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('345 devices read, 315 the team');
    expect(run.stdout).toContain('5 devices on OS versions no release matched (“Plan9 4” 5)');
    expect(await counts('CMET')).toEqual({
      'windows/10-22h2': 150,
      'windows/8.1': 60,
      'macos/14': 40,
      // No edition in Graph's fields: the one whose support ends first, as a device import counts it.
      'windows/11-23h2-w': 25,
      'ios/17': 20,
      'android/14': 15,
    });
    expect(fake.tokensIssued - tokensBefore).toBeGreaterThan(1);
  });

  it('splits one tenant between two connectors by their rules', async () => {
    expect((await eolwatch(['connector', 'sync', 'city-intune'])).code).toBe(0);
    expect(await counts('CCITY')).toEqual({ 'windows/10-22h2': 30 });
    expect((await counts('CMET'))['windows/10-22h2']).toBe(150);
  });

  it('follows the fleet on the next sync, in the history as via the connector', async () => {
    fake.intune = fake.intune.filter((device, index) => !(device.deviceName.startsWith('MET-0') && index % 3 === 0));
    const before = (await counts('CMET'))['windows/10-22h2'] ?? 0;
    expect((await eolwatch(['connector', 'sync', 'met-intune'])).code).toBe(0);
    const after = (await counts('CMET'))['windows/10-22h2'] ?? 0;
    expect(after).toBeLessThan(before);
    const history = (await eolwatch(['--channel', 'CMET', 'inventory', 'history', 'windows 10 22h2'])).stdout;
    expect(history).toContain(`Microsoft Windows 10 22H2 ${before} → ${after} (via connector “met-intune”)`);
  });

  it('changes nothing when a page keeps failing, exits non-zero, and records why', async () => {
    const before = await counts('CMET');
    fake.failingPage = 2;
    const run = await eolwatch(['connector', 'sync', 'met-intune']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('failed, nothing changed: Microsoft Graph, page 2: HTTP 500');
    expect(await counts('CMET')).toEqual(before);
    expect((await store.auditEntries('T1')).at(-1)).toMatchObject({ action: 'connector.failed', via: 'connector' });
  });

  it('says so when the secret is refused (invalid_client), changing nothing', async () => {
    fake.clients.set('app-id', 'rotated');
    try {
      const run = await eolwatch(['connector', 'sync', 'city-intune']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Microsoft Entra ID refused the client id or secret (invalid_client)');
      expect(await counts('CCITY')).toEqual({ 'windows/10-22h2': 30 });
    } finally {
      fake.clients.set('app-id', SECRET);
    }
  });

  it('previews with --dry-run and saves nothing', async () => {
    const before = await counts('CCITY');
    fake.intune.push(...devices('CTY', 10, 'Windows', '6.3.9600.20778'));
    const run = await eolwatch(['connector', 'sync', 'city-intune', '--dry-run']);
    expect(run.stdout).toContain('dry run: nothing saved');
    expect(run.stdout).toContain('10 × Microsoft Windows 8.1');
    expect(await counts('CCITY')).toEqual(before);
  });

  it('lists the connectors with their last sync and never the secret', async () => {
    const list = await eolwatch(['connector', 'list']);
    expect(list.stdout).toContain(
      'met-intune: Intune (tenant contoso.onmicrosoft.com) → #CMET, devices where deviceName^=MET-',
    );
    expect(list.stdout).toContain('last sync 2024-06-01 failed, nothing changed: Microsoft Graph, page 2: HTTP 500');
    expect((await eolwatch(['connector', 'sync', 'met-intune'])).code).toBe(0);
    expect((await eolwatch(['connector', 'list'])).stdout).toMatch(
      /met-intune: .*\n {4}last sync 2024-06-01 12:00 UTC: \d+ devices read, \d+ the team's; 5 devices on OS versions no release matched/,
    );
  });
});

describe('syncing from Jamf Pro', () => {
  it('reads every page of computers and counts their macOS releases', async () => {
    fake.jamf = [
      ...devices('MAC', 180, 'macOS', '14.4.1'),
      ...devices('MAC', 45, 'macOS', '13.6.6').map((d) => ({ ...d, build: '22G630' })),
    ];
    const add = await eolwatch([
      'connector',
      'add',
      'jamf',
      '--name',
      'macs',
      '--channel',
      'CMACS',
      '--url',
      fake.base,
      '--client-id',
      'app-id',
      '--client-secret-env',
      'MET_SECRET',
    ]);
    expect(add.code).toBe(0);
    const run = await eolwatch(['connector', 'sync', 'macs']);
    expect(run.code).toBe(0);
    expect(await counts('CMACS')).toEqual({ 'macos/14': 180, 'macos/13': 45 });
    // 225 computers at 100 a page: three pages.
    expect(fake.requests.filter((request) => request.path === '/api/v1/computers-inventory')).toHaveLength(3);
  });
});

describe('the secret', () => {
  it('is in no store file, no output and no export', async () => {
    const files = (folder: string): string[] =>
      readdirSync(folder).flatMap((name) => {
        const path = join(folder, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    await store.close();
    store = await LowdbStore.open(join(temp.path, 'eolwatch.json'));
    for (const file of files(temp.path)) expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
    const exported = await eolwatch(['export', 'all']);
    expect(exported.stdout).not.toContain(SECRET);
    const document = JSON.parse(exported.stdout) as { connectors: { name: string }[]; connectorsNote: string };
    expect(document.connectors.map((connector) => connector.name).sort()).toEqual([
      'city-intune',
      'macs',
      'met-intune',
    ]);
    expect(document.connectorsNote).toContain('without their client secrets');
    for (const text of output) expect(text).not.toContain(SECRET);
  });

  it('is removed with its connector; the channel keeps its counts', async () => {
    const before = await counts('CMACS');
    expect((await eolwatch(['connector', 'remove', 'macs'])).stdout).toContain('Removed the connector “macs”');
    expect(await counts('CMACS')).toEqual(before);
    expect((await eolwatch(['connector', 'sync', 'macs'])).code).toBe(1);
  });
});

describe('in the daily job', () => {
  it('syncs every connector, and tells the admins of a failure once, until one succeeds', async () => {
    const { FakeSlackApi } = await import('../helpers/fake-slack-api.js');
    const { syncAllConnectors } = await import('../../src/wire-daily-job.js');
    const { createMetrics } = await import('../../src/metrics/metrics.js');
    const { pino } = await import('pino');
    const slack = await new FakeSlackApi().start();
    try {
      await store.setAdmin('T1', 'UADMIN2', true);
      const core = { store: async () => store, deps: () => deps } as unknown as Parameters<typeof syncAllConnectors>[0];
      const access = { botToken: 'xoxb-daily', apiUrl: slack.apiUrl };
      const metrics = createMetrics(() => '2024-06-01T00:00:00Z');
      const logged: string[] = [];
      const logger = pino({ level: 'debug' }, { write: (line: string) => logged.push(line) });
      const told = () =>
        slack.callsTo('chat.postMessage').filter((call) => String(call.body.text).includes('could not sync today'));
      fake.failingPage = 1;
      await syncAllConnectors(core, access, logger, metrics);
      await syncAllConnectors(core, access, logger, metrics);
      // Two connectors fail (met-intune, city-intune) on each run; each admin hears of each once.
      const first = told();
      expect(first.length).toBeGreaterThan(0);
      expect(new Set(first.map((call) => String(call.body.text).match(/“([a-z-]+)”/)?.[1]))).toEqual(
        new Set(['met-intune', 'city-intune']),
      );
      expect(first.every((call) => !String(call.body.text).includes(SECRET))).toBe(true);
      fake.failingPage = null;
      await syncAllConnectors(core, access, logger, metrics);
      fake.failingPage = 1;
      await syncAllConnectors(core, access, logger, metrics);
      // Told again after a success: a new failure.
      expect(told().length).toBe(first.length * 2);
      expect(await metrics.registry.metrics()).toMatch(/eolwatch_connector_syncs_total\{outcome="ok"\} 2/);
      expect(logged.some((line) => line.includes('connector sync failed'))).toBe(true);
      expect(logged.join('\n')).not.toContain(SECRET);
    } finally {
      fake.failingPage = null;
      await slack.stop();
    }
  });
});
