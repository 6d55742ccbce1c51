// /eol text -> the Slack message to ack with. Lookups are pure functions of the text, the day, the
// catalogue in use and the channel's team's contracts (asked of the store each time, so a contract set
// by another replica counts as soon as its notice arrives: pg-change-notices.ts), and teams ask the same few
// questions over and over, so their rendered answers are kept in a bounded LRU cache, keyed by the text
// as typed: a kept answer is found before the text is parsed. Anything else is computed every time.
import { LRUCache } from 'lru-cache';
import {
  isForChannel,
  type AlreadyRead,
  type CommandDeps,
  type Request,
  type Result,
  type Speaker,
} from '../commands/command-types.js';
import { mayBeLookup, parseCommand } from '../commands/parse-command.js';
import { runCommand } from '../commands/run-command.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import { renderBlocks, type SlackMessage } from '../render/render-blocks.js';

interface SlashAnswer {
  message: SlackMessage;
  inChannel: boolean;
}

/**
 * A lookup's answer kept for the text, or the day and contracts it was looked for with (to answer
 * from); nothing for a command, which is never kept (its contracts are not read for nothing).
 */
export type Kept = { answer: SlashAnswer } | { read: AlreadyRead; key: string } | { command: true };

export interface SlashAnswerer {
  /**
   * `request`: the text already parsed (the listener reads it first), so it is not parsed twice;
   * `kept`: what `kept` found for the same text, so the day and contracts are read once.
   */
  (text: string, speaker: Speaker, request?: Request, kept?: Kept): Promise<SlashAnswer>;
  /** The answer kept for the text as typed, on the same day, catalogue and contracts: nothing parsed. */
  kept: (text: string, speaker: Speaker) => Promise<Kept>;
}

export const ANSWER_CACHE_SIZE = 1000;

const answerOf = (result: Result): SlashAnswer => ({ message: renderBlocks(result), inChannel: isForChannel(result) });

export function createSlashAnswerer(deps: CommandDeps): SlashAnswerer {
  const cache = new LRUCache<string, SlashAnswer>({ max: ANSWER_CACHE_SIZE });
  // The day is in the key, so a date the text gives relative to it ("next week") is too; the key's day
  // and contracts are the ones the answer is made from (one read, not two).
  const lookUp = async (text: string, speaker: Speaker): Promise<Exclude<Kept, { command: true }>> => {
    const started = performance.now();
    const read = { today: toIsoDate(deps.now()), contracts: await (await deps.store()).contracts(speaker) };
    const key = `${deps.catalogGeneration?.() ?? deps.catalogInfo().generation}|${read.today}|${JSON.stringify(read.contracts)}|${text}`;
    const answer = cache.get(key);
    if (!answer) return { read, key };
    deps.observe?.({ kind: 'lookup', entry: 'slash', seconds: (performance.now() - started) / 1000 });
    return { answer };
  };
  const kept = async (text: string, speaker: Speaker): Promise<Kept> =>
    mayBeLookup(text) ? lookUp(text, speaker) : { command: true };
  const answerer = async (text: string, speaker: Speaker, parsed?: Request, found?: Kept): Promise<SlashAnswer> => {
    const request = parsed ?? parseCommand(text);
    if (request.kind !== 'lookup') return answerOf(await runCommand(request, deps, speaker));
    const looked = found && !('command' in found) ? found : await lookUp(text, speaker);
    if ('answer' in looked) return looked.answer;
    const answer = answerOf(await runCommand(request, deps, speaker, looked.read));
    cache.set(looked.key, answer);
    return answer;
  };
  return Object.assign(answerer, { kept });
}
