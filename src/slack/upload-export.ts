// `/eol inventory export` and `/eol report export`: the file goes to the channel with files.uploadV2
// (files:write), the summary line as its comment. Slack shows the upload to everyone in the channel.
import type { webApi } from '@slack/bolt';
import type { Result } from '../commands/command-types.js';
import { renderBlocks } from '../render/render-blocks.js';

export async function uploadExport(
  client: webApi.WebClient,
  channel: string,
  result: Extract<Result, { kind: 'export' }>,
): Promise<void> {
  await client.filesUploadV2({
    channel_id: channel,
    file: Buffer.from(result.content, 'utf8'),
    filename: result.fileName,
    title: result.fileName,
    initial_comment: renderBlocks(result).text,
  });
}
