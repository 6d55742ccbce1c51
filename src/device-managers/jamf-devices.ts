// Jamf Pro's computers: an API client's token (`POST /api/oauth/token`, the API role needs Read Computers)
// and `GET /api/v1/computers-inventory?section=GENERAL&section=OPERATING_SYSTEM`, 100 a page, until
// totalCount are read. The token is fetched again before it expires, or when refused.
import type { DeviceRecord } from '../connectors/connector.js';
import { clientCredentialsToken, getWithToken } from './client-credentials.js';
import { DeviceManagerError, fieldText, type FetchOptions } from './fetch-json.js';

export interface JamfAccess {
  url: string;
  clientId: string;
  secret: string;
}

const PAGE_SIZE = 100;
const MAX_PAGES = 10_000;

export async function readJamfComputers(access: JamfAccess, options: FetchOptions = {}): Promise<DeviceRecord[]> {
  const base = access.url.replace(/\/+$/, '');
  const tokens = clientCredentialsToken(
    `${base}/api/oauth/token`,
    { client_id: access.clientId, client_secret: access.secret, grant_type: 'client_credentials' },
    'Jamf Pro',
    options,
  );
  const devices: DeviceRecord[] = [];
  for (let page = 0; ; page += 1) {
    if (page >= MAX_PAGES) throw new DeviceManagerError('Jamf Pro: more pages than any fleet has');
    const url = `${base}/api/v1/computers-inventory?section=GENERAL&section=OPERATING_SYSTEM&page=${page}&page-size=${PAGE_SIZE}&sort=id%3Aasc`;
    const body = (await getWithToken(url, tokens, `Jamf Pro, page ${page + 1}`, options)) as {
      totalCount?: unknown;
      results?: unknown;
    } | null;
    if (!body || !Array.isArray(body.results) || typeof body.totalCount !== 'number')
      throw new DeviceManagerError(`Jamf Pro, page ${page + 1}: not a list of computers`);
    for (const computer of body.results as Record<string, unknown>[]) {
      const os = (computer.operatingSystem ?? {}) as Record<string, unknown>;
      const general = (computer.general ?? {}) as Record<string, unknown>;
      devices.push({
        id: fieldText(computer.id),
        name: fieldText(general.name),
        operatingSystem: fieldText(os.name) || 'macOS',
        osVersion: fieldText(os.version),
        build: fieldText(os.build),
      });
    }
    if (devices.length >= body.totalCount || body.results.length === 0) return devices;
  }
}
