// /eol: parse, run, render, and answer in the ack itself (within Slack's 3 seconds, no second call).
import type { App } from '@slack/bolt';
import { runText } from '../../../commands/run-command.js';
import { renderBlocks } from '../../../render/render-blocks.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';

export function registerEolCommand(app: App, deps: SlackDeps): void {
  app.command('/eol', async ({ command, ack }) => {
    try {
      const result = runText(command.text, deps.commands);
      const shared = result.kind === 'lookup' && result.share;
      await ack({ response_type: shared ? 'in_channel' : 'ephemeral', ...renderBlocks(result) });
    } catch (error) {
      deps.logger.error({ err: error, workspace: command.team_id, channel: command.channel_id, command: '/eol' }, 'command failed');
      await ack({ response_type: 'ephemeral', text: SORRY });
    }
  });
}
