// A connector's devices from its device manager: Intune through Microsoft Graph, or Jamf Pro.
import type { ConnectorSettings, DeviceRecord } from '../connectors/connector.js';
import { DeviceManagerError, type FetchOptions } from './fetch-json.js';
import { readIntuneDevices } from './intune-devices.js';
import { readJamfComputers } from './jamf-devices.js';

export function readDevices(
  connector: ConnectorSettings,
  secret: string,
  endpoints: { graphUrl: string; loginUrl: string },
  options: FetchOptions = {},
): Promise<DeviceRecord[]> {
  if (connector.kind === 'intune') {
    if (!connector.tenant) throw new DeviceManagerError('an Intune connector needs its tenant');
    return readIntuneDevices({ ...endpoints, tenant: connector.tenant, clientId: connector.clientId, secret }, options);
  }
  if (!connector.url) throw new DeviceManagerError('a Jamf Pro connector needs its server URL');
  return readJamfComputers({ url: connector.url, clientId: connector.clientId, secret }, options);
}
