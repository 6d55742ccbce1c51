// Load on /slack/events as Slack sends it: every request signed afresh with its own trigger_id, since
// eolwatch refuses a signed request it has already seen (a replay). Used in-process by
// eol-http-load.ts, and as its own process (so the load does not share the server's event loop) by
// the other benches: `node --import tsx bench/signed-load.ts PORT SECONDS CONNECTIONS TEXT...` prints
// one JSON line of figures.
import autocannon from 'autocannon';
import { signedHeaders, slashCommandBody } from '../test/helpers/signed-request.js';

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

export async function signedLoad(
  port: number,
  texts: readonly string[],
  seconds: number,
  connections = 10,
): Promise<LoadFigures> {
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/slack/events',
        setupRequest: (request) => {
          const body = slashCommandBody(texts[next++ % texts.length] ?? 'xp', `http://127.0.0.1:${port}/unused`);
          return {
            ...request,
            body,
            headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedHeaders(body) },
          };
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

if (process.argv[1]?.endsWith('signed-load.ts')) {
  const [port, seconds, connections, ...texts] = process.argv.slice(2);
  const figures = await signedLoad(Number(port), texts, Number(seconds), Number(connections));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
