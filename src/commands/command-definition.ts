// What each /eol subcommand declares about itself; `help` is generated from these.
import type { Request } from './command-types.js';

export interface CommandDefinition {
  /** The first word that selects it. */
  name: string;
  usage: string;
  summary: string;
  parse(args: string): Request;
}
