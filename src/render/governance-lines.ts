// The admins and channel-lock answers as lines, for both renderers; null for other results.
import type { Result } from '../commands/command-types.js';
import type { Formatter } from './formatter.js';

export function governanceLines(result: Result, f: Formatter): string[] | null {
  switch (result.kind) {
    case 'admins': {
      const lines: string[] = [];
      if (result.changed) lines.push(`${f.user(result.changed.user)} ${result.changed.admin ? 'is now an eolwatch admin' : 'is no longer an eolwatch admin'}.`);
      lines.push(f.strong('eolwatch admins of this workspace'));
      if (result.admins.length === 0) lines.push('None yet: set EOLWATCH_ADMINS, or install eolwatch through OAuth (the installer becomes the first).');
      lines.push(...result.admins.map((admin) => `• ${f.user(admin.user)}${admin.source === 'configured' ? ' (EOLWATCH_ADMINS)' : ''}`));
      return lines;
    }
    case 'channel-lock':
      return [
        result.locked
          ? `This channel is locked: only eolwatch admins change its counts and watches. \`/eol unlock\` reverses it.`
          : 'This channel is unlocked: anyone in it may change its counts and watches.',
      ];
    default:
      return null;
  }
}
