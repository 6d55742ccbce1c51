// A file shared for import -> its preview, posted only to the person who shared it, with buttons to
// apply it. Used by the import form, mentions with a file, and files sent in a direct message.
import type { webApi } from '@slack/bolt';
import type { Speaker } from '../commands/command-types.js';
import { escapeMrkdwn } from '../render/escape-mrkdwn.js';
import { renderBlocks } from '../render/render-blocks.js';
import { runSharedFile } from './run-shared-file.js';
import type { SlackDeps } from './slack-deps.js';

export async function postImportPreview(
  client: webApi.WebClient,
  fileId: string,
  speaker: Speaker,
  deps: SlackDeps,
): Promise<void> {
  const result = await runSharedFile(client, fileId, 'preview', deps, speaker);
  const message = renderBlocks(result.kind === 'import-preview' ? { ...result, fileRef: fileId } : result);
  try {
    await client.chat.postEphemeral({ channel: speaker.channel, user: speaker.user, ...message });
  } catch {
    // Not in that channel (or it is gone): the person still gets their preview, in a direct message.
    await client.chat.postMessage({
      channel: speaker.user,
      text: `${escapeMrkdwn('For the import you started:')} ${message.text}`,
      blocks: message.blocks,
    });
  }
}
