// A team's counts sent as JSON by a CMDB or a script (the HTTP API): `{"counts": {"windows-8.1": 14450,
// "xp": 18293}, "mode": "replace" | "add"}`, each name read as /eol reads it, all or nothing.
import { MAX_COUNT } from '../inventory/inventory-store.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import type { RequestOf } from './command-definition.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';
import { releaseKeyOf } from './inventory-rows.js';
import { resolveOneRelease } from './resolve-one-release.js';
import { runInventoryUpdate } from './run-inventory-update.js';

const MAX_SYNC_RELEASES = 2000;

type Problem = { name: string; reason: string };

const EXAMPLE = '{"counts": {"windows 8.1": 14450, "xp": 18293}, "mode": "replace"}';
const FIELDS = new Set(['counts', 'mode']);

const shown = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
};

/**
 * The body read in plain checks, every problem named (the field, or the release name, and what is
 * wrong with it), rather than a schema library's first message.
 */
function readBody(json: unknown): { counts: Record<string, number>; mode: 'replace' | 'add' } | Problem[] {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return [{ name: '(body)', reason: `must be a JSON object such as ${EXAMPLE}` }];
  const body = json as Record<string, unknown>;
  const problems: Problem[] = Object.keys(body)
    .filter((field) => !FIELDS.has(field))
    .map((field) => ({ name: field, reason: 'is not a field of this request (only "counts" and "mode")' }));
  if (body.mode !== undefined && body.mode !== 'replace' && body.mode !== 'add')
    problems.push({ name: 'mode', reason: `must be "replace" or "add", not ${shown(body.mode)}` });
  const counts = body.counts;
  if (typeof counts !== 'object' || counts === null || Array.isArray(counts)) {
    problems.push({ name: 'counts', reason: `must be an object of release names and counts, such as ${EXAMPLE}` });
    return problems;
  }
  for (const [name, count] of Object.entries(counts)) {
    if (name.trim() === '' || name.length > 200)
      problems.push({ name: name.slice(0, 40), reason: 'is not a release name (1 to 200 characters)' });
    else if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_COUNT)
      problems.push({
        name,
        reason: `has ${shown(count)}: a count is a whole number from 0 to ${MAX_COUNT.toLocaleString('en-US')}`,
      });
  }
  if (problems.length > 0) return problems;
  return { counts: counts as Record<string, number>, mode: body.mode === 'add' ? 'add' : 'replace' };
}

const notSaved = (problems: Problem[]): Result => ({
  kind: 'invalid',
  reason: `Nothing saved: ${problems.map((problem) => `“${problem.name}” ${problem.reason}`).join('; ')}.`,
  problems,
});

/** The `inventory-sync` request: the body read, every name resolved, then set or added all at once. */
export async function syncCounts(
  { body }: RequestOf<'inventory-sync'>,
  deps: CommandDeps,
  speaker: Speaker,
): Promise<Result> {
  const parsed = readBody(body);
  if (Array.isArray(parsed)) return notSaved(parsed);
  // JSON.parse keeps "__proto__" as a name, and a parsed record drops it: every name sent is checked.
  const entries = Object.entries(parsed.counts);
  // "__proto__" arrives as an own key of the parsed JSON and names nothing: refused like any unknown name.
  const dropped = entries.filter(([name]) => name === '__proto__' || name === 'constructor');
  if (dropped.length > 0)
    return notSaved(dropped.map(([name]) => ({ name, reason: 'is not a release name: not accepted' })));
  // Like an empty file, an empty replace would wipe the team: clearing is `/eol inventory clear`, for admins.
  if (entries.length === 0 && parsed.mode === 'replace')
    return {
      kind: 'invalid',
      reason: 'Nothing saved: no counts were sent. To empty a team’s counts, an admin runs `/eol inventory clear`.',
    };
  if (entries.length > MAX_SYNC_RELEASES)
    return { kind: 'invalid', reason: `Nothing saved: at most ${MAX_SYNC_RELEASES} releases in one request.` };
  const counts: { release: string; count: number }[] = [];
  const rows: { name: string; reason: string }[] = [];
  for (const [name, count] of entries) {
    const exact = deps.releaseByKey(name);
    const resolved = exact ? { release: exact } : resolveOneRelease(name, deps);
    if ('reason' in resolved) {
      rows.push({ name, reason: resolved.reason });
      continue;
    }
    const key = releaseKeyOf(resolved.release);
    if (counts.some((given) => given.release === key)) rows.push({ name, reason: 'names a release given twice' });
    else counts.push({ release: key, count });
  }
  if (rows.length > 0) return notSaved(rows);
  return runInventoryUpdate({ mode: parsed.mode, counts, action: 'api' }, deps, speaker, toIsoDate(deps.now()));
}
