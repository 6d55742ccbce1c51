// `inventory import`: a device export -> a preview of the counts it gives, or those counts applied to
// the team (replacing or adding to its own), all or nothing, recorded as an import of that file.
import type { Release } from '../catalog/catalog.js';
import { CountLimitError } from '../inventory/inventory-store.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import type { ImportPlan } from '../imports/plan-import.js';
import type { CommandDeps, ImportFile, ImportMode, Result, Speaker } from './command-types.js';
import type { CommandLineForm, CommandLineReading, RequestHandlers } from './command-definition.js';
import { inventoryRows, releaseKeyOf, teamLabelOf } from './inventory-rows.js';
import { contractsOf } from './team-contracts.js';
import { runInventoryUpdate } from './run-inventory-update.js';
import { lockRefusal } from './is-admin.js';

const MAX_FILE_NAME = 120;

/** A file name as people may see it: no control characters, not overlong. */
const cleanFileName = (name: string): string =>
  name
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim()
    .slice(0, MAX_FILE_NAME) || 'the file';

/** A file's counts, previewed or applied: the pipeline runs it like any command (run-command.ts). */
export const importRun: RequestHandlers = {
  'inventory-file': (request, deps, speaker) => importFile(request.file, request.mode, deps, speaker),
};

const IMPORT_FLAGS = ['--add', '--replace', '--dry-run'];

/** The refusal of a file that gave nothing to import, whichever way it came and whatever kind it is. */
export const nothingImported = (from: string, reason: string) =>
  ({ kind: 'invalid', reason: `Nothing imported from “${from}”: ${reason}.` }) as const;

/** `inventory import FILE [--add] [--dry-run]` on the command line: the file read, as bytes, into a request. */
export const importFileForm: CommandLineForm = {
  usage: '[--channel C] inventory import FILE [--add] [--dry-run]',
  words: ['inventory', 'import'],
  async read(rest, context): Promise<CommandLineReading> {
    const flags = new Set(rest.filter((word) => word.startsWith('--')));
    const paths = rest.filter((word) => !word.startsWith('--'));
    const unknown = [...flags].find((flag) => !IMPORT_FLAGS.includes(flag));
    if (unknown !== undefined) return { usage: `unknown option ${unknown}` };
    const path = paths[0];
    if (path === undefined || paths.length > 1 || (flags.has('--add') && flags.has('--replace')))
      return { usage: null };
    const file = await context.readFile(path);
    if ('reason' in file) return nothingImported(path, file.reason);
    const mode = context.dryRun || flags.has('--dry-run') ? 'preview' : flags.has('--add') ? 'add' : 'replace';
    return { kind: 'inventory-file', file, mode };
  },
  after: {
    'import-preview':
      'Run it again without --dry-run to replace this team’s counts with these, or with --add to add them.',
  },
};

async function importFile(file: ImportFile, mode: ImportMode, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const name = cleanFileName(file.name);
  // The bot plans in its worker threads; the command line here, loading the readers (zip, Excel) only now,
  // so a question that imports nothing does not pay for them.
  const planning = deps.planImport
    ? await deps.planImport(file.bytes)
    : (await import('../imports/plan-import.js')).planImport(file.bytes, deps);
  if (!planning.ok) return nothingImported(name, planning.reason);
  const plan = withOwnReleases(planning.plan, deps);
  if (plan.counts.length === 0) {
    return {
      kind: 'invalid',
      reason: `Nothing imported from “${name}”: no row names a release eolwatch knows (${plan.unrecognised.length} different values, e.g. “${plan.unrecognised[0]?.value ?? ''}”).`,
    };
  }
  const asOf = toIsoDate(deps.now());
  if (mode === 'preview') return previewOf(name, plan, deps, speaker, asOf);
  const refusal = await lockRefusal(deps, speaker);
  if (refusal) return { kind: 'invalid', reason: refusal };
  const counts = plan.counts.map(({ release, count }) => ({ release: releaseKeyOf(release), count }));
  try {
    const result = await runInventoryUpdate({ mode, counts, action: 'import', file: name }, deps, speaker, asOf);
    return result.kind === 'inventory-updated' ? { ...result, imported: importSummary(name, plan, mode) } : result;
  } catch (error) {
    if (error instanceof CountLimitError)
      return {
        kind: 'invalid',
        reason: `Nothing imported from “${name}”: adding it would take a count past the limit; replace the counts instead.`,
        cause: 'limit',
      };
    throw error;
  }
}

/** A plan made on another thread names copies of releases: the catalogue's own ones, found by key. */
function withOwnReleases(plan: ImportPlan, deps: CommandDeps): ImportPlan {
  const own = <T extends { release: Release }>(entry: T): T => ({
    ...entry,
    release: deps.releaseByKey(releaseKeyOf(entry.release)) ?? entry.release,
  });
  return { ...plan, counts: plan.counts.map(own), guessed: plan.guessed.map(own) };
}

const importSummary = (file: string, plan: ImportPlan, mode: 'replace' | 'add') => ({
  file,
  mode,
  format: plan.format.label,
  devices: plan.devices,
  unrecognisedRows: plan.unrecognised.reduce((sum, { rows }) => sum + rows, 0),
  guessedRows: plan.guessed.reduce((sum, { rows }) => sum + rows, 0),
  unrecognised: plan.unrecognised.slice(0, MAX_UNRECOGNISED_LISTED),
});

/** An import's answer names at most this many of the names it left out (most machines first). */
const MAX_UNRECOGNISED_LISTED = 100;

async function previewOf(
  file: string,
  plan: ImportPlan,
  deps: CommandDeps,
  speaker: Speaker,
  asOf: string,
): Promise<Result> {
  const counts = Object.fromEntries(plan.counts.map(({ release, count }) => [releaseKeyOf(release), count]));
  const team = await (await deps.store()).team(speaker);
  return {
    kind: 'import-preview',
    asOf,
    team: teamLabelOf(team),
    file,
    format: plan.format.label,
    devices: plan.devices,
    ...inventoryRows(counts, deps, asOf, await contractsOf(deps, speaker)),
    guessed: plan.guessed,
    unrecognised: plan.unrecognised,
    fileRef: null,
  };
}
