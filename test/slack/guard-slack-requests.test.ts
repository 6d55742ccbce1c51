// The request guard on its own, with short limits: a body that trickles in past its deadline, and a
// chunked body (no length given) that grows past the cap, are answered and their connections closed;
// what passes reaches the listener behind with the body already read.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { guardSlackRequests } from '../../src/slack/guard-slack-requests.js';
import { signedHeaders, SIGNING_SECRET } from '../helpers/signed-request.js';

let server: Server;
let port: number;
const reached: string[] = [];

beforeAll(async () => {
  const inner = (req: any, res: any) => {
    reached.push(req.rawBody.toString());
    res.end('ok');
  };
  server = createServer(
    guardSlackRequests(inner, { signingSecret: SIGNING_SECRET, maxBodyBytes: 1024, bodyTimeoutMs: 2000 }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Sends raw bytes, keeps the connection open, and resolves with what came back once it closes. */
function raw(head: string, parts: string[], gapMs: number): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', () => {
      void (async () => {
        socket.write(head);
        for (const part of parts) {
          if (socket.destroyed) break;
          socket.write(part);
          await new Promise((wait) => setTimeout(wait, gapMs));
        }
      })();
    });
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(answer));
  });
}

it('answers 408 and closes when a body trickles in past its deadline', async () => {
  const answer = await raw(
    'POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n',
    // Twice the 2 s deadline to arrive, one byte at a time: the deadline fires whatever the machine's load.
    Array.from({ length: 40 }, () => 'a'),
    100,
  );
  expect(answer).toMatch(/^HTTP\/1.1 408/);
});

it('answers 413 and closes when a chunked body passes the cap', async () => {
  const chunk = 'b'.repeat(400);
  const answer = await raw(
    'POST /slack/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n',
    Array.from({ length: 10 }, () => `190\r\n${chunk}\r\n`),
    10,
  );
  expect(answer).toMatch(/^HTTP\/1.1 413/);
});

it('passes a signed request on with its body read', async () => {
  const body = 'text=xp';
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) },
    body,
  });
  expect(await response.text()).toBe('ok');
  expect(reached).toEqual(['text=xp']);
});
