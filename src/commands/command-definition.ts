// What each /eol subcommand declares about itself: how it reads its words, what it runs for each
// request it reads to, which of those admins alone may make or a locked channel keeps to admins, where
// each answer goes, and its
// command-line forms. `help`, the command line's usage and routing, Slack's deliveries and the pipeline
// (run-command.ts) are all made from these.
import type { AlreadyRead, CommandDeps, ImportFile, Request, Result, Speaker } from './command-types.js';
import type { AuditChange } from './record-audit.js';

export type RequestOf<K extends Request['kind']> = Extract<Request, { kind: K }>;

/** For each kind of request, what answers it. */
export type RequestHandlers = {
  [K in Request['kind']]?: (
    request: RequestOf<K>,
    deps: CommandDeps,
    speaker: Speaker,
    read?: AlreadyRead,
  ) => Promise<Result> | Result;
};

/**
 * Requests only eolwatch admins may make: for each kind, what anyone else is told, or a function of the
 * request when that depends on it (null lets them go on). The pipeline asks before the command runs.
 */
export type AdminRules = {
  [K in Request['kind']]?: string | ((request: RequestOf<K>, speaker: Speaker) => string | null);
};

/**
 * Where an answer goes, for the entry points that have a choice (Slack's /eol; the command line prints
 * every answer, and writes a file's to stdout or --out):
 * - `reply`: where it was asked, in the channel when the answer is for everyone, else to the asker alone;
 * - `form`: a form to fill in (a modal), or the reason the asker may not have it;
 * - `file`: a file posted where it was asked (to the asker alone where the channel is shared outside);
 * - `direct-file`: a file sent to the asker alone, whatever the channel;
 * - `later`: acknowledged at once with these words and answered when ready, for work longer than Slack's
 *   3 seconds.
 */
export type Destination = 'reply' | 'form' | 'file' | 'direct-file' | { later: string };

/** What the command line gives a form that reads more than words: files named, secrets by name. */
export interface CommandLineContext {
  /** A file named on the command line; the reason, in plain words, when it cannot be read. */
  readFile: (path: string) => Promise<ImportFile | { name: string; reason: string }>;
  /** An environment variable's value (a secret is named, never typed on the command line). */
  secretFromEnv: (name: string) => string | undefined;
  /** `--dry-run` given before the command. */
  dryRun: boolean;
}

/** A form's request, or `usage` when its words do not fit it (the command line exits 2 with the usage). */
export type CommandLineReading = Request | { usage: string | null };

export interface CommandLineForm {
  /** As the usage shows it, after `npm run --silent eol --`. */
  usage: string;
  /** The words after the options that select this form (any case); without them it is usage only. */
  words?: readonly string[];
  /** The rest of the words to a request; without it they are read as /eol text. */
  read?(rest: string[], context: CommandLineContext): Promise<CommandLineReading> | CommandLineReading;
  /** Words printed after an answer of this kind, where Slack would show buttons. */
  after?: Partial<Record<Result['kind'], string>>;
}

export interface CommandDefinition {
  /** The first word that selects it. */
  name: string;
  usage: string;
  summary: string;
  parse(args: string): Request;
  /** What runs each request this command reads to (another command may own a kind it shares). */
  run?: RequestHandlers;
  /** Requests that change a channel's counts or watches: a locked channel keeps them to admins. */
  lockable?: readonly Request['kind'][];
  /** Requests for admins alone, whatever the channel. */
  adminOnly?: AdminRules;
  /** The audit log's entry for a change its requests made (counts record theirs with the change). */
  audit?: (result: Result) => AuditChange | null;
  /** Where the answers to its requests go, when not `reply`. */
  answers?: Partial<Record<Request['kind'], Destination>>;
  /** Forms only the command line has (a file to read, a format to write). */
  cli?: readonly CommandLineForm[];
}
