// Who is speaking in the shell and the CLI: a local workspace, channel and user unless chosen with
// --workspace, --channel and --user, so one shell can play several teams.
import type { Speaker } from '../commands/command-types.js';

export const LOCAL_SPEAKER: Speaker = { workspace: 'local', channel: 'shell', user: 'local-user' };

// The same rule as Slack's own ids (letters, digits), with . _ - allowed: they name files on disk.
const SPEAKER_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function checkSpeaker(speaker: Speaker): string | null {
  for (const [field, value] of Object.entries(speaker)) {
    if (!SPEAKER_ID.test(value)) return `--${field} takes 1 to 64 letters, digits, dots, dashes or underscores, not "${value}"`;
  }
  return null;
}
