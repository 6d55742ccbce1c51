// Unauthenticated memory: the built bot (dist/main.js) over HTTP as its own process, sent N requests
// that declare a 1 MB body and send all of it but the last byte, held open (nobody's signature can be
// checked until a body is whole). Printed: the server's resident memory quiet and while they are held,
// how many were refused at once with 503 (past the 64 MB budget of unverified bytes), and GET /healthz
// latency quiet and while they are held (sequential probes; median, p99 and max). Before the budget,
// 600 such bodies took 748 MB and 2,000 took 1.1 GB and stalled /healthz (issue 23).
import { execFileSync } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { rssMb, startEolwatchOverHttp } from './start-process.js';
import { percentile } from './stats.js';

const BODIES = Number(process.env.BENCH_BODIES ?? 600);
const PROBES = 400;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const eolwatch = await startEolwatchOverHttp(undefined, 'dist/main.js');
const { port, child } = eolwatch;

async function probeHealthz(): Promise<{ median: number; p99: number; max: number }> {
  const samples: number[] = [];
  for (let n = 0; n < PROBES; n += 1) {
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    await response.arrayBuffer();
    samples.push(performance.now() - started);
  }
  const sorted = samples.sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

/** A request declaring a 1 MB body, sent short of its last byte; resolves with the status if refused. */
function unfinishedBody(): { socket: Socket; refused: Promise<string | null> } {
  const socket = connect(port, '127.0.0.1');
  const refused = new Promise<string | null>((resolve) => {
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk;
      resolve(/^HTTP\/1\.1 (\d+)/.exec(answer)?.[1] ?? null);
    });
    socket.on('close', () => resolve(answer === '' ? 'closed' : null));
    socket.on('error', () => undefined);
  });
  socket.write(
    `POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${1024 * 1024}\r\n\r\n`,
  );
  socket.write(Buffer.alloc(1024 * 1024 - 1, 97));
  return { socket, refused };
}

const fmt = (figures: { median: number; p99: number; max: number }) =>
  `median ${figures.median.toFixed(2)} ms, p99 ${figures.p99.toFixed(2)} ms, max ${figures.max.toFixed(2)} ms`;

try {
  await probeHealthz(); // warm-up
  const quiet = await probeHealthz();
  const quietRss = rssMb(child.pid);
  const held = Array.from({ length: BODIES }, unfinishedBody);
  await sleep(3000); // every body on the wire and read as far as the server will
  const heldRss = rssMb(child.pid);
  const busy = await probeHealthz();
  const peakRss = Math.max(heldRss, rssMb(child.pid));
  const statuses = await Promise.all(held.map(({ refused }) => Promise.race([refused, sleep(10).then(() => null)])));
  const at503 = statuses.filter((status) => status === '503').length;
  console.log(`${BODIES} unfinished 1 MB bodies (1 byte short, unsigned) held against dist/main.js over HTTP`);
  console.log(`  resident memory: ${quietRss.toFixed(0)} MB quiet, ${peakRss.toFixed(0)} MB at most while held`);
  console.log(`  refused at once with 503 (past the 64 MB unverified budget): ${at503} of ${BODIES}`);
  console.log(`  GET /healthz, ${PROBES} sequential probes: quiet ${fmt(quiet)}`);
  console.log(`                                     while held ${fmt(busy)}`);
  for (const { socket } of held) socket.destroy();
} finally {
  await eolwatch.stop();
}
