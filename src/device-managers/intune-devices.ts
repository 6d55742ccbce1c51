// Intune's managed devices through Microsoft Graph, app-only: a client-credentials token from Entra ID
// (`{login}/{tenant}/oauth2/v2.0/token`, scope https://graph.microsoft.com/.default) and
// `GET /v1.0/deviceManagement/managedDevices` with the fields eolwatch reads, following @odata.nextLink
// to the end. Needs DeviceManagementManagedDevices.Read.All (application), with admin consent.
import type { DeviceRecord } from '../connectors/connector.js';
import { clientCredentialsToken, getWithToken } from './client-credentials.js';
import { DeviceManagerError, fieldText, type FetchOptions } from './fetch-json.js';

export interface IntuneAccess {
  graphUrl: string;
  loginUrl: string;
  tenant: string;
  clientId: string;
  secret: string;
}

const FIELDS = [
  'id',
  'deviceName',
  'operatingSystem',
  'osVersion',
  'deviceCategoryDisplayName',
  'managedDeviceOwnerType',
  'lastSyncDateTime',
];
/** A fleet's pages end; a nextLink chain that does not is refused rather than followed for ever. */
const MAX_PAGES = 100_000;

export async function readIntuneDevices(access: IntuneAccess, options: FetchOptions = {}): Promise<DeviceRecord[]> {
  const trimmed = (url: string) => url.replace(/\/+$/, '');
  const tokens = clientCredentialsToken(
    `${trimmed(access.loginUrl)}/${encodeURIComponent(access.tenant)}/oauth2/v2.0/token`,
    {
      client_id: access.clientId,
      client_secret: access.secret,
      scope: `${new URL(access.graphUrl).origin}/.default`,
      grant_type: 'client_credentials',
    },
    'Microsoft Entra ID',
    options,
  );
  const devices: DeviceRecord[] = [];
  let next: string | null =
    `${trimmed(access.graphUrl)}/v1.0/deviceManagement/managedDevices?$select=${FIELDS.join(',')}`;
  for (let page = 1; next !== null; page += 1) {
    if (page > MAX_PAGES) throw new DeviceManagerError('Microsoft Graph: more pages than any fleet has');
    const body = (await getWithToken(next, tokens, `Microsoft Graph, page ${page}`, options)) as {
      value?: unknown;
      '@odata.nextLink'?: unknown;
    } | null;
    if (!body || !Array.isArray(body.value))
      throw new DeviceManagerError(`Microsoft Graph, page ${page}: not a list of devices`);
    for (const device of body.value as Record<string, unknown>[])
      devices.push(Object.fromEntries(FIELDS.map((field) => [field, fieldText(device[field])])));
    next = typeof body['@odata.nextLink'] === 'string' ? body['@odata.nextLink'] : null;
  }
  return devices;
}
