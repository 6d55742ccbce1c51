// GET the catalogue from endoflife.date's API: conditional (ETag, If-Modified-Since), with a timeout;
// fetch asks for gzip and unpacks it. The unpacked answer is counted as it streams in and refused past
// a cap, so neither a huge answer nor a gzip bomb is ever held whole. Every failure is a result saying
// why, never a throw.

/** About twenty times today's 2.7 MB answer. */
export const MAX_CATALOG_BYTES = 50 * 1024 * 1024;

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome =
  | { kind: 'not-modified' }
  | { kind: 'fetched'; body: string; validators: Validators }
  | { kind: 'failed'; reason: string };

export async function fetchCatalog(url: string, validators: Validators, timeoutMs: number, maxBytes = MAX_CATALOG_BYTES): Promise<FetchOutcome> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'gzip' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause?.code;
    const timedOut = (error as Error).name === 'TimeoutError';
    return { kind: 'failed', reason: timedOut ? `no answer within ${timeoutMs / 1000} s` : `network error${cause ? ` (${cause})` : ''}` };
  }
  if (response.status === 304) return { kind: 'not-modified' };
  if (response.status === 429) {
    const retryAfter = response.headers.get('retry-after');
    return { kind: 'failed', reason: `rate limited (HTTP 429${retryAfter ? `, Retry-After ${retryAfter} s` : ''})` };
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) return { kind: 'failed', reason: `HTTP ${response.status}${type ? ` (${type.split(';')[0]})` : ''}` };
  if (!type.includes('json')) return { kind: 'failed', reason: `not JSON (${type.split(';')[0] || 'no content type'})` };
  const body = await readCapped(response, maxBytes);
  if (typeof body !== 'string') return body;
  return { kind: 'fetched', body, validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') } };
}

async function readCapped(response: Response, maxBytes: number): Promise<string | { kind: 'failed'; reason: string }> {
  const tooLarge = { kind: 'failed' as const, reason: `the answer is larger than ${Math.round(maxBytes / 1024 / 1024)} MB` };
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    return tooLarge;
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      size += part.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        return tooLarge;
      }
      chunks.push(part.value);
    }
  } catch (error) {
    return { kind: 'failed', reason: `the answer broke off (${(error as Error).message})` };
  }
  return Buffer.concat(chunks).toString('utf8');
}
