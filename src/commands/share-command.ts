// `/eol share windows-8.1`: the same answer as a lookup, posted for the whole channel to see.
import type { CommandDefinition } from './command-definition.js';
import { parseLookup } from './parse-lookup.js';

export const shareCommand: CommandDefinition = {
  name: 'share',
  usage: '/eol share <release>[, <release> ...] [on YYYY-MM-DD]',
  summary: 'The same answer, posted for the whole channel instead of only you.',
  parse: (args) => parseLookup(args, true),
};
