// Connectors kept as records (installations/): `X:<workspace>|<name>`, erased with their workspace, one
// per channel at most. The secret is kept sealed (secret-box.ts) and never leaves this module open.
import type { InstallationRecords } from '../installations/installation-records.js';
import type { ConnectorSettings, SyncSummary } from './connector.js';

export interface StoredConnector extends ConnectorSettings {
  workspace: string;
  sealedSecret: string;
  addedBy: string;
  addedAt: string;
  lastSync: SyncSummary | null;
  /** Set when the channel's admins were told of a failing sync; cleared by the next good one. */
  failureToldAt: string | null;
}

/** A connector as it may be shown: everything but the sealed secret. */
export type ShownConnector = Omit<StoredConnector, 'sealedSecret'>;

const keyOf = (workspace: string, name: string) => `X:${workspace}|${name}`;
/** Erasure: every connector record of a workspace starts with this. */
export const workspaceConnectorPrefix = (workspace: string): string => `X:${workspace}|`;

export async function connectorsOf(records: InstallationRecords, workspace: string): Promise<StoredConnector[]> {
  const keys = await records.installationKeys(workspaceConnectorPrefix(workspace));
  const found = await Promise.all(keys.sort().map((key) => records.installation(key)));
  return found.filter((record): record is StoredConnector => record !== null);
}

export async function connectorNamed(
  records: InstallationRecords,
  workspace: string,
  name: string,
): Promise<StoredConnector | null> {
  return (await records.installation(keyOf(workspace, name))) as StoredConnector | null;
}

export function saveConnector(records: InstallationRecords, connector: StoredConnector): Promise<void> {
  return records.saveInstallation(keyOf(connector.workspace, connector.name), connector);
}

export function removeConnector(records: InstallationRecords, workspace: string, name: string): Promise<boolean> {
  return records.deleteInstallation(keyOf(workspace, name));
}
