// A request -> its result. The one place that knows which subcommand handles which request.
import { commandList } from './command-list.js';
import type { CommandDeps, Request, Result } from './command-types.js';
import { runLookup } from './lookup-command.js';
import { parseCommand } from './parse-command.js';

export function runCommand(request: Request, deps: CommandDeps): Result {
  switch (request.kind) {
    case 'lookup':
      return runLookup(request, deps);
    case 'help':
      return { kind: 'help', entries: commandList.map(({ usage, summary }) => ({ usage, summary })) };
    case 'invalid':
      return request;
  }
}

/** Text as typed after /eol, in a mention or in the shell -> its result. */
export function runText(text: string, deps: CommandDeps): Result {
  return runCommand(parseCommand(text), deps);
}
