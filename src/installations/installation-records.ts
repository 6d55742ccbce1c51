// Workspaces that installed eolwatch through OAuth: each installation (with its bot token) kept by key,
// `T:<team id>` for one workspace, `E:<enterprise id>` for an org-wide install. A store role of its own:
// the core never reads it; only the Slack adapter does (slack/installation-store.ts).

export interface InstallationRecords {
  saveInstallation(key: string, installation: unknown): Promise<void>;
  installation(key: string): Promise<unknown>;
  /** Resolves true when there was one. */
  deleteInstallation(key: string): Promise<boolean>;
  /** Every key that starts with `prefix`. */
  installationKeys(prefix: string): Promise<string[]>;
}

export const workspaceInstallKey = (teamId: string): string => `T:${teamId}`;
export const orgInstallKey = (enterpriseId: string): string => `E:${enterpriseId}`;
/** When a workspace uninstalled (`{ at }`): its data goes once the grace period has passed. */
export const uninstalledKey = (teamId: string): string => `U:${teamId}`;
/** A workspace seen under an org-wide install (`{ enterpriseId }`): its scheduled posts use the org's token. */
export const orgWorkspaceKey = (teamId: string): string => `W:${teamId}`;
/** An OAuth state handed out and not yet used (`{ at, installOptions }`): single-use, across replicas. */
export const oauthStateKey = (state: string): string => `S:${state}`;
