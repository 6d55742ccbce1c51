// Who may change what, per workspace: admins added in Slack (beside EOLWATCH_ADMINS and the OAuth
// installer), and channels locked so that only admins change their counts and watches.
import type { TeamRef } from '../inventory/inventory-store.js';

export interface RoleStore {
  /** The admins added in Slack (and the installer), not those of EOLWATCH_ADMINS. */
  admins(workspace: string): Promise<string[]>;
  /** Resolves false when it was so already. */
  setAdmin(workspace: string, user: string, admin: boolean): Promise<boolean>;
  channelLocked(ref: TeamRef): Promise<boolean>;
  setChannelLock(ref: TeamRef, locked: boolean): Promise<void>;
}
