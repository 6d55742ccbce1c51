// One JSON request to a device manager, as their APIs want it read: a 429 or 503 is waited out for its
// Retry-After (seconds) and asked again, a few times; each attempt has a deadline; anything else that is
// not 2xx is the caller's to judge. Never logs a header (they carry tokens).

export class DeviceManagerError extends Error {}

export interface FetchOptions {
  sleep?: (ms: number) => Promise<void>;
  /** Per attempt. */
  timeoutMs?: number;
}

const ATTEMPTS = 5;
const DEFAULT_RETRY_S = 5;
/** A Retry-After beyond this is not waited for: the sync fails and the next one tries again. */
const LONGEST_WAIT_S = 120;
const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function fetchJson(
  url: string,
  init: RequestInit,
  what: string,
  options: FetchOptions = {},
): Promise<{ status: number; body: unknown }> {
  const sleep = options.sleep ?? sleepFor;
  for (let attempt = 1; ; attempt += 1) {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
    } catch (error) {
      if (attempt >= ATTEMPTS) throw new DeviceManagerError(`${what}: no answer (${(error as Error).message})`);
      await sleep(DEFAULT_RETRY_S * 1000);
      continue;
    }
    if ((response.status === 429 || response.status === 503) && attempt < ATTEMPTS) {
      await response.arrayBuffer();
      const asked = Number(response.headers.get('retry-after'));
      const wait = Number.isFinite(asked) && asked >= 0 ? asked : DEFAULT_RETRY_S;
      if (wait > LONGEST_WAIT_S) throw new DeviceManagerError(`${what}: asked to wait ${wait} s (Retry-After)`);
      await sleep(wait * 1000);
      continue;
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      body = null;
    }
    return { status: response.status, body };
  }
}

/** A field of a device manager's answer as text: strings as they are, numbers and booleans written out, anything else empty. */
export const fieldText = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
