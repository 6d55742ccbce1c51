// Hostile connections against the real HTTP entry (src/main.ts as its own process): 1,000 connections
// that send one header line every 5 s and never finish, and 100 unsigned 4 MB bodies sent without a
// length (chunked) and held open short of the end. Printed: the server's resident memory before,
// while they are held, and after; how many were still open when the server's limits acted; and /eol
// p50/p99 for legitimate, signed requests at the same time, beside the same load on a quiet server.
import { connect, type Socket } from 'node:net';
import { signedLoad } from './signed-load.js';
import { rssMb, startEolwatchOverHttp } from './start-process.js';

const SLOW = Number(process.env.BENCH_SLOW ?? 1000);
const BODIES = Number(process.env.BENCH_BODIES ?? 100);
const HOLD_S = Number(process.env.BENCH_HOLD_SECONDS ?? 20);
const QUERIES = ['windows 8.1', 'xp', 'ubuntu jammy', 'server 2012 r2'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const eolwatch = await startEolwatchOverHttp();
const { port, child } = eolwatch;
const sockets: Socket[] = [];
let closedByServer = 0;
function open(): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', () => resolve(socket));
    socket.resume(); // read what the server sends, so its 408 and close are seen
    socket.on('close', () => {
      closedByServer += 1;
      resolve(socket);
    });
    sockets.push(socket);
  });
}

try {
  await signedLoad(port, QUERIES, 2); // warm-up
  const quiet = await signedLoad(port, QUERIES, 10);
  const before = rssMb(child.pid);

  // Slow headers: a request line, then one header line every 5 s.
  const slow = await Promise.all(Array.from({ length: SLOW }, open));
  for (const socket of slow) socket.write('POST /slack/events HTTP/1.1\r\nHost: x\r\n');
  const drip = setInterval(
    () => slow.forEach((socket, index) => socket.writable && socket.write(`X-Drip-${index}: 1\r\n`)),
    5000,
  );

  // Unfinished bodies: chunked, unsigned, 4 MB each, all but the last byte.
  const chunk = Buffer.alloc(64 * 1024, 97);
  const bodies = await Promise.all(Array.from({ length: BODIES }, open));
  for (const socket of bodies) {
    if (socket.destroyed) continue;
    socket.write(
      'POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n',
    );
    for (let sent = 0; sent < 4 * 1024 * 1024 - 1; sent += chunk.length)
      socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`);
  }

  await sleep(2000);
  const whileHeld = rssMb(child.pid);
  const busy = await signedLoad(port, QUERIES, 10);
  const peak = Math.max(whileHeld, rssMb(child.pid));
  await sleep(Math.max(0, HOLD_S * 1000 - 12_000));
  clearInterval(drip);
  const openAfterHold = sockets.length - closedByServer;
  const after = rssMb(child.pid);

  console.log(
    `hostile connections against src/main.ts over HTTP (${SLOW} slow-header connections, ${BODIES} unsigned 4 MB chunked bodies held short of the end)`,
  );
  console.log(
    `  resident memory: ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at most while held, ${after.toFixed(0)} MB after ${HOLD_S} s`,
  );
  console.log(
    `  connections still open after ${HOLD_S} s: ${openAfterHold} of ${sockets.length} (the server's header, body and request deadlines close the rest)`,
  );
  console.log(
    `  /eol, 10 connections, 10 s, signed:  quiet p50 ${quiet.p50} ms, p99 ${quiet.p99} ms, ${quiet.rps.toFixed(0)} req/s (${quiet.non2xx} non-2xx)`,
  );
  console.log(
    `                              while held p50 ${busy.p50} ms, p99 ${busy.p99} ms, ${busy.rps.toFixed(0)} req/s (${busy.non2xx} non-2xx)`,
  );
} finally {
  for (const socket of sockets) socket.destroy();
  await eolwatch.stop();
}
