// /eol text -> the Slack message to ack with. Lookups are pure functions of the text, the day and the
// catalogue, and teams ask the same few questions over and over, so their rendered answers are kept
// in a bounded LRU cache; anything else (help, and later commands that change data) is never cached.
import { LRUCache } from 'lru-cache';
import type { CommandDeps } from '../commands/command-types.js';
import { parseCommand } from '../commands/parse-command.js';
import { runCommand } from '../commands/run-command.js';
import { toIsoDate } from '../lifecycle/calendar-date.js';
import { renderBlocks, type SlackMessage } from '../render/render-blocks.js';

export interface SlashAnswer {
  message: SlackMessage;
  inChannel: boolean;
}

export const ANSWER_CACHE_SIZE = 1000;

export function createSlashAnswerer(deps: CommandDeps): (text: string) => SlashAnswer {
  const cache = new LRUCache<string, SlashAnswer>({ max: ANSWER_CACHE_SIZE });
  const answer = (text: string): SlashAnswer => {
    const result = runCommand(parseCommand(text), deps);
    return { message: renderBlocks(result), inChannel: result.kind === 'lookup' && result.share };
  };
  return (text) => {
    const request = parseCommand(text);
    if (request.kind !== 'lookup') return answer(text);
    const key = `${deps.dataDate()}|${request.asOf ?? toIsoDate(deps.now())}|${text}`;
    let cached = cache.get(key);
    if (!cached) {
      cached = answer(text);
      cache.set(key, cached);
    }
    return cached;
  };
}
