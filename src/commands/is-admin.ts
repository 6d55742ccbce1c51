// Whether the speaker is an eolwatch admin of their workspace, and whether a lock stops their change.
import type { CommandDeps, Speaker } from './command-types.js';

/** Admins: those of EOLWATCH_ADMINS (single workspace), and those added in Slack or who installed it. */
export async function isAdmin(deps: CommandDeps, speaker: Speaker): Promise<boolean> {
  if (deps.admins.has(speaker.user)) return true;
  return (await (await deps.store()).admins(speaker.workspace)).includes(speaker.user);
}

const LOCKED_REASON =
  'Nothing changed: this channel is locked, so only eolwatch admins change its counts and watches (`/eol admins` lists them).';

/** The refusal when the speaker's channel is locked and they are no admin; null when they may go on. */
export async function lockRefusal(deps: CommandDeps, speaker: Speaker): Promise<string | null> {
  if (!(await (await deps.store()).channelLocked(speaker))) return null;
  return (await isAdmin(deps, speaker)) ? null : LOCKED_REASON;
}
