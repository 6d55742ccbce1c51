// The JSON engine's small records: installations (OAuth), admins and channel locks, API tokens.
import type { ApiToken, ApiTokenStore } from '../../api-tokens/api-token-store.js';
import type { RoleStore } from '../../governance/role-store.js';
import type { InstallationRecords } from '../../installations/installation-records.js';
import type { TeamRef } from '../../inventory/inventory-store.js';
import { isIdentifier } from '../../leaf/check-identifier.js';
import { malformedId, ownValue, type JsonFileStore } from './json-file-store.js';
import { READ_RECHECK_MS } from './json-watches.js';

type Records = InstallationRecords &
  Omit<RoleStore, 'forgetWorkspace' | 'forgetChannel'> &
  Omit<ApiTokenStore, 'forgetWorkspace' | 'forgetChannel'>;

export class JsonRecords implements Records {
  constructor(private readonly engine: JsonFileStore) {}

  // --- InstallationRecords ---

  saveInstallation(key: string, installation: unknown): Promise<void> {
    return this.engine.withLock(async () => {
      this.engine.data.installations[key] = installation;
      await this.engine.persist();
    });
  }

  installation(key: string): Promise<unknown> {
    return this.engine.inQueue(async () => {
      // An uninstall in another process must stop posts here too: always look at the file.
      await this.engine.refreshIfChanged();
      return structuredClone(ownValue(this.engine.data.installations, key) ?? null);
    });
  }

  deleteInstallation(key: string): Promise<boolean> {
    return this.engine.withLock(async () => {
      if (!Object.hasOwn(this.engine.data.installations, key)) return false;
      delete this.engine.data.installations[key];
      await this.engine.persist();
      return true;
    });
  }

  installationKeys(prefix: string): Promise<string[]> {
    return this.engine.inQueue(async () => {
      await this.engine.refreshIfChanged();
      return Object.keys(this.engine.data.installations).filter((key) => key.startsWith(prefix));
    });
  }

  // --- RoleStore ---

  admins(workspace: string): Promise<string[]> {
    return this.engine.inQueue(async () => {
      await this.engine.refreshIfChanged(READ_RECHECK_MS);
      return [...(this.engine.storedWorkspace(workspace)?.admins ?? [])].sort();
    });
  }

  setAdmin(workspace: string, user: string, admin: boolean): Promise<boolean> {
    return this.engine.withLock(async () => {
      const stored = this.engine.workspaceForWrite(workspace);
      if (stored.admins.includes(user) === admin) return false;
      stored.admins = admin ? [...stored.admins, user] : stored.admins.filter((held) => held !== user);
      await this.engine.persist();
      return true;
    });
  }

  channelLocked(ref: TeamRef): Promise<boolean> {
    return this.engine.inQueue(async () => {
      await this.engine.refreshIfChanged(READ_RECHECK_MS);
      return this.engine.storedChannel(ref)?.locked ?? false;
    });
  }

  setChannelLock(ref: TeamRef, locked: boolean): Promise<void> {
    return this.engine.changeChannel(ref, (channel) => {
      channel.locked = locked;
    });
  }

  // --- ApiTokenStore ---

  addApiToken(token: ApiToken): Promise<boolean> {
    return this.engine.withLock(async () => {
      if (!isIdentifier(token.workspace)) throw malformedId(token.workspace);
      const tokens = Object.values(this.engine.data.apiTokens);
      if (tokens.some((held) => held.workspace === token.workspace && held.name === token.name)) return false;
      this.engine.data.apiTokens[token.hash] = { ...token };
      await this.engine.persist();
      return true;
    });
  }

  apiTokens(workspace: string): Promise<ApiToken[]> {
    return this.engine.inQueue(async () => {
      await this.engine.refreshIfChanged(READ_RECHECK_MS);
      return Object.values(this.engine.data.apiTokens)
        .filter((token) => token.workspace === workspace)
        .map((token) => ({ ...token }));
    });
  }

  apiTokenByHash(hash: string): Promise<ApiToken | null> {
    return this.engine.inQueue(async () => {
      // A revoked token must stop at once, in every process: always look at the file.
      await this.engine.refreshIfChanged();
      const token = ownValue(this.engine.data.apiTokens, hash);
      return token ? { ...token } : null;
    });
  }

  revokeApiToken(workspace: string, name: string): Promise<boolean> {
    return this.engine.withLock(async () => {
      const found = Object.values(this.engine.data.apiTokens).find(
        (token) => token.workspace === workspace && token.name === name,
      );
      if (!found) return false;
      delete this.engine.data.apiTokens[found.hash];
      await this.engine.persist();
      return true;
    });
  }

  markApiTokenUsed(hash: string, at: string): Promise<void> {
    return this.engine.withLock(async () => {
      const token = ownValue(this.engine.data.apiTokens, hash);
      if (!token) return;
      token.lastUsedAt = at;
      this.engine.scheduleCheckpoint();
    });
  }
}
