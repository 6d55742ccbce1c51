// The simplest ApiTokenStore: in memory, the reference the file store is checked against.
import type { ApiToken, ApiTokenStore } from '../../src/api-tokens/api-token-store.js';

export class MemoryApiTokenStore implements ApiTokenStore {
  private readonly byHash = new Map<string, ApiToken>();

  async addApiToken(token: ApiToken): Promise<boolean> {
    if ([...this.byHash.values()].some((held) => held.workspace === token.workspace && held.name === token.name))
      return false;
    this.byHash.set(token.hash, { ...token });
    return true;
  }

  async apiTokens(workspace: string): Promise<ApiToken[]> {
    return [...this.byHash.values()].filter((token) => token.workspace === workspace).map((token) => ({ ...token }));
  }

  async apiTokenByHash(hash: string): Promise<ApiToken | null> {
    const token = this.byHash.get(hash);
    return token ? { ...token } : null;
  }

  async revokeApiToken(workspace: string, name: string): Promise<boolean> {
    const found = [...this.byHash.values()].find((token) => token.workspace === workspace && token.name === name);
    if (found) this.byHash.delete(found.hash);
    return found !== undefined;
  }

  async forgetWorkspace(workspace: string): Promise<void> {
    for (const [hash, token] of this.byHash) if (token.workspace === workspace) this.byHash.delete(hash);
  }

  async markApiTokenUsed(hash: string, at: string): Promise<void> {
    const token = this.byHash.get(hash);
    if (token) token.lastUsedAt = at;
  }
}
