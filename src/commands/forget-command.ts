// `/eol forget #channel` and `/eol forget workspace`: admins erase a team's, or the whole workspace's,
// data for good, history included. The first answer names what would go; only `... confirm` erases.
// The erasure itself is recorded in the audit log, without what was erased.
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Request, Result, Speaker } from './command-types.js';
import { isAdmin } from './is-admin.js';
import { recordAudit } from './record-audit.js';

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
};

type ForgetRequest = Extract<Request, { kind: 'forget' }>;

async function runForget(request: ForgetRequest, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  if (!(await isAdmin(deps, speaker)))
    return { kind: 'invalid', reason: 'Only eolwatch admins erase data. `/eol admins` lists them.' };
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
  const warning = await recordAudit(deps, speaker, {
    action: request.channel ? 'channel.erase' : 'workspace.erase',
    change: `erased for good: ${channels.length} team(s), ${machines} machine count(s), ${history} history entr${history === 1 ? 'y' : 'ies'}, ${watches} watch(es)`,
    releases: [],
    channel: request.channel,
  });
  return { kind: 'forget', confirmed: true, ...summary, ...(warning ? { warning } : {}) };
}
