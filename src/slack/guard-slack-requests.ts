// In front of Bolt's HTTP receiver: what a careful public Slack endpoint refuses before any listener
// runs. Bolt checks the signature and rejects old timestamps, but accepts timestamps far in the future,
// a timestamp header that only parses to the signed one ("NNN.000"), and the same signed request twice;
// and it reads any body it is sent. Here a POST is read with a size cap and a deadline, its signature
// checked over the header exactly as sent, its timestamp held to ±5 minutes, and a signature seen
// before within that window refused: by any replica on the same store, before a restart included, when
// the store's request limits are given (requests/request-limits.ts). (Ids and Slack's retries are
// checked where both modes enter Bolt: guard-bolt-events.ts.)
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { readRequestBody } from '../net/read-request-body.js';

export interface RequestGuardOptions {
  signingSecret: string;
  /** Seconds since the epoch. */
  nowSeconds?: () => number;
  maxBodyBytes?: number;
  bodyTimeoutMs?: number;
  /** How far a timestamp may be from now, either way. */
  windowSeconds?: number;
  /** Signatures remembered for replay refusal; the oldest are forgotten past this. */
  replayCacheSize?: number;
  /**
   * True the first time a signature is seen within REPLAY_MEMORY_SECONDS: the store's, so replicas and
   * restarts share what was seen. Without it, this process remembers.
   */
  firstSighting?: (signature: string) => Promise<boolean>;
  /** Bytes held, across every connection, in bodies whose signature is not checked yet. */
  maxUnverifiedBytes?: number;
  /** Requests being read at once whose signature is not checked yet. */
  maxUnverifiedRequests?: number;
}

/** Slack's payloads are a few kilobytes; a view submission with many fields stays well under this. */
export const MAX_BODY_BYTES = 1024 * 1024;
const BODY_TIMEOUT_MS = 10_000;
const WINDOW_SECONDS = 300;
/** A signature is good for the window either side of now: remembered for both. */
export const REPLAY_MEMORY_SECONDS = 2 * WINDOW_SECONDS;
/**
 * Anyone may send bodies before a signature says who they are: their bytes are capped across all
 * connections (600 unfinished 1 MB bodies took 748 MB before), and past the cap a request gets 503 at once.
 */
const MAX_UNVERIFIED_BYTES = 64 * 1024 * 1024;
const MAX_UNVERIFIED_REQUESTS = 512;

/** Answers and closes the connection: a refused request's unread body is never waited for. */
function refuse(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain', connection: 'close' });
  res.end(message, () => res.socket?.destroy());
}

export function guardSlackRequests(inner: RequestListener, options: RequestGuardOptions): RequestListener {
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const windowSeconds = options.windowSeconds ?? WINDOW_SECONDS;
  const replayCacheSize = options.replayCacheSize ?? 100_000;
  const seen = new Map<string, number>(); // signature -> when it may be forgotten
  const maxUnverifiedBytes = options.maxUnverifiedBytes ?? MAX_UNVERIFIED_BYTES;
  const maxUnverifiedRequests = options.maxUnverifiedRequests ?? MAX_UNVERIFIED_REQUESTS;
  let unverifiedBytes = 0;
  let unverifiedRequests = 0;

  function remember(signature: string, now: number): boolean {
    for (const [old, expiry] of seen) {
      if (expiry > now && seen.size < replayCacheSize) break;
      seen.delete(old); // insertion order is time order: the oldest go first
    }
    if (seen.has(signature)) return false;
    seen.set(signature, now + 2 * windowSeconds);
    return true;
  }
  const firstSighting = options.firstSighting ?? (async (signature: string) => remember(signature, nowSeconds()));

  return (req, res) => {
    if (req.method !== 'POST') {
      inner(req, res);
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBodyBytes) {
      refuse(res, 413, 'Request body too large');
      return;
    }
    if (unverifiedRequests >= maxUnverifiedRequests || unverifiedBytes + declared > maxUnverifiedBytes) {
      refuse(res, 503, 'Too many requests being received; try again shortly');
      return;
    }
    unverifiedRequests += 1;
    let taken = 0;
    const take = (bytes: number) => {
      if (unverifiedBytes + bytes > maxUnverifiedBytes) return false;
      unverifiedBytes += bytes;
      taken += bytes;
      return true;
    };
    void readRequestBody(req, maxBodyBytes, options.bodyTimeoutMs ?? BODY_TIMEOUT_MS, take).then(async (body) => {
      // The body is read, kept or refused: its bytes no longer count against strangers' budget.
      unverifiedRequests -= 1;
      unverifiedBytes -= taken;
      if (body === 'over-budget') return refuse(res, 503, 'Too many requests being received; try again shortly');
      if (body === 'too-large') return refuse(res, 413, 'Request body too large');
      if (body === 'timeout') return refuse(res, 408, 'Request body too slow');
      if (body === 'aborted') return undefined;
      const timestamp = req.headers['x-slack-request-timestamp'];
      const signature = req.headers['x-slack-signature'];
      const now = nowSeconds();
      if (
        typeof timestamp !== 'string' ||
        !/^[1-9]\d{0,11}$/.test(timestamp) ||
        Math.abs(now - Number(timestamp)) > windowSeconds
      ) {
        return refuse(res, 401, 'Missing, malformed or stale timestamp');
      }
      if (typeof signature !== 'string' || !/^v0=[0-9a-f]{64}$/.test(signature))
        return refuse(res, 401, 'Missing or malformed signature');
      const expected = `v0=${createHmac('sha256', options.signingSecret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
      if (!timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) return refuse(res, 401, 'Bad signature');
      const first = await firstSighting(signature).catch(() => null);
      if (first === null) return refuse(res, 503, 'Cannot check for replays right now; try again shortly');
      if (!first) return refuse(res, 401, 'Request already received');
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
      inner(req, res);
      return undefined;
    });
  };
}
