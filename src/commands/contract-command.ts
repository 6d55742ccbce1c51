// `/eol contract <release> until YYYY-MM-DD [name]` and `/eol contract remove <release>`: the team's own
// support extension (the Met's Custom Support Agreement for XP), which no public catalogue knows.
import { releaseTitle } from '../catalog/release-title.js';
import { parseIsoDate, toIsoDate } from '../leaf/calendar-date.js';
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';
import { releaseKeyOf } from './inventory-rows.js';
import { releaseOfKey, resolveOneRelease } from './resolve-one-release.js';
import type { AuditChange } from './record-audit.js';

export const MAX_CONTRACT_NAME_LENGTH = 80;
const USAGE =
  'Use `/eol contract <release> until YYYY-MM-DD [name]`, e.g. `/eol contract windows-xp until 2016-04-14 Custom Support Agreement`, or `/eol contract remove <release>`.';

export const contractCommand: CommandDefinition = {
  name: 'contract',
  usage: '/eol contract <release> until YYYY-MM-DD [name] | /eol contract remove <release>',
  summary:
    "Records this team's own support contract for a release. This team's lookups, inventory and reports then count those machines as covered until it ends, and its end gets reminders like any phase.",
  parse: (args) => {
    const remove = /^remove\s+(.+)$/is.exec(args.trim());
    if (remove?.[1]) return { kind: 'contract-remove', release: remove[1].trim() };
    const set = /^(.+?)\s+until\s+(\S+)\s*(.*)$/is.exec(args.trim());
    if (!set?.[1] || !set[2]) return { kind: 'invalid', reason: USAGE };
    const until = parseIsoDate(set[2]);
    if (!until) return { kind: 'invalid', reason: `“${set[2]}” is not a date: write YYYY-MM-DD. ${USAGE}` };
    const name = (set[3] ?? '').trim() || 'Support contract';
    if (name.length > MAX_CONTRACT_NAME_LENGTH)
      return { kind: 'invalid', reason: `A contract name has at most ${MAX_CONTRACT_NAME_LENGTH} characters.` };
    return { kind: 'contract-set', release: set[1].trim(), until, name };
  },
  run: {
    'contract-set': (request, deps, speaker) =>
      runContractSet(
        'key' in request ? { key: request.key } : { name: request.release },
        request.until,
        request.name,
        deps,
        speaker,
      ),
    'contract-remove': (request, deps, speaker) => runContractRemove(request.release, deps, speaker),
  },
  lockable: ['contract-set', 'contract-remove'],
  audit: (result) => (result.kind === 'contracts' ? contractAudit(result) : null),
};

export const contractsCommand: CommandDefinition = {
  name: 'contracts',
  usage: '/eol contracts',
  summary: "This team's support contracts.",
  parse: () => ({ kind: 'contracts' }),
  run: { contracts: (_request, deps, speaker) => runContracts(deps, speaker) },
};

async function runContractSet(
  release: { name: string } | { key: string },
  until: string,
  contractName: string,
  deps: CommandDeps,
  speaker: Speaker,
): Promise<Result> {
  // A form chose the release by key; typed, it is a name to resolve.
  const resolved = 'key' in release ? releaseOfKey(release.key, deps) : resolveOneRelease(release.name, deps);
  if ('reason' in resolved)
    return {
      kind: 'invalid',
      reason: `Nothing recorded: “${'key' in release ? release.key : release.name}” ${resolved.reason}.`,
    };
  const contract = {
    until,
    name: contractName,
    by: speaker.user,
    at: deps.now().toUTC().toISO() ?? toIsoDate(deps.now()),
  };
  await (await deps.store()).setContract(speaker, releaseKeyOf(resolved.release), contract);
  return { kind: 'contracts', contracts: [{ release: resolved.release, contract }], changed: 'set' };
}

async function runContractRemove(name: string, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const resolved = resolveOneRelease(name, deps);
  if ('reason' in resolved) return { kind: 'invalid', reason: `“${name}” ${resolved.reason}.` };
  const removed = await (await deps.store()).removeContract(speaker, releaseKeyOf(resolved.release));
  if (!removed) return { kind: 'invalid', reason: `This team has no contract for ${releaseTitle(resolved.release)}.` };
  return { kind: 'contracts', contracts: [], changed: 'removed', removed: resolved.release };
}

async function runContracts(deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const { contracts } = await (await deps.store()).channelWatches(speaker);
  const listed = Object.entries(contracts).flatMap(([key, contract]) => {
    const release = deps.releaseByKey(key);
    return release ? [{ release, contract }] : [];
  });
  return { kind: 'contracts', contracts: listed, changed: null };
}

function contractAudit(result: Extract<Result, { kind: 'contracts' }>): AuditChange | null {
  // A contract just set is the answer's only one.
  if (result.changed === 'set' && result.contracts[0]) {
    const { release, contract } = result.contracts[0];
    return {
      action: 'contract.set',
      change: `${releaseTitle(release)}: “${contract.name}” until ${contract.until}`,
      releases: [releaseKeyOf(release)],
    };
  }
  if (result.changed === 'removed' && result.removed)
    return {
      action: 'contract.remove',
      change: releaseTitle(result.removed),
      releases: [releaseKeyOf(result.removed)],
    };
  return null;
}
