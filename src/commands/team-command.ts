// `/eol team name Met IT`: the display name of the team this channel's counts belong to.
import { MAX_TEAM_NAME_LENGTH } from '../inventory/inventory-store.js';
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';
import { teamLabelOf } from './inventory-rows.js';

export const teamCommand: CommandDefinition = {
  name: 'team',
  usage: '/eol team name <name>',
  summary: 'Names the team whose counts this channel holds, as reports show it.',
  parse: (args) => {
    const match = /^name\s+(.+)$/is.exec(args.trim());
    const name = match?.[1]?.trim().replace(/\s+/g, ' ') ?? '';
    if (name === '') return { kind: 'invalid', reason: 'Use `/eol team name <name>`, e.g. `/eol team name Met IT`.' };
    if (name.length > MAX_TEAM_NAME_LENGTH)
      return { kind: 'invalid', reason: `A team name has at most ${MAX_TEAM_NAME_LENGTH} characters.` };
    return { kind: 'team-name', name };
  },
  run: { 'team-name': (request, deps, speaker) => runTeamName(request.name, deps, speaker) },
  audit: (result) =>
    result.kind === 'team-named' ? { action: 'team.name', change: `→ ${result.team.name ?? ''}`, releases: [] } : null,
  lockable: ['team-name'],
};

async function runTeamName(name: string, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  const store = await deps.store();
  await store.setTeamName(speaker, name);
  return { kind: 'team-named', team: teamLabelOf(await store.team(speaker)) };
}
