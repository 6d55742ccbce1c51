// `/eol audit [#channel] [release]`: the latest changes, privately. Admins see the whole workspace,
// anyone else their own channel. On the command line, `audit [--since DATE] [--format csv|json]` exports it.
import { writeCsv } from '../leaf/csv.js';
import type { AuditEntry } from '../audit/audit-log.js';
import { parseIsoDate } from '../leaf/calendar-date.js';
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Request, Result, Speaker } from './command-types.js';
import { releaseKeyOf } from './inventory-rows.js';
import { isAdmin } from './is-admin.js';
import { resolveOneRelease } from './resolve-one-release.js';

const MAX_AUDIT_LINES = 20;
const COLUMNS: (keyof AuditEntry)[] = ['at', 'user', 'via', 'channel', 'action', 'change', 'releases'];
const USAGE =
  'Use `/eol audit`, `/eol audit #channel`, `/eol audit <release>`, or on the command line `audit [--since YYYY-MM-DD] [--format csv|json]`.';

export const auditCommand: CommandDefinition = {
  name: 'audit',
  usage: '/eol audit [#channel] [<release>]',
  summary:
    'The latest changes (who, when, where, through what, what changed), only to you. Admins see the whole workspace; others their channel. On the command line `audit --format csv|json` exports it all.',
  parse: (args) => {
    const words = args.split(/\s+/).filter((word) => word !== '');
    let channel: string | null = null;
    let since: string | null = null;
    let format: 'csv' | 'json' | null = null;
    const rest: string[] = [];
    for (let index = 0; index < words.length; index += 1) {
      const word = words[index] as string;
      if (word === '--since' || word === '--format') {
        const value = words[(index += 1)] ?? '';
        if (word === '--since') {
          since = parseIsoDate(value);
          if (!since)
            return { kind: 'invalid', reason: `--since takes a date as YYYY-MM-DD, not “${value.slice(0, 40)}”.` };
        } else if (value === 'csv' || value === 'json') format = value;
        else return { kind: 'invalid', reason: USAGE };
        continue;
      }
      const mentioned = /^<#([A-Z0-9]{1,20})(?:\|[^>]*)?>$/.exec(word);
      if (mentioned) channel = mentioned[1] as string;
      else rest.push(word);
    }
    return { kind: 'audit', channel, release: rest.join(' ') || null, since, format };
  },
  run: { audit: runAudit },
  // Anyone sees their own channel's changes; the log's export and other channels are for admins.
  adminOnly: {
    audit: ({ format, channel }, speaker) =>
      format !== null
        ? 'Only eolwatch admins export the audit log. `/eol admins` lists them.'
        : channel !== null && channel !== speaker.channel
          ? 'Only eolwatch admins see other channels’ changes. `/eol admins` lists them.'
          : null,
  },
  cli: [
    {
      usage: '--workspace W audit [--since YYYY-MM-DD] [--format csv|json]',
      words: ['audit'],
      // On the command line `audit` is an export of the whole log, CSV unless --format says otherwise.
      read: (rest) =>
        auditCommand.parse([...rest, ...(rest.includes('--format') ? [] : ['--format', 'csv'])].join(' ')),
    },
  ],
};

type AuditRequest = Extract<Request, { kind: 'audit' }>;

async function runAudit(request: AuditRequest, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const admin = await isAdmin(deps, speaker);
  let release: string | null = null;
  if (request.release) {
    const resolved = resolveOneRelease(request.release, deps);
    if ('reason' in resolved) return { kind: 'invalid', reason: `“${request.release}” ${resolved.reason}.` };
    release = releaseKeyOf(resolved.release);
  }
  const channel = request.channel ?? (admin ? undefined : speaker.channel);
  const entries = (
    await (
      await deps.store()
    ).auditEntries(speaker.workspace, {
      ...(channel ? { channel } : {}),
      ...(request.since ? { since: request.since } : {}),
    })
  ).filter((entry) => release === null || entry.releases.includes(release));
  if (request.format !== null) {
    const content =
      request.format === 'csv'
        ? writeCsv(
            COLUMNS,
            entries.map((entry) =>
              COLUMNS.map((column) => (column === 'releases' ? entry.releases.join(' ') : entry[column])),
            ),
          )
        : `${JSON.stringify({ workspace: speaker.workspace, entries }, null, 2)}\n`;
    return {
      kind: 'export',
      scope: 'audit',
      format: request.format,
      fileName: `eolwatch-audit-${speaker.workspace}.${request.format}`,
      content,
      rows: entries.length,
      machines: 0,
    };
  }
  return {
    kind: 'audit',
    scope: channel ? { channel } : 'workspace',
    entries: entries.slice(-MAX_AUDIT_LINES),
    omitted: Math.max(0, entries.length - MAX_AUDIT_LINES),
  };
}
