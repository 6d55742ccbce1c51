// The small records in PostgreSQL: installations (OAuth), admins and channel locks, API tokens.
import type { ApiToken, ApiTokenStore } from '../../api-tokens/api-token-store.js';
import { type InstallationRecords } from '../../installations/installation-records.js';
import type { RoleStore } from '../../governance/role-store.js';
import { isIdentifier } from '../../leaf/check-identifier.js';
import { type TeamRef } from '../../inventory/inventory-store.js';
import { checkIds, type PgDatabase } from './pg-database.js';

type Records = InstallationRecords &
  Omit<RoleStore, 'forgetWorkspace' | 'forgetChannel'> &
  Omit<ApiTokenStore, 'forgetWorkspace' | 'forgetChannel'>;

export class PgRecords implements Records {
  constructor(private readonly db: PgDatabase) {}

  async saveInstallation(key: string, installation: unknown): Promise<void> {
    await this.db.pool.query(
      'INSERT INTO installations (key, installation) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET installation = EXCLUDED.installation',
      [key, JSON.stringify(installation)],
    );
  }

  async installation(key: string): Promise<unknown> {
    const { rows } = await this.db.pool.query<{ installation: unknown }>(
      'SELECT installation FROM installations WHERE key = $1',
      [key],
    );
    return rows[0]?.installation ?? null;
  }

  async deleteInstallation(key: string): Promise<boolean> {
    const { rowCount } = await this.db.pool.query('DELETE FROM installations WHERE key = $1', [key]);
    return (rowCount ?? 0) > 0;
  }

  async installationKeys(prefix: string): Promise<string[]> {
    const { rows } = await this.db.pool.query<{ key: string }>(
      'SELECT key FROM installations WHERE starts_with(key, $1) ORDER BY key',
      [prefix],
    );
    return rows.map((row) => row.key);
  }

  async admins(workspace: string): Promise<string[]> {
    const { rows } = await this.db.pool.query<{ user_id: string }>(
      'SELECT user_id FROM admins WHERE workspace = $1 ORDER BY user_id',
      [workspace],
    );
    return rows.map((row) => row.user_id);
  }

  async setAdmin(workspace: string, user: string, admin: boolean): Promise<boolean> {
    if (!isIdentifier(workspace))
      throw new Error(`a malformed id reached the store: ${JSON.stringify(workspace).slice(0, 200)}`);
    const { rowCount } = admin
      ? await this.db.pool.query('INSERT INTO admins (workspace, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          workspace,
          user,
        ])
      : await this.db.pool.query('DELETE FROM admins WHERE workspace = $1 AND user_id = $2', [workspace, user]);
    return (rowCount ?? 0) > 0;
  }

  async channelLocked(ref: TeamRef): Promise<boolean> {
    const { rows } = await this.db.pool.query<{ locked: boolean }>(
      'SELECT locked FROM channels WHERE workspace = $1 AND channel = $2',
      [ref.workspace, ref.channel],
    );
    return rows[0]?.locked ?? false;
  }

  async setChannelLock(ref: TeamRef, locked: boolean): Promise<void> {
    checkIds(ref);
    await this.db.pool.query(
      'INSERT INTO channels (workspace, channel, locked) VALUES ($1, $2, $3) ON CONFLICT (workspace, channel) DO UPDATE SET locked = EXCLUDED.locked',
      [ref.workspace, ref.channel, locked],
    );
  }

  async addApiToken(token: ApiToken): Promise<boolean> {
    if (!isIdentifier(token.workspace))
      throw new Error(`a malformed id reached the store: ${JSON.stringify(token.workspace).slice(0, 200)}`);
    const { rowCount } = await this.db.pool.query(
      'INSERT INTO api_tokens (hash, workspace, name, created_by, created_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING',
      [token.hash, token.workspace, token.name, token.createdBy, token.createdAt, token.lastUsedAt],
    );
    return (rowCount ?? 0) > 0;
  }

  async apiTokens(workspace: string): Promise<ApiToken[]> {
    const { rows } = await this.db.pool.query<TokenRow>(
      'SELECT hash, workspace, name, created_by, created_at, last_used_at FROM api_tokens WHERE workspace = $1 ORDER BY created_at, name',
      [workspace],
    );
    return rows.map(toToken);
  }

  async apiTokenByHash(hash: string): Promise<ApiToken | null> {
    const { rows } = await this.db.pool.query<TokenRow>(
      'SELECT hash, workspace, name, created_by, created_at, last_used_at FROM api_tokens WHERE hash = $1',
      [hash],
    );
    return rows[0] ? toToken(rows[0]) : null;
  }

  async revokeApiToken(workspace: string, name: string): Promise<boolean> {
    const { rowCount } = await this.db.pool.query('DELETE FROM api_tokens WHERE workspace = $1 AND name = $2', [
      workspace,
      name,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async markApiTokenUsed(hash: string, at: string): Promise<void> {
    await this.db.pool.query('UPDATE api_tokens SET last_used_at = $2 WHERE hash = $1', [hash, at]);
  }
}

interface TokenRow {
  hash: string;
  workspace: string;
  name: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
}

const toToken = (row: TokenRow): ApiToken => ({
  workspace: row.workspace,
  name: row.name,
  hash: row.hash,
  createdBy: row.created_by,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});
