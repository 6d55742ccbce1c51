#!/usr/bin/env node
// Entry point of `npm run --silent eol -- ...`: one-shot and batch answers for scripts.
import { existsSync } from 'node:fs';
import { loadDotEnv } from './load-dot-env.js';
import { useProxy } from './net/use-proxy.js';
import { loadConfig } from './config.js';
import { describeStartupError } from './describe-startup-error.js';
import { runCli } from './shell/run-cli.js';
import { openCore } from './wire-core.js';

try {
  loadDotEnv();
  const config = loadConfig(process.env);
  await useProxy(config.proxy);
  const core = await openCore(config);
  // The store is made by the first command that saves something: that command says where it went.
  const storeExisted = config.databaseUrl !== null || existsSync(config.storePath);
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  const { botToken, apiUrl } = config.slack;
  process.exitCode = await runCli(process.argv.slice(2), io, {
    deps: (clock) => core.deps(clock),
    pinnedClock: core.pinnedClock,
    reminders: async (clock, dryRun) => {
      if (!dryRun && !botToken) return null;
      const now = clock ? () => clock(config.timezone) : core.deps().now;
      const { runReminderJob } = await import('./wire-daily-job.js');
      return runReminderJob(core, now, dryRun ? null : { botToken: botToken ?? '', apiUrl });
    },
    // Slack's client and PostgreSQL's are loaded only by the commands that use them: a question is answered
    // without either (about 400 ms of start-up).
    sync: async (force) =>
      (await import('./wire-daily-job.js')).runSync(core, botToken ? { botToken, apiUrl } : null, force),
    db: async (args) =>
      config.databaseUrl
        ? (await import('./store/postgres/run-database-command.js')).runDatabaseCommand(args, config.databaseUrl)
        : null,
  });
  await core.close();
  if (!storeExisted && existsSync(config.storePath))
    process.stderr.write(`eolwatch: saved in a new store, ${config.storePath} (EOLWATCH_STORE puts it elsewhere).\n`);
} catch (error) {
  process.stderr.write(`eolwatch: ${describeStartupError(error)}\n`);
  process.exitCode = 1;
}
