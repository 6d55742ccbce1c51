// `db import-json FILE`: a JSON store (with its history logs) moved into PostgreSQL in one transaction,
// nothing lost. Running it again adds nothing twice: a team's history goes in only past what the
// database already has of it, and records that exist are left as they are.
import type { HistoryEntry } from '../../inventory/inventory-store.js';
import { LowdbStore } from '../json/lowdb-store.js';
import { insertAudit } from './pg-audit.js';
import type { PostgresStore } from './postgres-store.js';

export interface ImportedCounts {
  teams: number;
  counts: number;
  history: number;
  historyAlreadyThere: number;
  watches: number;
  contracts: number;
  reminders: number;
  marks: number;
  apiTokens: number;
  audit: number;
  skippedTeams: string[];
}

export async function importJsonStore(jsonPath: string, target: PostgresStore): Promise<ImportedCounts> {
  const source = await LowdbStore.open(jsonPath);
  const tally: ImportedCounts = {
    teams: 0,
    counts: 0,
    history: 0,
    historyAlreadyThere: 0,
    watches: 0,
    contracts: 0,
    reminders: 0,
    marks: 0,
    apiTokens: 0,
    audit: 0,
    skippedTeams: [],
  };
  try {
    const data = await source.snapshot();
    const histories = new Map<string, HistoryEntry[]>();
    for (const [workspace, stored] of Object.entries(data.workspaces)) {
      for (const channel of Object.keys(stored.teams))
        histories.set(`${workspace}/${channel}`, await source.history({ workspace, channel }));
    }
    const client = await target.connect();
    try {
      await client.query('BEGIN');
      for (const [workspace, stored] of Object.entries(data.workspaces)) {
        for (const user of stored.admins)
          await client.query('INSERT INTO admins (workspace, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
            workspace,
            user,
          ]);
        for (const [channel, team] of Object.entries(stored.teams)) {
          const history = histories.get(`${workspace}/${channel}`) ?? [];
          const { rows } = await client.query<{ n: string }>(
            'SELECT count(*) AS n FROM history WHERE workspace = $1 AND channel = $2',
            [workspace, channel],
          );
          const already = Number(rows[0]?.n ?? 0);
          // The database has moved on past this file for this team: its own counts stand.
          if (already > history.length) {
            tally.skippedTeams.push(`${workspace}/${channel}`);
            continue;
          }
          tally.teams += 1;
          await client.query(
            'INSERT INTO teams (workspace, channel, name) VALUES ($1, $2, $3) ON CONFLICT (workspace, channel) DO UPDATE SET name = EXCLUDED.name',
            [workspace, channel, team.name],
          );
          await client.query('DELETE FROM counts WHERE workspace = $1 AND channel = $2', [workspace, channel]);
          for (const [release, count] of Object.entries(team.counts)) {
            await client.query('INSERT INTO counts (workspace, channel, release, count) VALUES ($1, $2, $3, $4)', [
              workspace,
              channel,
              release,
              count,
            ]);
            tally.counts += 1;
          }
          for (const entry of history.slice(already)) {
            await client.query(
              'INSERT INTO history (workspace, channel, release, from_count, to_count, changed_by, changed_at, action, file) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
              [
                workspace,
                channel,
                entry.release,
                entry.from,
                entry.to,
                entry.user,
                entry.at,
                entry.action,
                entry.file ?? null,
              ],
            );
          }
          tally.history += history.length - already;
          tally.historyAlreadyThere += already;
        }
        for (const [channel, watched] of Object.entries(stored.channels)) {
          await client.query(
            'INSERT INTO channels (workspace, channel, auto_watch, broken_reason, broken_at, locked) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (workspace, channel) DO UPDATE SET auto_watch = EXCLUDED.auto_watch, broken_reason = EXCLUDED.broken_reason, broken_at = EXCLUDED.broken_at, locked = EXCLUDED.locked',
            [
              workspace,
              channel,
              watched.autoWatch,
              watched.broken?.reason ?? null,
              watched.broken?.at ?? null,
              watched.locked,
            ],
          );
          for (const [release, watch] of Object.entries(watched.watches)) {
            await client.query(
              'INSERT INTO watches (workspace, channel, release, leads, created_at, source, set_by) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (workspace, channel, release) DO UPDATE SET leads = EXCLUDED.leads, created_at = EXCLUDED.created_at, source = EXCLUDED.source, set_by = EXCLUDED.set_by',
              [workspace, channel, release, watch.leads, watch.createdAt, watch.source, watch.by ?? null],
            );
            tally.watches += 1;
          }
          for (const [release, contract] of Object.entries(watched.contracts)) {
            await client.query(
              'INSERT INTO contracts (workspace, channel, release, until, name, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (workspace, channel, release) DO UPDATE SET until = EXCLUDED.until, name = EXCLUDED.name, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at',
              [workspace, channel, release, contract.until, contract.name, contract.by, contract.at],
            );
            tally.contracts += 1;
          }
        }
      }
      // The audit log goes over once: a workspace whose log the database already holds is left as it is.
      for (const workspace of Object.keys(data.workspaces)) {
        const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM audit WHERE workspace = $1', [
          workspace,
        ]);
        if (Number(rows[0]?.n ?? 0) > 0) continue;
        for (const entry of await source.auditEntries(workspace)) {
          await insertAudit(client, entry);
          tally.audit += 1;
        }
      }
      // Delivery records and marks the database already has are newer than the file's: kept.
      for (const [key, record] of Object.entries(data.reminders)) {
        const { rowCount } = await client.query(
          'INSERT INTO reminders (key, status, at, ts, late, claimed_by) VALUES ($1, $2, $3, $4, $5, NULL) ON CONFLICT DO NOTHING',
          [key, record.status, record.at, record.ts, record.late],
        );
        tally.reminders += rowCount ?? 0;
      }
      for (const [key, mark] of Object.entries(data.milestones)) {
        const { rowCount } = await client.query(
          'INSERT INTO milestones (key, mark) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [key, mark],
        );
        tally.marks += rowCount ?? 0;
      }
      for (const token of Object.values(data.apiTokens)) {
        const { rowCount } = await client.query(
          'INSERT INTO api_tokens (hash, workspace, name, created_by, created_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
          [token.hash, token.workspace, token.name, token.createdBy, token.createdAt, token.lastUsedAt],
        );
        tally.apiTokens += rowCount ?? 0;
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  } finally {
    await source.close();
  }
  return tally;
}
