// A team's counts sent as JSON by a CMDB or a script (the HTTP API): `{"counts": {"windows-8.1": 14450,
// "xp": 18293}, "mode": "replace" | "add"}`, each name read as /eol reads it, all or nothing.
import { z } from 'zod';
import { MAX_COUNT } from '../inventory/inventory-store.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';
import { releaseKeyOf } from './inventory-rows.js';
import { resolveOneRelease } from './resolve-one-release.js';
import { runInventoryUpdate } from './run-inventory-update.js';

const MAX_SYNC_RELEASES = 2000;

const syncBodySchema = z.object({
  counts: z.record(z.string().min(1).max(200), z.number().int().min(0).max(MAX_COUNT)),
  mode: z.enum(['replace', 'add']).default('replace'),
});

export type SyncOutcome =
  | { ok: true; result: Extract<Result, { kind: 'inventory-updated' }> }
  | { ok: false; reason: string; rows?: { name: string; reason: string }[] };

export async function syncCounts(json: unknown, deps: CommandDeps, speaker: Speaker): Promise<SyncOutcome> {
  const parsed = syncBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.map(String).join('.')}` : '';
    return {
      ok: false,
      reason: `Nothing saved: the body must be {"counts": {"<release>": <whole number 0 to ${MAX_COUNT}>, ...}, "mode": "replace" | "add"} (${issue?.message ?? 'unexpected shape'}${where}).`,
    };
  }
  // JSON.parse keeps "__proto__" as a name, and a parsed record drops it: every name sent is checked.
  const sent = rawNames(json);
  const entries = Object.entries(parsed.data.counts);
  const dropped = sent.filter((name) => !Object.hasOwn(parsed.data.counts, name));
  if (dropped.length > 0)
    return {
      ok: false,
      reason: `Nothing saved: ${dropped.length === 1 ? 'one release name was' : `${dropped.length} release names were`} not accepted.`,
      rows: dropped.map((name) => ({ name, reason: 'is not a release name' })),
    };
  // Like an empty file, an empty replace would wipe the team: clearing is `/eol inventory clear`, for admins.
  if (entries.length === 0 && parsed.data.mode === 'replace')
    return {
      ok: false,
      reason: 'Nothing saved: no counts were sent. To empty a team’s counts, an admin runs `/eol inventory clear`.',
    };
  if (entries.length > MAX_SYNC_RELEASES)
    return { ok: false, reason: `Nothing saved: at most ${MAX_SYNC_RELEASES} releases in one request.` };
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
  if (rows.length > 0)
    return {
      ok: false,
      reason: `Nothing saved: ${rows.length === 1 ? 'one release name was' : `${rows.length} release names were`} not accepted.`,
      rows,
    };
  return {
    ok: true,
    result: await runInventoryUpdate(
      { mode: parsed.data.mode, counts, action: 'api' },
      deps,
      speaker,
      toIsoDate(deps.now()),
    ),
  };
}

/** The names of `counts` as sent, own keys of the parsed JSON ("__proto__" included). */
function rawNames(json: unknown): string[] {
  const counts = typeof json === 'object' && json !== null ? (json as { counts?: unknown }).counts : undefined;
  return typeof counts === 'object' && counts !== null ? Object.keys(counts) : [];
}
