// What each /eol subcommand declares about itself: how it reads its words, what it runs for each
// request it reads to, and which of those a locked channel keeps to admins. `help`, the command
// line's usage and the pipeline (run-command.ts) are all made from these.
import type { CommandDeps, Request, Result, Speaker } from './command-types.js';

export type RequestOf<K extends Request['kind']> = Extract<Request, { kind: K }>;

/** For each kind of request, what answers it. */
export type RequestHandlers = {
  [K in Request['kind']]?: (request: RequestOf<K>, deps: CommandDeps, speaker: Speaker) => Promise<Result> | Result;
};

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
  /** Forms only the command line has (a file to read, a format to write), after `npm run --silent eol --`. */
  cli?: readonly string[];
}
