// `npm run --silent eol -- [--now YYYY-MM-DD] [--json] <text>`: one answer, or one per stdin line.
// Exit status: 0 answered, 1 could not answer (reason on stderr), 2 usage error.
import { chartDrawerOf } from '../chart-images/draw-chart.js';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { DateTime } from 'luxon';
import {
  isAnswered,
  type CommandDeps,
  type ImportFile,
  type Request,
  type Speaker,
} from '../commands/command-types.js';
import type { CommandLineForm } from '../commands/command-definition.js';
import { runCommand } from '../commands/run-command.js';
import { commandList } from '../commands/command-list.js';
import { parseCommand } from '../commands/parse-command.js';
import type { Chart } from '../charts/chart.js';
import { MAX_IMPORT_BYTES, TOO_LARGE } from '../imports/import-limits.js';
import { parseIsoDate } from '../leaf/calendar-date.js';
import { renderText, warningLine } from '../render/render-text.js';
import { checkSpeaker, LOCAL_SPEAKER } from './local-speaker.js';
import { stripCommandPrefix } from './strip-command-prefix.js';

const CLI = 'npm run --silent eol --';
// The command line's own commands, beside the /eol commands' command-line forms (their definitions').
const CLI_ONLY = [
  '[--now YYYY-MM-DD] reminders run [--dry-run]',
  'db migrate   |   db import-json FILE   (EOLWATCH_DATABASE_URL)',
  'sync [--force]',
  'serve   (the HTTP API, calendar feeds, /healthz and the daily job on PORT, without Slack)',
];
/** The /eol commands' command-line forms, in help's order. */
const commandLineForms = commandList.flatMap((definition) => definition.cli ?? []);
const CLI_USAGE = [
  `usage: ${CLI} [--now YYYY-MM-DD] [--json] [--workspace W] [--channel C] [--user U] <text after /eol>   (no text: one command per stdin line)`,
  ...[...commandLineForms.map((form) => form.usage), ...CLI_ONLY].map((form) => `       ${CLI} ${form}`),
].join('\n');

export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface CliWiring {
  /** Command dependencies, with the clock pinned to `now` when given. */
  deps(now: ((zone: string) => DateTime) | null): CommandDeps;
  pinnedClock(isoDate: string): (zone: string) => DateTime;
  /** The daily reminder job, once; null when it cannot post (no SLACK_BOT_TOKEN) and this is no dry run. */
  reminders(
    clock: ((zone: string) => DateTime) | null,
    dryRun: boolean,
  ): Promise<{ lines: string[]; ok: boolean } | null>;
  /** `db migrate` and `db import-json FILE` (PostgreSQL); null when no database is configured. */
  db(args: string[]): Promise<{ lines: string[]; ok: boolean } | null>;
  /** Refreshes the catalogue from EOLWATCH_CATALOG_URL now, with date-change notices if Slack is set. */
  sync(force: boolean): Promise<{ lines: string[]; ok: boolean }>;
  /** An environment variable's value (`connector add --client-secret-env VAR`). */
  secretFromEnv?: (name: string) => string | undefined;
}

const answer = (text: string, deps: CommandDeps, speaker: Speaker, json: boolean, io: CliIo): Promise<boolean> =>
  answerRequest(parseCommand(stripCommandPrefix(text)), undefined, deps, speaker, json, io);

/** The request's answer on stdout (`--json`: the result itself), a refusal on stderr; a file as the file. */
async function answerRequest(
  request: Request,
  form: CommandLineForm | undefined,
  deps: CommandDeps,
  speaker: Speaker,
  json: boolean,
  io: CliIo,
): Promise<boolean> {
  const result = await runCommand(request, deps, speaker);
  const answered = isAnswered(result);
  // A file's answer is the file itself, byte for byte (an iCalendar feed keeps its CRLF line ends).
  if (json) io.stdout.write(`${JSON.stringify(result)}\n`);
  else if (result.kind === 'export')
    io.stdout.write(result.content.endsWith('\n') ? result.content : `${result.content}\n`);
  if (!answered) io.stderr.write(`${renderText(result)}\n`);
  else if (!json && result.kind !== 'export') io.stdout.write(`${renderText(result)}\n`);
  // On stderr, so that what a command writes to stdout (an export, a feed) stays the file itself.
  if (!json && result.warning) io.stderr.write(`${warningLine(result.warning)}\n`);
  const after = form?.after?.[result.kind];
  if (after && !json) io.stdout.write(`\n${after}\n`);
  if (result.kind === 'chart' && request.kind === 'chart') return writeChart(result.chart, request.out, json, io);
  return answered;
}

