// An OAuth 2.0 client-credentials token (Microsoft Entra ID, Jamf Pro): one form POST, kept until a
// minute before it expires, fetched again when a request says it has (401). MSAL does the same for
// Entra but refuses plain-http authorities, which the local fakes are (../shared/TOOLING.md).
import { DeviceManagerError, fetchJson, type FetchOptions } from './fetch-json.js';

export interface TokenSource {
  token(): Promise<string>;
  /** Forgets the token: the next request fetches a new one. */
  expire(): void;
}

const EARLY_MS = 60_000;

export function clientCredentialsToken(
  tokenUrl: string,
  form: Record<string, string>,
  who: string,
  options: FetchOptions & { now?: () => number } = {},
): TokenSource {
  const now = options.now ?? Date.now;
  let held: { token: string; until: number } | null = null;
  return {
    async token() {
      if (held && now() < held.until) return held.token;
      const { status, body } = await fetchJson(
        tokenUrl,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form),
        },
        `${who} token`,
        options,
      );
      const answer = (body ?? {}) as { access_token?: unknown; expires_in?: unknown; error?: unknown };
      if (status !== 200 || typeof answer.access_token !== 'string') {
        const error = typeof answer.error === 'string' ? answer.error : `HTTP ${status}`;
        throw new DeviceManagerError(
          error === 'invalid_client' || status === 401
            ? `${who} refused the client id or secret (${error}): check them, and that the secret has not expired`
            : `${who} gave no token (${error})`,
        );
      }
      const seconds = typeof answer.expires_in === 'number' ? answer.expires_in : Number(answer.expires_in ?? 0);
      held = { token: answer.access_token, until: now() + Math.max(0, seconds * 1000 - EARLY_MS) };
      return held.token;
    },
    expire() {
      held = null;
    },
  };
}

/** A GET with the token; a 401 (the token expired early, or was revoked) fetches a new one and asks again once. */
export async function getWithToken(
  url: string,
  tokens: TokenSource,
  what: string,
  options: FetchOptions = {},
): Promise<unknown> {
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const { status, body } = await fetchJson(
      url,
      { headers: { authorization: `Bearer ${await tokens.token()}`, accept: 'application/json' } },
      what,
      options,
    );
    if (status === 200) return body;
    if (status === 401 && attempt === 1) {
      tokens.expire();
      continue;
    }
    throw new DeviceManagerError(`${what}: HTTP ${status}`);
  }
  throw new DeviceManagerError(`${what}: the new token was refused too`);
}
