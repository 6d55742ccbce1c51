// The local shell (as Hubot's shell adapter): the same commands as Slack, typed at a prompt, with
// line editing and history when it runs in a terminal.
import { createInterface } from 'node:readline';
import type { CommandDeps, Speaker } from '../commands/command-types.js';
import { runText } from '../commands/run-command.js';
import { staleWarning } from '../commands/status-command.js';
import { renderText, warningLine } from '../render/render-text.js';
import { LOCAL_SPEAKER } from './local-speaker.js';
import { stripCommandPrefix } from './strip-command-prefix.js';

export interface ShellIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

const HISTORY_SIZE = 500;

export async function runShell(deps: CommandDeps, io: ShellIo, speaker: Speaker = LOCAL_SPEAKER): Promise<void> {
  // In a terminal, readline reads arrow keys, Ctrl-A/E and Up for history itself; piped input is read as lines.
  const terminal =
    (io.input as { isTTY?: boolean }).isTTY === true && (io.output as { isTTY?: boolean }).isTTY === true;
  const lines = createInterface({
    input: io.input,
    output: io.output,
    prompt: 'eol> ',
    terminal,
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
  });
  io.output.write(
    'eolwatch local shell (no Slack credentials set). Try: windows 8.1, xp on 2014-04-01, or help. exit quits.\n',
  );
  const warning = staleWarning(deps);
  if (warning) io.output.write(`${warningLine(warning)}\n`);
  lines.prompt();
  // One line at a time, in order: an inventory update is on disk before the next line runs.
  for await (const line of lines) {
    const text = stripCommandPrefix(line);
    if (text === 'exit' || text === 'quit') break;
    if (text !== '') {
      const result = await runText(text, deps, speaker);
      io.output.write(`${renderText(result)}\n`);
      // Said at the start already when it is the stale catalogue; anything else (the audit log could
      // not be written) under its answer.
      if (result.warning && result.warning !== warning) io.output.write(`${warningLine(result.warning)}\n`);
      // A terminal shows no picture: the command line writes it.
      if (result.kind === 'chart')
        io.output.write(
          `The picture: npm run --silent eol -- --channel ${speaker.channel} ${text.replace(/\s+--out\s+\S+$/, '')} --out ${result.chart.fileBase}.png\n`,
        );
    }
    lines.prompt();
  }
  lines.close();
}
