// /eol text -> the Slack message to ack with. Lookups are pure functions of the text, the day, the
// catalogue in use and the channel's team's contracts (asked of the store each time, so a contract set
// from another process counts within the store's recheck, a second), and teams ask the same few
// questions over and over, so their rendered answers are kept in a bounded LRU cache. Anything else is
// computed every time.
import { LRUCache } from 'lru-cache';
import { isForChannel, type CommandDeps, type Request, type Result, type Speaker } from '../commands/command-types.js';
import { parseCommand } from '../commands/parse-command.js';
import { runCommand } from '../commands/run-command.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import { renderBlocks, type SlackMessage } from '../render/render-blocks.js';

export interface SlashAnswer {
  message: SlackMessage;
  inChannel: boolean;
}

export const ANSWER_CACHE_SIZE = 1000;

const answerOf = (result: Result): SlashAnswer => ({ message: renderBlocks(result), inChannel: isForChannel(result) });

/** `request`: the text already parsed (the listener reads it first), so it is not parsed twice. */
export function createSlashAnswerer(
  deps: CommandDeps,
): (text: string, speaker: Speaker, request?: Request) => Promise<SlashAnswer> {
  const cache = new LRUCache<string, SlashAnswer>({ max: ANSWER_CACHE_SIZE });
  return async (text, speaker, parsed) => {
    const started = performance.now();
    const request = parsed ?? parseCommand(text);
    if (request.kind !== 'lookup') return answerOf(await runCommand(request, deps, speaker));
    // The key's day and contracts are the ones the answer is made from (one read, not two).
    const read = { today: toIsoDate(deps.now()), contracts: await (await deps.store()).contracts(speaker) };
    const key = `${deps.catalogGeneration?.() ?? deps.catalogInfo().generation}|${request.asOf ?? read.today}|${JSON.stringify(read.contracts)}|${text}`;
    const cached = cache.get(key);
    if (cached) {
      deps.observe?.({ kind: 'lookup', entry: 'slash', seconds: (performance.now() - started) / 1000 });
      return cached;
    }
    const answer = answerOf(await runCommand(request, deps, speaker, read));
    cache.set(key, answer);
    return answer;
  };
}
