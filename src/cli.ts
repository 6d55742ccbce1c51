#!/usr/bin/env node
// Entry point of `npm run --silent eol -- ...`: one-shot and batch answers for scripts.
import { existsSync } from 'node:fs';
import { loadDotEnv } from './load-dot-env.js';
import { useProxy } from './net/use-proxy.js';
import { loadConfig, type Config } from './config.js';
import { describeStartupError } from './describe-startup-error.js';
import { runCli } from './shell/run-cli.js';
import { openCore } from './wire-core.js';
import type { SlackAccess } from './wire-daily-job.js';

try {
  loadDotEnv();
  const config = loadConfig(process.env);
  await useProxy(config.proxy);
  // `serve` runs until stopped (SIGTERM): not a one-shot command.
  if (process.argv[2] === 'serve') await (await import('./serve.js')).serve(config);
  else await answerOnce(config);
} catch (error) {
  process.stderr.write(`eolwatch: ${describeStartupError(error)}\n`);
  process.exitCode = 1;
}

async function answerOnce(config: Config): Promise<void> {
  const core = await openCore(config);
  // The store is made by the first command that saves something: that command says where it went.
  const storeExisted = config.databaseUrl !== null || existsSync(config.storePath);
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  const { botToken, apiUrl, oauth } = config.slack;
  // One workspace's bot token, or (an OAuth deployment) each workspace's own from its installation in the
  // store, as the bot's daily job posts: an external scheduler can then run the day's reminders.
  const slack = async (): Promise<SlackAccess | null> => {
    if (botToken) return { botToken, apiUrl };
    if (!oauth) return null;
    const { botTokenOf } = await import('./slack/installation-store.js');
    return { tokenFor: async (workspace) => botTokenOf(await core.store(), workspace), apiUrl };
  };
  process.exitCode = await runCli(process.argv.slice(2), io, {
    deps: (clock) => core.deps(clock),
    pinnedClock: core.pinnedClock,
    secretFromEnv: (name) => process.env[name],
    reminders: async (clock, dryRun) => {
      const access = dryRun ? null : await slack();
      if (!dryRun && !access) return null;
      const now = clock ? () => clock(config.timezone) : core.deps().now;
      const { runReminderJob } = await import('./wire-daily-job.js');
      return runReminderJob(core, now, access);
    },
    // Slack's client and PostgreSQL's are loaded only by the commands that use them: a question is answered
    // without either (about 400 ms of start-up).
    sync: async (force) => (await import('./wire-daily-job.js')).runSync(core, await slack(), force),
    db: async (args) =>
      config.databaseUrl
        ? (await import('./store/postgres/run-database-command.js')).runDatabaseCommand(
            args,
            config.databaseUrl,
            config.databaseSchema,
          )
        : null,
  });
  await core.close();
  if (!storeExisted && existsSync(config.storePath))
    process.stderr.write(`eolwatch: saved in a new store, ${config.storePath} (EOLWATCH_STORE puts it elsewhere).\n`);
}
