// A request body read with a size cap and a deadline, so a huge or a trickling body is refused
// instead of held: shared by the Slack endpoint's guard and the HTTP API.
import type { IncomingMessage } from 'node:http';

export type RequestBody = Buffer | 'too-large' | 'timeout' | 'aborted' | 'over-budget';

/**
 * `take(bytes)`: asked before each chunk is kept; false stops the read ('over-budget'). The caller gives
 * back what was taken once it is done with the body.
 */
export function readRequestBody(
  req: IncomingMessage,
  maxBytes: number,
  timeoutMs: number,
  take: (bytes: number) => boolean = () => true,
): Promise<RequestBody> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (outcome: RequestBody) => {
      clearTimeout(timer);
      req.removeAllListeners('data');
      resolve(outcome);
    };
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish('too-large');
      else if (!take(chunk.length)) finish('over-budget');
      else chunks.push(chunk);
    });
    req.on('end', () => finish(Buffer.concat(chunks)));
    req.on('error', () => finish('aborted'));
    req.on('aborted', () => finish('aborted'));
  });
}
