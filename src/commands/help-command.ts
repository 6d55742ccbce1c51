// `/eol help`: every subcommand, generated from the definitions so it cannot drift from them.
import type { CommandDefinition } from './command-definition.js';

export const helpCommand: CommandDefinition = {
  name: 'help',
  usage: '/eol help',
  summary: 'This list.',
  parse: () => ({ kind: 'help' }),
};
