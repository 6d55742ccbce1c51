// `/eol export all`: an admin takes the workspace's whole data away, as one JSON file (sent to them
// privately in Slack, printed on the command line); `import all FILE` brings it into another eolwatch.
import { exportWorkspace } from '../portability/workspace-export.js';
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';
import { importAllForm, runImportAllFile } from './import-all-command.js';

export const exportAllCommand: CommandDefinition = {
  name: 'export',
  usage: '/eol export all',
  summary:
    'Admins only: the workspace’s whole data (counts, history, watches, marks, contracts, audit log, team names, admins, tokens’ hashes) as one JSON file, sent to you privately. `import all FILE` on another eolwatch’s command line brings it in.',
  parse: (args) =>
    args.trim().toLowerCase() === 'all'
      ? { kind: 'export-all' }
      : { kind: 'invalid', reason: 'Use `/eol export all` (or `/eol inventory export`, `/eol report export`).' },
  run: { 'export-all': (_request, deps, speaker) => runExportAll(deps, speaker), 'import-all': runImportAllFile },
  adminOnly: {
    'export-all': 'Only eolwatch admins export the whole workspace. `/eol admins` lists them.',
    'import-all': 'Only eolwatch admins import a workspace.',
  },
  audit: (result) => {
    if (result.kind === 'export' && result.scope === 'all')
      return { action: 'workspace.export', change: `exported: ${result.rows} team(s)`, releases: [], channel: null };
    if (result.kind === 'imported-all')
      return {
        action: 'workspace.import',
        change: `imported: ${result.teams} team(s), ${result.history} history entries`,
        releases: [],
        channel: null,
      };
    return null;
  },
  // The whole workspace's data goes to the admin alone.
  answers: { 'export-all': 'direct-file' },
  cli: [{ usage: '--workspace W export all > FILE.json' }, importAllForm],
};

async function runExportAll(deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const document = await exportWorkspace(await deps.store(), speaker.workspace, deps.now().toUTC().toISO() ?? '');
  const machines = document.teams.reduce((sum, team) => sum + Object.values(team.counts).reduce((a, b) => a + b, 0), 0);
  return {
    kind: 'export',
    scope: 'all',
    format: 'json',
    fileName: `eolwatch-${speaker.workspace}-all.json`,
    content: `${JSON.stringify(document, null, 2)}\n`,
    rows: document.teams.length,
    machines,
  };
}
