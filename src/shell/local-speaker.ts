// Who is speaking in the shell and the CLI: a local workspace, channel and user unless chosen with
// --workspace, --channel and --user, so one shell can play several teams.
import { isIdentifier } from '../leaf/check-identifier.js';
import type { Speaker } from '../commands/command-types.js';

export const LOCAL_SPEAKER: Speaker = { workspace: 'local', channel: 'shell', user: 'local-user', via: 'shell' };

export function checkSpeaker(speaker: Speaker): string | null {
  for (const [field, value] of Object.entries({
    workspace: speaker.workspace,
    channel: speaker.channel,
    user: speaker.user,
  })) {
    if (!isIdentifier(value))
      return `--${field} takes 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit, not "${String(value).slice(0, 80)}"`;
  }
  return null;
}
