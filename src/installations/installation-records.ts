// Workspaces that installed eolwatch through OAuth: each installation (with its bot token) kept by key,
// `T:<team id>` for one workspace, `E:<enterprise id>` for an org-wide install. A store role of its own:
// the core never reads it; only the Slack adapter does (slack/installation-store.ts).

export interface InstallationRecords {
  saveInstallation(key: string, installation: unknown): Promise<void>;
  installation(key: string): Promise<unknown>;
  /** Resolves true when there was one. */
  deleteInstallation(key: string): Promise<boolean>;
}

export const workspaceInstallKey = (teamId: string): string => `T:${teamId}`;
export const orgInstallKey = (enterpriseId: string): string => `E:${enterpriseId}`;
