// The workspace every stored fact is keyed by, the same whether it came from a command, an event, an
// action or a form: the one the app serves this request for (Bolt's context, from the installation or
// the single bot token), not the team a payload names. In a shared channel a mention's `event.team` is
// the sender's workspace and a command's `team_id` may be too; an org-wide install without a workspace
// keys by its enterprise.
import type { Context } from '@slack/bolt';

export const workspaceOf = (
  context: Pick<Context, 'teamId' | 'enterpriseId'>,
  fromPayload: string | undefined,
): string => context.teamId ?? context.enterpriseId ?? fromPayload ?? '';
