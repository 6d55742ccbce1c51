// Connectors' answers: the list with each last sync, a sync's outcome, an addition or a removal. Never a
// secret: the results carry none.
import { releaseTitle } from '../catalog/release-title.js';
import type { Result } from '../commands/command-types.js';
import type { SyncSummary } from '../connectors/connector.js';
import type { ShownConnector } from '../connectors/connector-records.js';
import { formatCount, plural } from '../leaf/format-count.js';
import type { AnswerPart } from './answer-part.js';
import type { Formatter } from './formatter.js';

const UNMAPPED_SHOWN = 5;

function describe(connector: ShownConnector, f: Formatter): string {
  const source =
    connector.kind === 'intune'
      ? `Intune (tenant ${f.text(connector.tenant ?? '')})`
      : `Jamf Pro (${f.text(connector.url ?? '')})`;
  const rules =
    connector.where.length > 0 ? `, devices where ${f.text(connector.where.join(' and '))}` : ', every device';
  return `${f.strong(f.text(connector.name))}: ${source} → ${f.team({ channel: connector.channel, name: null })}${rules}`;
}

function syncLine(summary: SyncSummary | null, f: Formatter): string {
  if (!summary) return 'never synced yet';
  if (!summary.ok)
    return `last sync ${f.date(summary.at.slice(0, 10))} failed, nothing changed: ${f.text(summary.error ?? '')}`;
  const unmapped = summary.unmapped.reduce((sum, entry) => sum + entry.devices, 0);
  const names = summary.unmapped
    .slice(0, UNMAPPED_SHOWN)
    .map((entry) => `“${f.text(entry.os)}” ${formatCount(entry.devices)}`)
    .join(', ');
  return `last sync ${f.date(summary.at.slice(0, 10))} ${summary.at.slice(11, 16)} UTC: ${plural(summary.devices, 'device')} read, ${formatCount(summary.matched)} the team's${unmapped > 0 ? `; ${plural(unmapped, 'device')} on OS versions no release matched (${names}${summary.unmapped.length > UNMAPPED_SHOWN ? ', …' : ''})` : ''}`;
}

export function connectorLines(result: Result, f: Formatter): AnswerPart[] | null {
  switch (result.kind) {
    case 'connectors':
      return result.connectors.length === 0
        ? ['This workspace has no connectors. `/eol connect intune` or `/eol connect jamf` adds one.']
        : result.connectors.flatMap((connector) => [
            `• ${describe(connector, f)}`,
            `    ${syncLine(connector.lastSync, f)}`,
          ]);
    case 'connector-form':
      return [
        `The form to connect ${result.connectorKind === 'intune' ? 'Intune' : 'Jamf Pro'} is in Slack (\`/eol connect ${result.connectorKind}\`). On the command line: \`eolwatch --workspace ${f.text(result.workspace)} connector add ${result.connectorKind} --name NAME --channel C … --client-secret-env VAR\`.`,
      ];
    case 'connector-added':
      return [
        `Added ${describe(result.connector, f)}. Its secret is kept encrypted and is never shown again. It syncs in the daily job; \`/eol connector sync ${f.text(result.connector.name)}\` syncs it now.`,
      ];
    case 'connector-removed':
      return [`Removed the connector “${f.text(result.name)}”. The channel's counts stay as they are.`];
    case 'connector-synced':
      return result.syncs.flatMap(({ connector, summary, counts, changes }) => {
        const head = `${f.strong(f.text(connector.name))}${result.dryRun ? ' (dry run: nothing saved)' : ''}: ${syncLine(summary, f)}`;
        if (!summary.ok) return [head];
        const lines = result.dryRun
          ? counts.map(({ release, count }) => `• ${formatCount(count)} × ${f.text(releaseTitle(release))}`)
          : changes.length === 0
            ? ['Counts unchanged.']
            : changes.map(
                (change) =>
                  `• ${f.text(releaseTitle(change.release))}: ${formatCount(change.from)} → ${formatCount(change.to)}`,
              );
        return [head, ...lines];
      });
    default:
      return null;
  }
}
