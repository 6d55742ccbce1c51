// The inventory, history, report and team answers as lines, written once for both renderers.
// Returns null for results that are not about the inventory.
import { formatCount, plural } from '../leaf/format-count.js';
import { releaseTitle } from '../catalog/release-title.js';
import type { AppliedChange, InventoryRow, Result } from '../commands/command-types.js';
import { AT_RISK_DAYS, type ExposureTotals } from '../inventory/classify-exposure.js';
import { shortStatus } from './describe-lifecycle.js';
import { plainFormat, type Formatter } from './formatter.js';
import type { AnswerPart } from './answer-part.js';
import { atThisPaceLines, forecastAnswerLines } from './forecast-lines.js';

const releaseName = (row: { release: { productLabel: string; label: string } }, f: Formatter) =>
  f.text(releaseTitle(row.release));

function totalsLine(totals: ExposureTotals, f: Formatter): string {
  const parts = [
    `${f.strong(`${formatCount(totals.unsupported)} unsupported now`)}`,
    `${formatCount(totals['paid-only'])} on extended support only`,
    ...(totals.covered > 0 ? [`${formatCount(totals.covered)} covered by your contracts`] : []),
    `${formatCount(totals['at-risk'])} losing support within ${AT_RISK_DAYS} days`,
    `${formatCount(totals.supported)} supported`,
  ];
  if (totals.unknown > 0) parts.push(`${formatCount(totals.unknown)} of unknown status`);
  return `${plural(totals.total, 'machine')}: ${parts.join(' · ')}`;
}

function rowLines(rows: InventoryRow[], f: Formatter): AnswerPart[] {
  const lines = rows.map(
    (row) => `• ${formatCount(row.count)} × ${releaseName(row, f)}: ${shortStatus(row.lifecycle, f)}`,
  );
  if (rows.length === 0) return lines;
  const table = {
    columns: ['Release', 'Machines', 'Status'],
    rows: rows.map((row) => [
      releaseTitle(row.release),
      formatCount(row.count),
      shortStatus(row.lifecycle, plainFormat),
    ]),
    right: [1],
    more: '`/eol inventory export` or `/eol report export` has them all.',
  };
  return [{ table, lines }];
}

function changeLine(change: AppliedChange, f: Formatter): string {
  return `• ${releaseName(change, f)}: ${formatCount(change.from)} → ${formatCount(change.to)}`;
}

/** A preview names this many values nothing was found for; the rest are counted. */
const MAX_UNRECOGNISED_SHOWN = 15;

function importPreviewLines(result: Extract<Result, { kind: 'import-preview' }>, f: Formatter): AnswerPart[] {
  const lines = [
    `${f.strong(`Preview of “${f.text(result.file)}”`)} (${result.format}) for ${f.team(result.team)}: ${plural(result.devices, 'machine')} → ${plural(result.rows.length, 'release')}. Nothing is saved yet.`,
    totalsLine(result.totals, f),
    ...rowLines(result.rows, f),
  ];
  if (result.guessed.length > 0) {
    lines.push('', `${f.icon('warning')}Edition not given: counted under the edition whose support ends first.`);
    lines.push(
      ...result.guessed
        .slice(0, MAX_UNRECOGNISED_SHOWN)
        .map((guess) => `• ${formatCount(guess.rows)} × “${f.text(guess.value)}” → ${releaseName(guess, f)}`),
    );
  }
  if (result.unrecognised.length > 0) {
    const rows = result.unrecognised.reduce((sum, value) => sum + value.rows, 0);
    lines.push('', `${f.strong(`${plural(rows, 'machine')} not recognised`)}, left out:`);
    lines.push(
      ...result.unrecognised
        .slice(0, MAX_UNRECOGNISED_SHOWN)
        .map((value) => `• “${f.text(value.value)}”: ${plural(value.rows, 'machine')}`),
    );
    if (result.unrecognised.length > MAX_UNRECOGNISED_SHOWN)
      lines.push(`• … and ${plural(result.unrecognised.length - MAX_UNRECOGNISED_SHOWN, 'other value')}`);
  }
  return lines;
}

