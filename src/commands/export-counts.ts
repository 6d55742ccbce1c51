// `inventory export` and `report export`: a team's (or every team's) counts as CSV or JSON, with each
// release's status and phase ends today. The CSV imports back as a summary (round trip).
import { extendedSupportTerms } from '../catalog/names/extended-support.js';
import { writeCsv } from '../leaf/csv.js';
import type { PhaseEnd, PhaseKind } from '../catalog/catalog.js';
import { releaseTitle } from '../catalog/release-title.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import { computeLifecycle } from '../lifecycle/compute-lifecycle.js';
import type { TeamState } from '../inventory/inventory-store.js';
import type { CommandDeps, EndNote, ExportedCount, Result, Speaker } from './command-types.js';
import { contractsOf } from './team-contracts.js';

export type ExportFormat = 'csv' | 'json';

const COLUMNS: (keyof ExportedCount)[] = [
  'team',
  'team_name',
  'product',
  'release',
  'label',
  'count',
  'status',
  'active_support_end',
  'security_support_end',
  'extended_support_end',
  'extended_support_cost',
  'contract_end',
];

const endDate = (end: PhaseEnd | undefined): string | null => (typeof end === 'string' ? end : null);
const endNote = (end: PhaseEnd | undefined): EndNote | null =>
  end === true ? 'ended' : end === false ? 'not announced' : null;

/** A row as CSV cells: a date, or in its place what the note says (people read these files). */
const csvCells = (row: ExportedCount) =>
  COLUMNS.map(
    (column) =>
      row[column] ?? (column in row.end_notes ? row.end_notes[column as keyof ExportedCount['end_notes']] : null),
  );

async function teamRows(team: TeamState, deps: CommandDeps, workspace: string, asOf: string): Promise<ExportedCount[]> {
  const withContract = await contractsOf(deps, { workspace, channel: team.channel });
  return Object.entries(team.counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, count]) => {
      const found = deps.releaseByKey(key);
      const [product = key, release = ''] = key.split('/');
      const base = { team: team.channel, team_name: team.name, product, release, count };
      if (!found)
        return {
          ...base,
          label: key,
          status: 'unknown',
          active_support_end: null,
          security_support_end: null,
          extended_support_end: null,
          extended_support_cost: null,
          contract_end: null,
          end_notes: {},
        };
      const withTeamContract = withContract(found);
      const endOf = (kind: PhaseKind) => withTeamContract.phases.filter((phase) => phase.kind === kind).at(-1)?.end;
      const ends = (kind: PhaseKind) => endDate(endOf(kind));
      const notes: ExportedCount['end_notes'] = {};
      for (const [field, kind] of [
        ['active_support_end', 'active'],
        ['security_support_end', 'security'],
        ['extended_support_end', 'extended'],
      ] as const) {
        const note = endNote(endOf(kind));
        if (note) notes[field] = note;
      }
      return {
        ...base,
        label: releaseTitle(found),
        status: computeLifecycle(withTeamContract, asOf).status,
        active_support_end: ends('active'),
        security_support_end: ends('security'),
        extended_support_end: ends('extended'),
        extended_support_cost:
          endOf('extended') === undefined || endOf('extended') === null
            ? null
            : (extendedSupportTerms[found.productName]?.cost ?? null),
        contract_end: ends('contract'),
        end_notes: notes,
      };
    });
}

/** The rows an export holds: the speaker's team, or every team of the workspace. */
export async function countsForExport(
  scope: 'team' | 'workspace',
  deps: CommandDeps,
  speaker: Speaker,
): Promise<{ asOf: string; teams: TeamState[]; counts: ExportedCount[] }> {
  const asOf = toIsoDate(deps.now());
  const store = await deps.store();
  const teams = scope === 'team' ? [await store.team(speaker)] : await store.teams(speaker.workspace);
  return {
    asOf,
    teams,
    counts: (await Promise.all(teams.map((team) => teamRows(team, deps, speaker.workspace, asOf)))).flat(),
  };
}

export async function runExport(
  scope: 'team' | 'workspace',
  format: ExportFormat,
  deps: CommandDeps,
  speaker: Speaker,
): Promise<Result> {
  const { asOf, teams, counts } = await countsForExport(scope, deps, speaker);
  const stem = scope === 'team' ? `eolwatch-${speaker.channel}-${asOf}` : `eolwatch-${speaker.workspace}-${asOf}`;
  const content =
    format === 'csv'
      ? writeCsv(COLUMNS, counts.map(csvCells))
      : `${JSON.stringify({ workspace: speaker.workspace, ...(scope === 'team' ? { team: { channel: speaker.channel, name: teams[0]?.name ?? null } } : {}), asOf, counts }, null, 2)}\n`;
  return {
    kind: 'export',
    scope,
    format,
    fileName: `${stem}.${format}`,
    content,
    rows: counts.length,
    machines: counts.reduce((sum, row) => sum + row.count, 0),
  };
}

/** `export [--format csv|json]` after `inventory` or `report`. */
export function parseExportFormat(args: readonly string[]): ExportFormat | { reason: string } {
  if (args.length === 0) return 'csv';
  const [flag, value, ...rest] = args;
  const format =
    flag === '--format' ? value : flag?.startsWith('--format=') ? flag.slice('--format='.length) : undefined;
  if (
    (flag === '--format' ? rest.length : [value, ...rest].filter((arg) => arg !== undefined).length) > 0 ||
    (format !== 'csv' && format !== 'json')
  ) {
    return { reason: 'Use `export`, `export --format csv` or `export --format json`.' };
  }
  return format;
}
