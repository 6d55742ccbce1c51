// Text after /eol (or a mention, a DM, a shell line) -> a request. Hostile text is refused here.
import { commandList } from './command-list.js';
import type { Request } from './command-types.js';
import { lookupCommand } from './lookup-command.js';
import { readSlackText } from '../leaf/read-slack-text.js';

export const MAX_TEXT_LENGTH = 500;

export function parseCommand(rawText: string): Request {
  // Control characters never belong in a name; a tab separates like a space, a newline like a comma.
  const text = readSlackText(rawText)
    .replace(/[\t\r]/g, ' ')
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '')
    .trim();
  if (text.length > MAX_TEXT_LENGTH)
    return { kind: 'invalid', reason: `That is too long: ask in at most ${MAX_TEXT_LENGTH} characters.` };
  const first = /^\S*/.exec(text)?.[0] ?? '';
  const command = commandNamed(first);
  // The rest as typed: a pasted list keeps its lines, which separate pairs ("inventory set") as they
  // separate questions.
  return command ? command.parse(text.slice(first.length).trim()) : lookupCommand.parse(text);
}

const commandNamed = (word: string) =>
  commandList.find((definition) => definition.name !== '' && definition.name === word.toLowerCase());

/** Whether the text may be a lookup (its first word names no command), without parsing it. */
export function mayBeLookup(rawText: string): boolean {
  return !commandNamed(/^\s*(\S*)/.exec(rawText)?.[1] ?? '');
}
