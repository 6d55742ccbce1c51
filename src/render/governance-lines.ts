// The admins and channel-lock answers as lines, for both renderers; null for other results.
import type { Result } from '../commands/command-types.js';
import type { Formatter } from './formatter.js';

export function governanceLines(result: Result, f: Formatter): string[] | null {
  switch (result.kind) {
    case 'admins': {
      const lines: string[] = [];
      if (result.changed)
        lines.push(
          `${f.user(result.changed.user)} ${result.changed.admin ? 'is now an eolwatch admin' : 'is no longer an eolwatch admin'}.`,
        );
      lines.push(f.strong('eolwatch admins of this workspace'));
      if (result.admins.length === 0)
        lines.push(
          'None yet: set EOLWATCH_ADMINS, or install eolwatch through OAuth (the installer becomes the first).',
        );
      lines.push(
        ...result.admins.map(
          (admin) => `• ${f.user(admin.user)}${admin.source === 'configured' ? ' (EOLWATCH_ADMINS)' : ''}`,
        ),
      );
      return lines;
    }
    case 'audit': {
      const where =
        result.scope === 'workspace' ? 'this workspace' : f.team({ channel: result.scope.channel, name: null });
      if (result.entries.length === 0) return [`No changes recorded in ${where} yet.`];
      return [
        `${f.strong(`Changes in ${where}`)}${result.omitted > 0 ? ` (the last ${result.entries.length}; ${result.omitted} earlier: \`audit --format csv\` on the command line exports them all)` : ''}`,
        ...result.entries.map(
          (entry) =>
            `• ${f.date(entry.at.slice(0, 10))} ${entry.at.slice(11, 16)} ${entry.via === 'api' ? `API token “${f.text(entry.user)}”` : f.user(entry.user)} via ${entry.via}${entry.channel ? ` in ${f.team({ channel: entry.channel, name: null })}` : ''}: ${entry.action} ${f.text(entry.change)}`,
        ),
      ];
    }
    case 'forget': {
      const what =
        result.target === 'workspace' ? 'this workspace' : f.team({ channel: result.target.channel, name: null });
      const counts = `${result.teams} team(s), ${result.machines} machine count(s), ${result.history} history entr${result.history === 1 ? 'y' : 'ies'}, ${result.watches} watch(es)`;
      if (result.confirmed)
        return [
          `Erased for good: everything eolwatch kept about ${what} (${counts}). The audit log records the erasure.`,
        ];
      const confirm =
        result.target === 'workspace'
          ? '`/eol forget workspace confirm`'
          : `\`/eol forget <#${result.target.channel}> confirm\``;
      return [
        `${f.strong(`This erases everything eolwatch keeps about ${what}, for good`)}: ${counts}, with their contracts, reminder records, snoozes and audit entries.`,
        `Nothing has been erased yet. To erase it: ${confirm}.`,
      ];
    }
    case 'imported-all':
      return [
        `Imported the workspace: ${result.teams} team(s) with ${result.history} history entries, their watches, contracts, reminder records, marks, admins, API tokens and audit log.`,
      ];
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
