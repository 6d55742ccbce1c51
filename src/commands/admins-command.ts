// `/eol admins [add|remove <@user>]`: the workspace's eolwatch admins. Anyone may see them; only an
// admin adds or removes one, and a workspace always keeps at least one.
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Request, Result, Speaker } from './command-types.js';

const USAGE = 'Use `/eol admins`, `/eol admins add @user` or `/eol admins remove @user`.';

/** A user as Slack sends a mention (`<@U123|alex>`, `<@U123>`) or as an id. */
function userIdOf(text: string): string | null {
  const match = /^<@([UW][A-Z0-9]{1,20})(?:\|[^>]*)?>$/.exec(text) ?? /^([UW][A-Z0-9]{1,20})$/.exec(text);
  return match?.[1] ?? null;
}

export const adminsCommand: CommandDefinition = {
  name: 'admins',
  usage: '/eol admins [add @user | remove @user]',
  summary:
    'The eolwatch admins of this workspace: they clear inventories, manage API tokens, lock channels and name other admins. Admins add or remove one; a workspace always keeps at least one.',
  parse: (args) => {
    const [verb = '', who, ...rest] = args.split(/\s+/).filter((word) => word !== '');
    if (verb === '') return { kind: 'admins' };
    const action = verb.toLowerCase();
    if ((action !== 'add' && action !== 'remove') || who === undefined || rest.length > 0)
      return { kind: 'invalid', reason: USAGE };
    const user = userIdOf(who);
    if (!user)
      return {
        kind: 'invalid',
        reason: `“${who.slice(0, 80)}” is not a person: mention them (@name) so Slack sends who it is.`,
      };
    return { kind: 'admins-change', user, admin: action === 'add' };
  },
  run: { admins: runAdmins, 'admins-change': runAdmins },
  audit: (result) =>
    result.kind === 'admins' && result.changed
      ? {
          action: result.changed.admin ? 'admin.add' : 'admin.remove',
          change: `<@${result.changed.user}>`,
          releases: [],
          channel: null,
        }
      : null,
  adminOnly: { 'admins-change': 'Only eolwatch admins add or remove admins. `/eol admins` lists them.' },
};

type AdminsRequest = Extract<Request, { kind: 'admins' | 'admins-change' }>;

async function listOf(deps: CommandDeps, speaker: Speaker) {
  const added = await (await deps.store()).admins(speaker.workspace);
  return [
    ...[...deps.admins].map((user) => ({ user, source: 'configured' as const })),
    ...added.filter((user) => !deps.admins.has(user)).map((user) => ({ user, source: 'added' as const })),
  ];
}

async function runAdmins(request: AdminsRequest, deps: CommandDeps, speaker: Speaker): Promise<Result> {
  if (request.kind === 'admins') return { kind: 'admins', admins: await listOf(deps, speaker), changed: null };
  if (!request.admin) {
    if (deps.admins.has(request.user))
      return {
        kind: 'invalid',
        reason: `<@${request.user}> is an admin by EOLWATCH_ADMINS: whoever runs eolwatch changes that.`,
      };
    const remaining = (await listOf(deps, speaker)).filter((admin) => admin.user !== request.user);
    if (remaining.length === 0)
      return {
        kind: 'invalid',
        reason: 'A workspace always keeps at least one admin: add another before removing this one.',
      };
  }
  const changed = await (await deps.store()).setAdmin(speaker.workspace, request.user, request.admin);
  return {
    kind: 'admins',
    admins: await listOf(deps, speaker),
    changed: changed ? { user: request.user, admin: request.admin } : null,
  };
}