export function inventoryLines(result: Result, f: Formatter): AnswerPart[] | null {
  switch (result.kind) {
    case 'import-preview':
      return importPreviewLines(result, f);
    case 'import-form':
      // Where there is no form to open (the local shell, a mention): where a file can be imported.
      return [
        'Import a file with `/eol inventory import` (a form opens), or on the command line: `npm run --silent eol -- --channel C inventory import FILE [--add] [--dry-run]`.',
      ];
    case 'export':
      if (result.scope === 'all')
        return [
          `The workspace’s whole data as JSON: ${f.text(result.fileName)}, ${plural(result.rows, 'team')}. Keep it safe: it holds every count and change.`,
        ];
      if (result.scope === 'calendar')
        return [`The calendar as iCalendar: ${f.text(result.fileName)}, ${plural(result.rows, 'event')}.`];
      if (result.scope === 'audit')
        return [
          `The audit log as ${result.format.toUpperCase()}: ${f.text(result.fileName)}, ${plural(result.rows, 'change')}.`,
        ];
      return [
        `${result.scope === 'team' ? 'This team’s' : 'The workspace’s'} counts as ${result.format.toUpperCase()}: ${f.text(result.fileName)}, ${plural(result.rows, 'row')}, ${plural(result.machines ?? 0, 'machine')}.`,
      ];
    case 'inventory-updated': {
      const lines: AnswerPart[] = [
        result.changes.length > 0
          ? `Saved for ${f.team(result.team)}:`
          : `Nothing changed for ${f.team(result.team)}: those counts were already recorded.`,
      ];
      if (result.imported) {
        const { imported } = result;
        const left =
          imported.unrecognisedRows > 0
            ? ` Left out: ${plural(imported.unrecognisedRows, 'machine')} not recognised.`
            : '';
        lines.unshift(
          `${imported.mode === 'replace' ? 'Replaced the counts with' : 'Added'} ${plural(imported.devices, 'machine')} from “${f.text(imported.file)}” (${imported.format}).${left}`,
        );
      }
      lines.push(...result.changes.map((change) => changeLine(change, f)));
      for (const warning of result.warnings) {
        const end = warning.ending.phase.end as string;
        lines.push(
          `${f.icon('warning')}${releaseName(warning, f)} leaves ${f.text(warning.ending.phase.label)} on ${f.date(end)}, in ${plural(warning.ending.daysLeft ?? 0, 'day')}: a short-lived upgrade target.`,
        );
      }
      lines.push('', totalsLine(result.totals, f), ...rowLines(result.rows, f));
      return lines;
    }
    case 'inventory':
      if (result.rows.length === 0 && result.totals.total === 0) {
        return [
          `${f.team(result.team)} has no machine counts yet. Add them with \`/eol inventory set windows 11 24h2 enterprise 120, windows 10 22h2 35\`.`,
        ];
      }
      return [
        `${f.strong(f.team(result.team))} as of ${f.date(result.asOf)}`,
        totalsLine(result.totals, f),
        ...rowLines(result.rows, f),
        ...atThisPaceLines(result.forecasts, f),
      ];
    case 'forecast':
      return forecastAnswerLines(result, f);
    case 'inventory-history': {
      if (result.lines.length === 0) return [`${f.team(result.team)} has no recorded changes.`];
      const lines = [
        `${f.strong(`History of ${f.team(result.team)}`)}${result.omitted > 0 ? ` (the last ${result.lines.length}; ${result.omitted} earlier)` : ''}`,
      ];
      for (const line of result.lines) {
        const how =
          line.action === 'clear'
            ? ' (cleared)'
            : line.action === 'import'
              ? ` (imported from “${f.text(line.file ?? 'a file')}”)`
              : line.action === 'connector'
                ? ` (via connector “${f.text(line.file ?? '')}”)`
                : '';
        const who =
          line.action === 'api'
            ? `API token “${f.text(line.user)}”`
            : line.action === 'connector'
              ? 'eolwatch'
              : f.user(line.user);
        lines.push(
          `• ${f.date(line.at.slice(0, 10))} ${who}: ${f.text(line.releaseLabel)} ${formatCount(line.from)} → ${formatCount(line.to)}${how}`,
        );
      }
      lines.push('', f.strong('Burn-down'));
      for (const release of result.burndown)
        lines.push(`${f.text(release.releaseLabel)}: ${release.counts.map(formatCount).join(' → ')}`);
      return lines;
    }
    case 'inventory-cleared':
      return [
        `Cleared the inventory of ${f.team(result.team)}: ${plural(result.changes.length, 'release')} set to 0, recorded in its history.`,
      ];
    case 'team-named':
      return [`This channel's team is now called ${f.strong(f.team(result.team))}.`];
    case 'report': {
      if (result.totals.total === 0) return ['No team in this workspace has posted machine counts yet.'];
      const lines = [
        `${f.strong('Workspace report')} as of ${f.date(result.asOf)}`,
        totalsLine(result.totals, f),
        ...rowLines(result.rows, f),
      ];
      if (result.teams.length > 0) {
        lines.push('', f.strong('Most unsupported machines'));
        lines.push(
          ...result.teams.map(
            (team) => `• ${f.team(team.team)}: ${formatCount(team.unsupported)} of ${formatCount(team.total)}`,
          ),
        );
      }
      lines.push(...atThisPaceLines(result.forecasts, f));
      return lines;
    }
    default:
      return null;
  }
}
