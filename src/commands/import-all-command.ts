// `import all FILE` (command line): a workspace's `export all` brought into this eolwatch, into an empty
// workspace (its audit entry: export-all-command.ts).
import { importWorkspace } from '../portability/workspace-export.js';
import type { CommandLineForm } from './command-definition.js';
import type { CommandDeps, Request, Result, Speaker } from './command-types.js';
import { nothingImported } from './import-command.js';

export async function runImportAll(document: unknown, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const outcome = await importWorkspace(await deps.store(), speaker.workspace, document);
  if (!outcome.ok) return { kind: 'invalid', reason: `Nothing imported: ${outcome.reason}.` };
  return { kind: 'imported-all', teams: outcome.teams, history: outcome.history };
}

/** The request of `import all FILE`: the file read by the command line, as bytes. */
export const importAllForm: CommandLineForm = {
  usage: '--workspace W import all FILE.json',
  words: ['import', 'all'],
  async read(rest, context) {
    const path = rest[0];
    if (path === undefined || rest.length > 1) return { usage: null };
    const file = await context.readFile(path);
    return 'reason' in file ? nothingImported(path, file.reason) : { kind: 'import-all', file };
  },
};

export async function runImportAllFile(
  request: Extract<Request, { kind: 'import-all' }>,
  deps: CommandDeps,
  speaker: Speaker,
): Promise<Result> {
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder().decode(request.file.bytes));
  } catch (error) {
    return nothingImported(request.file.name, `it is not JSON (${(error as Error).message})`);
  }
  return runImportAll(document, deps, speaker);
}
