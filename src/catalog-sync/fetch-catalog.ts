// GET the catalogue from endoflife.date's API: conditional (ETag, If-Modified-Since), with a timeout;
// fetch asks for gzip and unpacks it. The unpacked answer is counted as it streams in and refused past
// a cap, so neither a huge answer nor a gzip bomb is ever held whole. Every failure is a result saying
// why, never a throw.
import { readCappedBody } from '../net/read-capped-body.js';

/** About twenty times today's 2.7 MB answer. */
const MAX_CATALOG_BYTES = 50 * 1024 * 1024;

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchOutcome =
  | { kind: 'not-modified' }
  | { kind: 'fetched'; body: string; validators: Validators }
  | { kind: 'failed'; reason: string };

export async function fetchCatalog(
  url: string,
  validators: Validators,
  timeoutMs: number,
  maxBytes = MAX_CATALOG_BYTES,
): Promise<FetchOutcome> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'gzip' };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  let response: Response;
  try {
    response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause?.code;
    const timedOut = (error as Error).name === 'TimeoutError';
    return {
      kind: 'failed',
      reason: timedOut ? `no answer within ${timeoutMs / 1000} s` : `network error${cause ? ` (${cause})` : ''}`,
    };
  }
  if (response.status === 304) return { kind: 'not-modified' };
  if (response.status === 429) {
    const retryAfter = response.headers.get('retry-after');
    return { kind: 'failed', reason: `rate limited (HTTP 429${retryAfter ? `, Retry-After ${retryAfter} s` : ''})` };
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok)
    return { kind: 'failed', reason: `HTTP ${response.status}${type ? ` (${type.split(';')[0]})` : ''}` };
  if (!type.includes('json'))
    return { kind: 'failed', reason: `not JSON (${type.split(';')[0] || 'no content type'})` };
  const body = await readCappedBody(response, maxBytes);
  if (!body.ok) return { kind: 'failed', reason: body.reason };
  return {
    kind: 'fetched',
    body: body.bytes.toString('utf8'),
    validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
  };
}
