// The API token answers as lines, for both renderers. A new token stands alone on the last line, so
// a script can take it with `tail -n 1`.
import type { Result } from '../commands/command-types.js';
import type { Formatter } from './formatter.js';

export function apiLines(result: Result, f: Formatter): string[] | null {
  switch (result.kind) {
    case 'api-token-created':
      return [
        `${f.strong(`API token “${f.text(result.name)}”`)} for this workspace. Copy it now: it is not shown again, and it can change every team’s counts here.`,
        `Use it as \`Authorization: Bearer <token>\` with \`PUT /api/v1/channels/{channel}/inventory\`; \`/eol api token revoke ${f.text(result.name)}\` stops it.`,
        result.token,
      ];
    case 'api-tokens':
      if (result.tokens.length === 0)
        return ['This workspace has no API tokens. `/eol api token create [name]` makes one.'];
      return [
        f.strong('API tokens of this workspace'),
        ...result.tokens.map(
          (token) =>
            `• ${f.text(token.name)}: made by ${f.user(token.createdBy)} on ${f.date(token.createdAt.slice(0, 10))}, ${token.lastUsedAt ? `last used ${f.date(token.lastUsedAt.slice(0, 10))}` : 'never used'}`,
        ),
      ];
    case 'api-token-revoked':
      return [`Revoked the API token “${f.text(result.name)}”: it no longer works.`];
    default:
      return null;
  }
}
