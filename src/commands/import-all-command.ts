// `import all FILE` (command line): a workspace's `export all` brought into this eolwatch, into an empty
// workspace, recorded in its audit log.
import { importWorkspace } from '../portability/workspace-export.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';
import { isAdmin } from './is-admin.js';
import { recordAudit } from './record-audit.js';

export async function runImportAll(document: unknown, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  if (!(await isAdmin(deps, speaker))) return { kind: 'invalid', reason: 'Only eolwatch admins import a workspace.' };
  const outcome = await importWorkspace(await deps.store(), speaker.workspace, document);
  if (!outcome.ok) return { kind: 'invalid', reason: `Nothing imported: ${outcome.reason}.` };
  const warning = await recordAudit(deps, speaker, {
    action: 'workspace.import',
    change: `imported: ${outcome.teams} team(s), ${outcome.history} history entries`,
    releases: [],
    channel: null,
  });
  return { kind: 'imported-all', teams: outcome.teams, history: outcome.history, ...(warning ? { warning } : {}) };
}
