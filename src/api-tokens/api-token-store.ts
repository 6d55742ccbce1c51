// Per-workspace tokens for the HTTP API: what is kept about each (never the token itself, only its
// SHA-256), and the store role that keeps them.
import { createHash, randomBytes } from 'node:crypto';

export interface ApiToken {
  workspace: string;
  name: string;
  /** SHA-256 of the token, hex. The token is shown once and never stored. */
  hash: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface ApiTokenStore {
  /** False when the workspace already has a token of that name; nothing is stored then. */
  addApiToken(token: ApiToken): Promise<boolean>;
  apiTokens(workspace: string): Promise<ApiToken[]>;
  apiTokenByHash(hash: string): Promise<ApiToken | null>;
  /** False when the workspace has no token of that name. */
  revokeApiToken(workspace: string, name: string): Promise<boolean>;
  markApiTokenUsed(hash: string, at: string): Promise<void>;
}

const TOKEN_PREFIX = 'eolw_';

/** 256 random bits: guessing one is hopeless, so a lookup by hash needs no constant-time compare. */
export const newApiToken = (): string => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

export const hashApiToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export const looksLikeApiToken = (token: string): boolean => /^eolw_[A-Za-z0-9_-]{43}$/.test(token);
