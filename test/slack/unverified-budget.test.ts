// Bodies whose signature is not checked yet come from anyone: what they may hold is capped across every
// connection, in bytes and in requests, and past the cap a request is answered 503 at once; once the
// held bodies go, signed requests get through again.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { guardSlackRequests } from '../../src/slack/guard-slack-requests.js';
import { signedHeaders, SIGNING_SECRET } from '../helpers/signed-request.js';

let server: Server;
let port: number;

beforeAll(async () => {
  const inner = (_req: IncomingMessage, res: ServerResponse) => res.end('ok');
  server = createServer(
    guardSlackRequests(inner, {
      signingSecret: SIGNING_SECRET,
      maxBodyBytes: 4096,
      bodyTimeoutMs: 60_000,
      maxUnverifiedBytes: 6000,
      maxUnverifiedRequests: 4,
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A POST that declares `length` bytes and sends `sent` of them, then holds the connection open. */
function held(length: number, sent: number): Socket {
  const socket = connect(port, '127.0.0.1', () => {
    socket.write(`POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: ${length}\r\n\r\n${'a'.repeat(sent)}`);
  });
  socket.on('error', () => undefined);
  return socket;
}

async function post(body: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  return response.status;
}

/** Asks until the server has taken in what the held connections sent: the answer turns to 503. */
async function until503(attempt: () => Promise<number>): Promise<number> {
  for (let tries = 0; tries < 200; tries += 1) {
    const status = await attempt();
    if (status === 503) return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return attempt();
}

it('answers 503 at once past the requests being read, and lets signed requests in once they go', async () => {
  const sockets = [1, 2, 3, 4].map(() => held(1000, 10));
  try {
    expect(await until503(() => post('x=1'))).toBe(503);
  } finally {
    for (const socket of sockets) socket.destroy();
  }
  const body = 'command=%2Feol&text=xp';
  let status = 0;
  for (let tries = 0; tries < 200 && status !== 200; tries += 1) {
    status = await post(body, signedHeaders(body));
    if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(status).toBe(200);
});

it('answers 503 past the bytes held in unchecked bodies across connections', async () => {
  const sockets = [held(3000, 2900), held(3000, 2900)];
  try {
    // 5,800 of the 6,000 bytes are taken: a body of 300 more is refused, before its signature is read.
    expect(await until503(() => post('x'.repeat(300)))).toBe(503);
  } finally {
    for (const socket of sockets) socket.destroy();
  }
});
