// The metrics, when EOLWATCH_METRICS_PORT is set: the registry, Slack's calls counted, GET /metrics on
// that port. Shared by the bot (main.ts) and `eolwatch serve`.
import type { Config } from './config.js';
import { createMetrics, serveMetrics, type Metrics } from './metrics/metrics.js';

export async function startMetrics(
  config: Pick<Config, 'metricsPort'>,
  catalogGeneratedAt: () => string,
  options: { slack: boolean } = { slack: true },
): Promise<Metrics | undefined> {
  if (config.metricsPort === null) return undefined;
  const metrics = createMetrics(catalogGeneratedAt);
  // Slack's client is loaded only where Slack is used: `eolwatch serve` has none to count.
  if (options.slack) {
    const { countSlackCalls } = await import('./slack/count-slack-calls.js');
    countSlackCalls((method, outcome) => metrics.slackCall(method, outcome));
  }
  const server = await serveMetrics(metrics, config.metricsPort);
  process.once('exit', () => server.close());
  return metrics;
}
