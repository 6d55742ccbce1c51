// Lookups cost the same for everyone: ordinary /eol questions through the real HTTP entry
// (src/main.ts as its own process) while 20 crafted worst-case questions (300 characters of near-miss
// words) arrive each second, beside the same ordinary load alone; and the CPU time of the costliest
// crafted question, in this process. Target: ordinary p99 well under Slack's 3 s, and about as low as
// without the crafted ones.
import { createResolver } from '../src/catalog/resolve-name.js';
import { signedHeaders, slashCommandBody } from '../test/helpers/signed-request.js';
import { testCore } from '../test/helpers/test-core.js';
import { craftedQuestions } from './crafted-questions.js';
import { signedLoad } from './signed-load.js';
import { startEolwatchOverHttp } from './start-process.js';

const ORDINARY = [
  'windows 8.1',
  'is xp still patched?',
  'ubuntu jammy',
  'server 2012 r2',
  'node 18',
  'windows 10 pro 21h2',
];
const crafted = craftedQuestions(200, 11);

// The costliest crafted question, by CPU time (median of 20 runs each, after a warm-up).
const resolve = createResolver(testCore().catalog);
for (const question of crafted) resolve(question);
const cpuMs = (question: string) => {
  const runs = Array.from({ length: 20 }, () => {
    const before = process.cpuUsage();
    resolve(question);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  }).sort((a, b) => a - b);
  return runs[10] ?? 0;
};
const worst = Math.max(...crafted.map(cpuMs));
const ordinaryCpu = Math.max(...ORDINARY.map(cpuMs));

const eolwatch = await startEolwatchOverHttp();
const { port } = eolwatch;
try {
  await signedLoad(port, ORDINARY, 2); // warm-up
  const quiet = await signedLoad(port, ORDINARY, 10);
  let sent = 0;
  const crafter = setInterval(() => {
    for (let i = 0; i < 20; i += 1) {
      const body = slashCommandBody(crafted[sent++ % crafted.length] ?? '', eolwatch.responseUrl);
      void fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) },
        body,
      }).then((r) => r.text());
    }
  }, 1000);
  const busy = await signedLoad(port, ORDINARY, 10);
  clearInterval(crafter);
  console.log(
    'crafted 300-character questions against /eol (src/main.ts over HTTP, 10 connections of ordinary questions, 10 s each)',
  );
  console.log(
    `  CPU time per question, median of 20: costliest crafted ${worst.toFixed(2)} ms, costliest ordinary ${ordinaryCpu.toFixed(2)} ms (was 250-370 ms crafted)`,
  );
  console.log(
    `  ordinary alone:                     p50 ${quiet.p50} ms, p99 ${quiet.p99} ms, ${quiet.rps.toFixed(0)} req/s (${quiet.non2xx} non-2xx)`,
  );
  console.log(
    `  with 20 crafted a second (${sent} sent): p50 ${busy.p50} ms, p99 ${busy.p99} ms, ${busy.rps.toFixed(0)} req/s (${busy.non2xx} non-2xx)`,
  );
} finally {
  await eolwatch.stop();
}
