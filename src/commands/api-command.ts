// `/eol api ...`: the workspace's tokens for the HTTP API. Admins only; a new token is shown once,
// privately, and only its hash is kept.
import { hashApiToken, newApiToken } from '../api-tokens/api-token-store.js';
import { isIdentifier } from '../leaf/check-identifier.js';
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Request, Result, Speaker } from './command-types.js';

const USAGE = 'Use `/eol api tokens`, `/eol api token create [name]` or `/eol api token revoke <name>`.';

const ADMINS_ONLY = 'Only eolwatch admins may see or change API tokens. `/eol admins` lists them.';

export const apiCommand: CommandDefinition = {
  name: 'api',
  usage: '/eol api [tokens | token create [<name>] | token revoke <name>]',
  summary:
    'Tokens for the HTTP API (`PUT /api/v1/channels/{channel}/inventory`), for a CMDB or a script to keep counts current. Admins only. A new token is shown once, only to you.',
  parse: (args) => {
    const words = args.split(/\s+/).filter((word) => word !== '');
    const [first = '', second = '', third, ...rest] = words.map((word, index) =>
      index < 2 ? word.toLowerCase() : word,
    );
    if ((first === 'tokens' && words.length === 1) || (first === 'token' && second === 'list' && words.length === 2))
      return { kind: 'api-tokens' };
    if (first === 'token' && second === 'create' && rest.length === 0)
      return { kind: 'api-token-create', name: third ?? null };
    if (first === 'token' && second === 'revoke' && third !== undefined && rest.length === 0)
      return { kind: 'api-token-revoke', name: third };
    return { kind: 'invalid', reason: USAGE };
  },
  run: { 'api-tokens': runApiCommand, 'api-token-create': runApiCommand, 'api-token-revoke': runApiCommand },
  audit: (result) =>
    result.kind === 'api-token-created' || result.kind === 'api-token-revoked'
      ? {
          action: result.kind === 'api-token-created' ? 'token.create' : 'token.revoke',
          change: `“${result.name}”`,
          releases: [],
          channel: null,
        }
      : null,
  adminOnly: { 'api-tokens': ADMINS_ONLY, 'api-token-create': ADMINS_ONLY, 'api-token-revoke': ADMINS_ONLY },
  cli: [{ usage: '--workspace W api token create [NAME]   (the token alone on the last line)' }],
};

type ApiRequest = Extract<Request, { kind: 'api-tokens' | 'api-token-create' | 'api-token-revoke' }>;

const nameProblem = (name: string) =>
  isIdentifier(name)
    ? null
    : `“${String(name).slice(0, 80)}” cannot name a token: use 1 to 64 letters, digits, dots, dashes or underscores.`;

async function runApiCommand(request: ApiRequest, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const store = await deps.store();
  switch (request.kind) {
    case 'api-tokens': {
      const tokens = await store.apiTokens(speaker.workspace);
      return {
        kind: 'api-tokens',
        tokens: tokens
          .map(({ name, createdBy, createdAt, lastUsedAt }) => ({ name, createdBy, createdAt, lastUsedAt }))
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
      };
    }
    case 'api-token-create': {
      const existing = await store.apiTokens(speaker.workspace);
      let name = request.name;
      for (let n = existing.length + 1; name === null; n += 1)
        if (!existing.some((token) => token.name === `token-${n}`)) name = `token-${n}`;
      const problem = nameProblem(name);
      if (problem) return { kind: 'invalid', reason: problem };
      const token = newApiToken();
      const added = await store.addApiToken({
        workspace: speaker.workspace,
        name,
        hash: hashApiToken(token),
        createdBy: speaker.user,
        createdAt: deps.now().toUTC().toISO() ?? '',
        lastUsedAt: null,
      });
      if (!added)
        return {
          kind: 'invalid',
          reason: `This workspace already has a token called “${name}”: revoke it first, or choose another name.`,
        };
      return { kind: 'api-token-created', name, token, workspace: speaker.workspace };
    }
    case 'api-token-revoke': {
      const problem = nameProblem(request.name);
      if (problem) return { kind: 'invalid', reason: problem };
      if (!(await store.revokeApiToken(speaker.workspace, request.name)))
        return {
          kind: 'invalid',
          reason: `This workspace has no token called “${request.name}”. \`/eol api tokens\` lists them.`,
        };
      return { kind: 'api-token-revoked', name: request.name };
    }
  }
}
