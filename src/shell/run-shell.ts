// The local shell (as Hubot's shell adapter): the same commands as Slack, typed at a prompt.
import { createInterface } from 'node:readline';
import type { CommandDeps } from '../commands/command-types.js';
import { runText } from '../commands/run-command.js';
import { renderText } from '../render/render-text.js';
import { stripCommandPrefix } from './strip-command-prefix.js';

export interface ShellIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export function runShell(deps: CommandDeps, io: ShellIo): Promise<void> {
  const lines = createInterface({ input: io.input, output: io.output, prompt: 'eol> ', terminal: false });
  io.output.write('eolwatch local shell (no Slack credentials set). Try `windows 8.1`, `xp on 2014-04-01` or `help`; `exit` quits.\n');
  lines.prompt();
  lines.on('line', (line) => {
    const text = stripCommandPrefix(line);
    if (text === 'exit' || text === 'quit') {
      lines.close();
      return;
    }
    if (text !== '') io.output.write(`${renderText(runText(text, deps))}\n`);
    lines.prompt();
  });
  return new Promise((resolve) => lines.once('close', () => resolve()));
}
