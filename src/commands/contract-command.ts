// `/eol contract <release> until YYYY-MM-DD [name]` and `/eol contract remove <release>`: the team's own
// support extension (the Met's Custom Support Agreement for XP), which no public catalogue knows.
import { releaseTitle } from '../catalog/release-title.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import { isRelativePhrase, readRelativeWhen, readTimePhrase, spelledOut, type When } from './read-when.js';
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Request, Result, Speaker } from './command-types.js';
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
    // "until" as people also write it: "till", "thru", "to", "expires", "valid through".
    const set = UNTIL.exec(args.trim());
    if (!set?.[1] || !set[2]) return { kind: 'invalid', reason: USAGE };
    return contractSetRequest(set[1].trim(), readContractEnd(set[2]));
  },
  run: {
    'contract-set': (request, deps, speaker) => {
      if (typeof request.until === 'string')
        return runContractSet(
          'key' in request ? { key: request.key } : { name: request.release },
          request.until,
          request.name,
          deps,
          speaker,
        );
      const { relative } = request.until;
      const when = readRelativeWhen(relative, toIsoDate(deps.now()));
      const release = 'release' in request ? request.release : request.key;
      // Read again with today's date: a day is the end; a period asks which of its days.
      const end = when
        ? untilOf(when, relative, request.name)
        : { reason: `“${relative}” is not a date.`, dates: [], name: '' };
      const next = contractSetRequest(release, end);
      if (next.kind === 'invalid') return next;
      return runContractSet({ name: release }, next.until as string, next.name, deps, speaker);
    },
    'contract-remove': (request, deps, speaker) => runContractRemove(request.release, deps, speaker),
  },
  lockable: ['contract-set', 'contract-remove'],
  audit: (result) => (result.kind === 'contracts' ? contractAudit(result) : null),
};

const UNTIL =
  /^(.+?)\s+(?:(?:valid\s+)?(?:until|till|til|thru|through|up\s+to|to)|(?:expiring|expires|ending|ends)(?:\s+on)?)\s+(\S.*)$/is;

export const contractsCommand: CommandDefinition = {
  name: 'contracts',
  usage: '/eol contracts',
  summary: "This team's support contracts.",
  parse: () => ({ kind: 'contracts' }),
  run: { contracts: (_request, deps, speaker) => runContracts(deps, speaker) },
};

/** Words a contract's end may take: "31 December 2027" is three, "a year and a half from now" seven. */
const MAX_DATE_WORDS = 8;

/**
 * "2016-04-14 Custom Support Agreement", "31/12/2027 ESU", "end of 2027": the last covered day and the
 * contract's name after it. A period alone ("2027", "June 2027") has a first and a last day: asked.
 */
function readContractEnd(
  text: string,
): { until: string | { relative: string }; name: string } | { reason: string; dates: string[]; name: string } {
  const words = text.trim().split(/\s+/);
  for (let count = Math.min(MAX_DATE_WORDS, words.length); count >= 1; count -= 1) {
    const phrase = words.slice(0, count).join(' ');
    const name = words.slice(count).join(' ');
    // "end of next year": its day is known once the clock is (runContractSet).
    if (isRelativePhrase(phrase)) return { until: { relative: phrase }, name };
    const reading = readTimePhrase(phrase);
    if (!reading) continue;
    if ('reason' in reading)
      return { reason: `“${phrase}”: ${reading.reason} Nothing recorded.`, dates: reading.dates, name };
    return untilOf(reading.when, phrase, name);
  }
  return { reason: `“${words[0] ?? ''}” is not a date: write YYYY-MM-DD. ${USAGE}`, dates: [], name: '' };
}

/** A day is the contract's last; a period ("2027", "next year") has two, and which is asked. */
function untilOf(
  when: When,
  phrase: string,
  name: string,
): { until: string; name: string } | { reason: string; dates: string[]; name: string } {
  if (when.kind === 'day') return { until: when.date, name };
  const { from, to, label } = when;
  return {
    reason: `“${phrase}”: until its first day or its last? Say \`until end of ${label}\` (${to}) or \`until ${from}\`. Nothing recorded.`,
    dates: [to, from],
    name,
  };
}

/** The contract's parsed end, as a request: a time counted from today is read with the clock. */
function contractSetRequest(
  release: string,
  end: { until: string | { relative: string }; name: string } | { reason: string; dates: string[]; name: string },
): Extract<Request, { kind: 'invalid' | 'contract-set' }> {
  if ('reason' in end) {
    const choices = end.dates.map((date) => ({
      label: spelledOut(date),
      command: `contract ${release} until ${date}${end.name ? ` ${end.name}` : ''}`,
    }));
    return { kind: 'invalid', reason: end.reason, ...(choices.length > 0 ? { choices } : {}) };
  }
  // A time counted from today is read again in run, name and all: named then.
  const name = typeof end.until === 'string' ? end.name || 'Support contract' : end.name;
  if (name.length > MAX_CONTRACT_NAME_LENGTH)
    return { kind: 'invalid', reason: `A contract name has at most ${MAX_CONTRACT_NAME_LENGTH} characters.` };
  return { kind: 'contract-set', release, until: end.until, name };
}

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
