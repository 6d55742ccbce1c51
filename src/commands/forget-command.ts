// `/eol forget #channel` and `/eol forget workspace`: admins erase a team's, or the whole workspace's,
// data for good, history included. The first answer names what would go; only `... confirm` erases.
// The erasure itself is recorded in the audit log, without what was erased.
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Request, Result, Speaker } from './command-types.js';

const USAGE =
  'Use `/eol forget #channel` or `/eol forget workspace`; add `confirm` once you have read what would be erased.';

export const forgetCommand: CommandDefinition = {
  name: 'forget',
  usage: '/eol forget #channel | workspace [confirm]',
  summary:
    'Admins only: erase a channel’s team (counts, history, watches, contracts, reminder records, its audit entries) or the whole workspace’s data, for good. It first says what would be erased; `confirm` erases.',
  parse: (args) => {
    const [target = '', confirm, ...rest] = args.split(/\s+/).filter((word) => word !== '');
    if (rest.length > 0 || (confirm !== undefined && confirm.toLowerCase() !== 'confirm'))
      return { kind: 'invalid', reason: USAGE };
    const channel = /^<#([A-Z0-9]{1,20})(?:\|[^>]*)?>$/.exec(target)?.[1];
    if (!channel && target.toLowerCase() !== 'workspace') return { kind: 'invalid', reason: USAGE };
    return { kind: 'forget', channel: channel ?? null, confirmed: confirm !== undefined };
  },
  run: { forget: runForget },
  // Written after the erasure, so the channel's own entries go and this one stays.
  audit: (result) =>
    result.kind === 'forget' && result.confirmed
      ? {
          action: result.target === 'workspace' ? 'workspace.erase' : 'channel.erase',
          change: `erased for good: ${result.teams} team(s), ${result.machines} machine count(s), ${result.history} history entr${result.history === 1 ? 'y' : 'ies'}, ${result.watches} watch(es)`,
          releases: [],
          channel: result.target === 'workspace' ? null : result.target.channel,
        }
      : null,
  adminOnly: { forget: 'Only eolwatch admins erase data. `/eol admins` lists them.' },
};

type ForgetRequest = Extract<Request, { kind: 'forget' }>;

async function runForget(request: ForgetRequest, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const store = await deps.store();
  const channels = request.channel
    ? [request.channel]
    : [
        ...new Set([
          ...(await store.teams(speaker.workspace)).map((team) => team.channel),
          ...((await store.allWatches())
            .find((w) => w.workspace === speaker.workspace)
            ?.channels.map((c) => c.channel) ?? []),
        ]),
      ];
  let machines = 0;
  let history = 0;
  let watches = 0;
  for (const channel of channels) {
    const team = { workspace: speaker.workspace, channel };
    machines += Object.values((await store.team(team)).counts).reduce((sum, count) => sum + count, 0);
    history += (await store.history(team)).length;
    watches += Object.keys((await store.channelWatches(team)).releases).length;
  }
  const target = request.channel ? { channel: request.channel } : ('workspace' as const);
  const summary = { target, teams: channels.length, machines, history, watches };
  if (!request.confirmed) return { kind: 'forget', confirmed: false, ...summary };
  if (request.channel) await store.forgetChannel({ workspace: speaker.workspace, channel: request.channel });
  else await store.forgetWorkspace(speaker.workspace);
  return { kind: 'forget', confirmed: true, ...summary };
}
