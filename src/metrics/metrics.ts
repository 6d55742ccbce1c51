// Prometheus metrics (prom-client): the process defaults and eolwatch's own, served on
// EOLWATCH_METRICS_PORT, never on the public port. One registry per process; the adapters report into it
// (answers through runCommand's observer, the daily job, Slack's Web API calls, the store's operations).
import { createServer, type Server } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AnswerObservation } from '../commands/command-types.js';

export interface Metrics {
  registry: Registry;
  observeAnswer(answer: AnswerObservation): void;
  /** The daily job's reminder run: what it posted and what it could not, by why. */
  reminders(posted: number, failed: { reason: string; count: number }[]): void;
  dailyJobSucceeded(finishedAtMs: number, seconds: number): void;
  slackCall(method: string, outcome: string): void;
  storeOperation(operation: string, seconds: number): void;
  connectorSync(ok: boolean, devices: number): void;
}

export function createMetrics(catalogGeneratedAt: () => string): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const answers = new Counter({
    name: 'eolwatch_answers_total',
    help: 'Answers given, by the kind of answer and the entry point it came through.',
    labelNames: ['kind', 'entry'],
    registers: [registry],
  });
  const answerSeconds = new Histogram({
    name: 'eolwatch_answer_seconds',
    help: 'Time to answer, by entry point (a cached /eol answer included).',
    labelNames: ['entry'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const posted = new Counter({
    name: 'eolwatch_reminders_posted_total',
    help: 'Reminders posted by the daily job.',
    registers: [registry],
  });
  const failed = new Counter({
    name: 'eolwatch_reminders_failed_total',
    help: 'Reminders the daily job could not post, by reason (broken channel, rate limited, left pending).',
    labelNames: ['reason'],
    registers: [registry],
  });
  const slackCalls = new Counter({
    name: 'eolwatch_slack_api_calls_total',
    help: "Calls to Slack's Web API, by method and outcome (ok, rate_limited, or Slack's error code).",
    labelNames: ['method', 'outcome'],
    registers: [registry],
  });
  const lastSuccess = new Gauge({
    name: 'eolwatch_daily_job_last_success_timestamp_seconds',
    help: 'When the daily job (catalogue refresh, reminders, purges) last finished without error, in Unix seconds.',
    registers: [registry],
  });
  const jobSeconds = new Gauge({
    name: 'eolwatch_daily_job_duration_seconds',
    help: "How long the daily job's last successful run took.",
    registers: [registry],
  });
  new Gauge({
    name: 'eolwatch_catalog_age_seconds',
    help: 'Age of the catalogue in use: now minus when endoflife.date generated it.',
    registers: [registry],
    collect() {
      this.set(Math.max(0, (Date.now() - Date.parse(catalogGeneratedAt())) / 1000));
    },
  });
  const storeSeconds = new Histogram({
    name: 'eolwatch_store_operation_seconds',
    help: 'Time of each store operation, by operation.',
    labelNames: ['operation'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const imports = new Counter({
    name: 'eolwatch_imports_total',
    help: 'Device imports, by outcome: previewed, saved or refused.',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const connectorSyncs = new Counter({
    name: 'eolwatch_connector_syncs_total',
    help: 'Connector syncs by the daily job, by outcome: ok or failed.',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const connectorDevices = new Counter({
    name: 'eolwatch_connector_devices_total',
    help: 'Devices read from device managers by successful connector syncs.',
    registers: [registry],
  });
  return {
    registry,
    connectorSync(ok, devices) {
      connectorSyncs.inc({ outcome: ok ? 'ok' : 'failed' });
      if (ok) connectorDevices.inc(devices);
    },
    observeAnswer(answer) {
      answers.inc({ kind: answer.kind, entry: answer.entry });
      answerSeconds.observe({ entry: answer.entry }, answer.seconds);
      if (answer.import) imports.inc({ outcome: answer.import });
    },
    reminders(count, failures) {
      posted.inc(count);
      for (const failure of failures) failed.inc({ reason: failure.reason }, failure.count);
    },
    dailyJobSucceeded(finishedAtMs, seconds) {
      lastSuccess.set(finishedAtMs / 1000);
      jobSeconds.set(seconds);
    },
    slackCall(method, outcome) {
      slackCalls.inc({ method, outcome });
    },
    storeOperation(operation, seconds) {
      storeSeconds.observe({ operation }, seconds);
    },
  };
}

/** GET /metrics on its own port (loopback or the pod network, never the public Slack port). */
export function serveMetrics(metrics: Metrics, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Metrics are at GET /metrics.\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve(server));
  });
}
