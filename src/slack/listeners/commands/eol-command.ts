// /eol: parse, run, render, and answer in the ack itself (within Slack's 3 seconds, no second call).
import type { App } from '@slack/bolt';
import { createSlashAnswerer } from '../../create-slash-answerer.js';
import { SORRY, type SlackDeps } from '../../slack-deps.js';
import { parseCommand } from '../../../commands/parse-command.js';
import { renderImportModal } from '../../../render/render-import-modal.js';

export function registerEolCommand(app: App, deps: SlackDeps): void {
  const answer = createSlashAnswerer(deps.commands);
  app.command('/eol', async ({ command, ack, client }) => {
    try {
      if (parseCommand(command.text).kind === 'inventory-import') {
        await ack();
        await client.views.open({ trigger_id: command.trigger_id, view: renderImportModal(command.channel_id) });
        return;
      }
      const speaker = { workspace: command.team_id, channel: command.channel_id, user: command.user_id };
      const { message, inChannel } = await answer(command.text, speaker);
      await ack({ response_type: inChannel ? 'in_channel' : 'ephemeral', ...message });
    } catch (error) {
      deps.logger.error({ err: error, workspace: command.team_id, channel: command.channel_id, command: '/eol' }, 'command failed');
      await ack({ response_type: 'ephemeral', text: SORRY });
    }
  });
}
