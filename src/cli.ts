// Entry point of `npm run --silent eol -- ...`: one-shot and batch answers for scripts.
import { existsSync } from 'node:fs';
import { loadConfig } from './config.js';
import { describeStartupError } from './describe-startup-error.js';
import { runCli } from './shell/run-cli.js';
import { wireCore } from './wire-core.js';

try {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const core = wireCore(loadConfig(process.env));
  const io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  process.exitCode = await runCli(process.argv.slice(2), io, { deps: (clock) => core.deps(clock), pinnedClock: core.pinnedClock });
} catch (error) {
  process.stderr.write(`eolwatch: ${describeStartupError(error)}\n`);
  process.exitCode = 1;
}
