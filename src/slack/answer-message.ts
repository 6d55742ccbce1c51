// A mention or a direct message -> the reply: the same answer as /eol, or a one-line hint when the
// text names nothing eolwatch knows.
import { parseCommand } from '../commands/parse-command.js';
import { runCommand } from '../commands/run-command.js';
import type { CommandDeps, Speaker } from '../commands/command-types.js';
import { renderBlocks, type SlackMessage } from '../render/render-blocks.js';
import type { Chart } from '../charts/chart.js';

const QUESTION_HINT =
  'I answer questions such as “is windows 8.1 still supported?” or “when does xp lose support?”. `/eol help` lists everything I can do.';

/** Mentions of users, channels and groups are addressing, not part of the question. */
export const questionOf = (text: string): string => text.replace(/<[@#!][^>]*>/g, ' ').trim();

/** `chart`: a picture to upload with the reply (`@eolwatch chart xp, windows 8.1`). */
export async function answerMessage(
  text: string,
  deps: CommandDeps,
  speaker: Speaker,
): Promise<SlackMessage & { chart?: Chart }> {
  const request = parseCommand(questionOf(text));
  // A time it could not read ("xp on the 15th") is said so, with its choices; words that name nothing
  // get the hint.
  if (request.kind === 'invalid')
    return request.namesNothing ? { text: QUESTION_HINT, blocks: [] } : renderBlocks(request);
  // In a thread everybody sees the answer already: no share button.
  const result = await runCommand(request.kind === 'lookup' ? { ...request, share: true } : request, deps, speaker);
  if (result.kind === 'lookup' && result.items.every((item) => item.kind === 'not-found')) {
    return { text: QUESTION_HINT, blocks: [] };
  }
  return result.kind === 'chart' ? { ...renderBlocks(result), chart: result.chart } : renderBlocks(result);
}
