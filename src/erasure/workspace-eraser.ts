// Erasing a workspace (after an uninstall's grace period, or `/eol forget`) or one channel's team for
// good: every store removes all it keeps about it, history included. Reminder and mark keys start with
// the workspace and channel.
import type { TeamRef } from '../inventory/inventory-store.js';

export interface WorkspaceEraser {
  forgetWorkspace(workspace: string): Promise<void>;
  /** One channel's team: counts, history, watches, contracts, reminder records, marks, lock and audit entries. */
  forgetChannel(ref: TeamRef): Promise<void>;
}

/** Whether a reminder, notice or milestone key belongs to the channel. */
export const isKeyOfChannel = (key: string, ref: TeamRef): boolean =>
  key.startsWith(`${ref.workspace}|${ref.channel}|`) || key.startsWith(`notice|${ref.workspace}|${ref.channel}|`);

/** Whether a reminder, notice or milestone key belongs to the workspace (reminders/watch-store.ts). */
export const isKeyOfWorkspace = (key: string, workspace: string): boolean =>
  key.startsWith(`${workspace}|`) || key.startsWith(`notice|${workspace}|`);
