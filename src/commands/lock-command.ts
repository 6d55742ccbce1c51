// `/eol lock` and `/eol unlock`: a channel whose counts and watches only admins change.
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';

export const lockCommand: CommandDefinition = {
  name: 'lock',
  usage: '/eol lock',
  summary:
    'Admins only: from now on only eolwatch admins change this channel’s counts and watches. `/eol unlock` reverses it.',
  parse: (args) =>
    args.trim() === ''
      ? { kind: 'channel-lock', locked: true }
      : { kind: 'invalid', reason: 'Use `/eol lock` in the channel to lock.' },
  run: { 'channel-lock': (request, deps, speaker) => runLock(request.locked, deps, speaker) },
  audit: (result) =>
    result.kind === 'channel-lock'
      ? {
          action: result.locked ? 'channel.lock' : 'channel.unlock',
          change: result.locked ? 'unlocked → locked' : 'locked → unlocked',
          releases: [],
        }
      : null,
  adminOnly: {
    'channel-lock': ({ locked }) =>
      `Only eolwatch admins ${locked ? 'lock' : 'unlock'} a channel. \`/eol admins\` lists them.`,
  },
};

export const unlockCommand: CommandDefinition = {
  name: 'unlock',
  usage: '/eol unlock',
  summary: 'Admins only: anyone in this channel may change its counts and watches again.',
  parse: (args) =>
    args.trim() === ''
      ? { kind: 'channel-lock', locked: false }
      : { kind: 'invalid', reason: 'Use `/eol unlock` in the channel to unlock.' },
};

async function runLock(locked: boolean, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  await (await deps.store()).setChannelLock(speaker, locked);
  return { kind: 'channel-lock', locked };
}
