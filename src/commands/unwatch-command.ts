// `/eol unwatch <releases>`: no more reminders for them in this channel.
import { releaseTitle } from '../catalog/release-title.js';
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';
import { releaseKeyOf } from './inventory-rows.js';
import { resolveReleaseList } from './watch-command.js';
import { titlesOf } from './record-audit.js';

export const unwatchCommand: CommandDefinition = {
  name: 'unwatch',
  usage: '/eol unwatch <release>[, <release> ...]',
  summary: 'Stops reminders for those releases in this channel.',
  parse: (args) =>
    args.trim() === ''
      ? { kind: 'invalid', reason: 'Name a release to stop watching, e.g. `/eol unwatch windows-8.1`.' }
      : { kind: 'unwatch', text: args },
  run: { unwatch: (request, deps, speaker) => runUnwatch(request.text, deps, speaker) },
  audit: (result) =>
    result.kind === 'unwatched' && result.releases.length > 0
      ? { action: 'watch.remove', change: titlesOf(result.releases), releases: result.releases.map(releaseKeyOf) }
      : null,
  lockable: ['unwatch'],
};

async function runUnwatch(text: string, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const resolved = resolveReleaseList(text, deps);
  if ('reason' in resolved) return { kind: 'invalid', reason: resolved.reason };
  const removed = new Set(await (await deps.store()).unwatch(speaker, resolved.releases.map(releaseKeyOf)));
  return {
    kind: 'unwatched',
    releases: resolved.releases.filter((release) => removed.has(releaseKeyOf(release))),
    notWatched: resolved.releases.filter((release) => !removed.has(releaseKeyOf(release))).map(releaseTitle),
  };
}
