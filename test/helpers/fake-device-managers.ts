// Microsoft Entra ID, Microsoft Graph and Jamf Pro as small local HTTP servers shaped like the real APIs:
// client-credentials tokens that expire (after a number of uses, so a sync crosses one), Graph's pages
// chained by absolute @odata.nextLink URLs, Jamf's numbered pages with totalCount, 429 with Retry-After,
// invalid_client for a wrong secret, and a page that keeps failing when told to.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeDevice {
  deviceName: string;
  operatingSystem: string;
  osVersion: string;
  deviceCategoryDisplayName?: string;
  managedDeviceOwnerType?: string;
  build?: string;
}

export class FakeDeviceManagers {
  private server: Server | null = null;
  base = '';
  /** Intune's devices, and Jamf's computers. */
  intune: FakeDevice[] = [];
  jamf: FakeDevice[] = [];
  clients = new Map<string, string>([['app-id', 'the-secret']]);
  pageSize = 100;
  /** Each token is good for this many requests; the next is answered 401. */
  tokenUses = Number.POSITIVE_INFINITY;
  /** Pages (1-based, Graph) answered 429 once, with Retry-After: 1. */
  throttleOnce = new Set<number>();
  /** A Graph page (1-based) answered 500 every time. */
  failingPage: number | null = null;
  tokensIssued = 0;
  requests: { method: string; path: string; authorization: string }[] = [];
  private readonly tokens = new Map<string, number>();

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    const url = new URL(req.url ?? '/', this.base);
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      authorization: req.headers.authorization ?? '',
    });
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    if (
      req.method === 'POST' &&
      (/\/oauth2\/v2\.0\/token$/.test(url.pathname) || url.pathname === '/api/oauth/token')
    ) {
      const form = new URLSearchParams(body);
      if (form.get('grant_type') !== 'client_credentials') return json(400, { error: 'unsupported_grant_type' });
      if (this.clients.get(form.get('client_id') ?? '') !== form.get('client_secret'))
        return json(401, {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.',
        });
      const token = `token-${(this.tokensIssued += 1)}`;
      this.tokens.set(token, 0);
      return json(200, { token_type: 'Bearer', expires_in: 3599, access_token: token });
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const uses = this.tokens.get(token);
    if (uses === undefined || uses >= this.tokenUses)
      return json(401, { error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired.' } });
    this.tokens.set(token, uses + 1);
    if (url.pathname === '/v1.0/deviceManagement/managedDevices') {
      const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
      const page = skip / this.pageSize + 1;
      if (this.failingPage === page) return json(500, { error: { code: 'InternalServerError' } });
      if (this.throttleOnce.delete(page))
        return json(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': '1' });
      const value = this.intune.slice(skip, skip + this.pageSize).map((device, index) => ({
        id: `d-${skip + index}`,
        ...device,
        lastSyncDateTime: '2024-05-01T08:00:00Z',
      }));
      const next = skip + this.pageSize < this.intune.length;
      const link = new URL(url);
      link.searchParams.set('$skiptoken', String(skip + this.pageSize));
      return json(200, { value, ...(next ? { '@odata.nextLink': link.href } : {}) });
    }
    if (url.pathname === '/api/v1/computers-inventory') {
      const page = Number(url.searchParams.get('page') ?? 0);
      const size = Number(url.searchParams.get('page-size') ?? 100);
      const results = this.jamf.slice(page * size, page * size + size).map((computer, index) => ({
        id: String(page * size + index + 1),
        general: { name: computer.deviceName },
        operatingSystem: { name: computer.operatingSystem, version: computer.osVersion, build: computer.build ?? '' },
      }));
      return json(200, { totalCount: this.jamf.length, results });
    }
    json(404, { error: 'not found' });
  }
}

/** `count` Intune devices named PREFIX-n on one OS version. */
export const devices = (prefix: string, count: number, operatingSystem: string, osVersion: string): FakeDevice[] =>
  Array.from({ length: count }, (_, index) => ({
    deviceName: `${prefix}-${String(index).padStart(4, '0')}`,
    operatingSystem,
    osVersion,
    managedDeviceOwnerType: 'company',
  }));
