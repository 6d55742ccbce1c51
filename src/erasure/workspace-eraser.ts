// Erasing a workspace for good (after an uninstall's grace period): every store removes all it keeps
// about it, history included. The keys of reminder records and marks start with the workspace.

export interface WorkspaceEraser {
  forgetWorkspace(workspace: string): Promise<void>;
}

/** Whether a reminder, notice or milestone key belongs to the workspace (reminders/watch-store.ts). */
export const isKeyOfWorkspace = (key: string, workspace: string): boolean => key.startsWith(`${workspace}|`) || key.startsWith(`notice|${workspace}|`);