/** `--out FILE.png|svg` writes the picture; without it the words are all a terminal can show. */
async function writeChart(chart: Chart, out: string | null, json: boolean, io: CliIo): Promise<boolean> {
  if (out === null) {
    if (!json) io.stdout.write(`Add --out ${chart.fileBase}.png (or .svg) to write the picture.\n`);
    return true;
  }
  try {
    await writeFile(out, await chartDrawerOf({})(chart.spec, out.toLowerCase().endsWith('.svg') ? 'svg' : 'png'));
  } catch (error) {
    io.stderr.write(`Could not write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return false;
  }
  if (!json) io.stdout.write(`Wrote ${out}.\n`);
  return true;
}

const TAKES_VALUE = new Set(['--now', '--workspace', '--channel', '--user']);

/**
 * Options come before the command; from its first word on, everything is the command's own, so
 * `inventory set xp -5` is answered about the count, not refused as an unknown option "-5".
 */
function splitAtCommand(argv: readonly string[]): { options: string[]; command: string[] } {
  let index = 0;
  while (index < argv.length) {
    const arg = argv[index] as string;
    if (arg === '--') return { options: argv.slice(0, index), command: argv.slice(index + 1) };
    if (!arg.startsWith('-') || /^-\d/.test(arg)) break;
    index += TAKES_VALUE.has(arg) ? 2 : 1;
  }
  return { options: argv.slice(0, index), command: argv.slice(index) };
}

/** The command-line form the words select (its words first, in any case), if any reads them itself. */
function formOf(words: readonly string[]): CommandLineForm | undefined {
  return commandLineForms.find(
    (form) =>
      form.read !== undefined &&
      form.words !== undefined &&
      form.words.every((word, index) => words[index]?.toLowerCase() === word),
  );
}

/** A file named on the command line; one too large is refused before it is read. */
async function readNamedFile(path: string): Promise<ImportFile | { name: string; reason: string }> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (!info.isFile()) return { name, reason: 'it is not a file' };
    if (info.size > MAX_IMPORT_BYTES)
      return {
        name,
        reason: TOO_LARGE,
      };
    return { name, bytes: await readFile(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      name,
      reason:
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EACCES'
            ? 'it cannot be read (permission denied)'
            : `it cannot be read (${code ?? (error as Error).message})`,
    };
  }
}

export async function runCli(argv: string[], io: CliIo, wiring: CliWiring): Promise<number> {
  const { options, command: positionals } = splitAtCommand(argv);
  let parsed;
  try {
    parsed = parseArgs({
      args: options,
      allowPositionals: false,
      options: {
        now: { type: 'string' },
        json: { type: 'boolean', default: false },
        workspace: { type: 'string', default: LOCAL_SPEAKER.workspace },
        channel: { type: 'string', default: LOCAL_SPEAKER.channel },
        user: { type: 'string', default: LOCAL_SPEAKER.user },
        help: { type: 'boolean', short: 'h', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${CLI_USAGE}\n`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    io.stdout.write(`${CLI_USAGE}\n`);
    return 0;
  }
  let clock = null;
  if (values.now !== undefined) {
    const date = parseIsoDate(values.now);
    if (!date) {
      io.stderr.write(`--now takes a date as YYYY-MM-DD, not "${values.now}"\n${CLI_USAGE}\n`);
      return 2;
    }
    clock = wiring.pinnedClock(date);
  }
  const speaker = { workspace: values.workspace ?? '', channel: values.channel ?? '', user: values.user ?? '' };
  const speakerProblem = checkSpeaker(speaker);
  const cliSpeaker = { ...speaker, via: 'cli' as const };
  if (speakerProblem) {
    io.stderr.write(`${speakerProblem}\n${CLI_USAGE}\n`);
    return 2;
  }
  if (
    positionals[0] === 'sync' &&
    (positionals.length === 1 || (positionals.length === 2 && positionals[1] === '--force'))
  ) {
    const summary = await wiring.sync(positionals[1] === '--force');
    (summary.ok ? io.stdout : io.stderr).write(`${summary.lines.join('\n')}\n`);
    return summary.ok ? 0 : 1;
  }
  if (positionals[0] === 'db') {
    const usable =
      (positionals[1] === 'migrate' && positionals.length === 2) ||
      (positionals[1] === 'import-json' && positionals.length === 3);
    if (!usable) {
      io.stderr.write(`${CLI_USAGE}\n`);
      return 2;
    }
    const summary = await wiring.db(positionals.slice(1));
    if (!summary) {
      io.stderr.write(
        'db commands work on PostgreSQL: set EOLWATCH_DATABASE_URL (postgres://user:password@host:5432/eolwatch).\n',
      );
      return 2;
    }
    (summary.ok ? io.stdout : io.stderr).write(`${summary.lines.join('\n')}\n`);
    return summary.ok ? 0 : 1;
  }
  if (positionals[0] === 'reminders') {
    const dryRunAfter = positionals[2] === '--dry-run';
    if (positionals[1] !== 'run' || positionals.length > (dryRunAfter ? 3 : 2)) {
      io.stderr.write(`${CLI_USAGE}\n`);
      return 2;
    }
    const summary = await wiring.reminders(clock, (values['dry-run'] ?? false) || dryRunAfter);
    if (!summary) {
      io.stderr.write(
        'reminders run posts through Slack: set SLACK_BOT_TOKEN, or the OAuth variables (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET) to post with each installed workspace’s token; or add --dry-run.\n',
      );
      return 2;
    }
    io.stdout.write(`${summary.lines.join('\n')}\n`);
    return summary.ok ? 0 : 1;
  }
  // Whoever runs the command line runs eolwatch (it holds the store file): an admin, as for API tokens.
  const wired = wiring.deps(clock);
  const deps = { ...wired, admins: new Set([...wired.admins, speaker.user]) };
  const json = values.json ?? false;
  const form = formOf(positionals);
  if (form?.read) {
    const context = {
      readFile: readNamedFile,
      secretFromEnv: wiring.secretFromEnv ?? (() => undefined),
      dryRun: values['dry-run'] ?? false,
    };
    const reading = await form.read(positionals.slice(form.words?.length ?? 0), context);
    if ('usage' in reading) {
      io.stderr.write(`${reading.usage === null ? '' : `${reading.usage}\n`}${CLI_USAGE}\n`);
      return 2;
    }
    return (await answerRequest(reading, form, deps, cliSpeaker, json, io)) ? 0 : 1;
  }
  if (positionals.length > 0) return (await answer(positionals.join(' '), deps, cliSpeaker, json, io)) ? 0 : 1;
  if (io.stdin.isTTY) {
    io.stderr.write(`${CLI_USAGE}\n`);
    return 2;
  }
  let allAnswered = true;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    allAnswered = (await answer(line, deps, cliSpeaker, json, io)) && allAnswered;
  }
  return allAnswered ? 0 : 1;
}
