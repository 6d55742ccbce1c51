// A device export shared in Slack, read from Slack and run as the pipeline's `inventory-file` request:
// previewed (the form, a mention with a file) or applied (the preview's buttons). A file Slack would
// not hand over is refused in the same words as any other file that gave nothing to import.
import type { webApi } from '@slack/bolt';
import type { ImportMode, Result, Speaker } from '../commands/command-types.js';
import { nothingImported } from '../commands/import-command.js';
import { runCommand } from '../commands/run-command.js';
import { downloadSharedFile } from './download-shared-file.js';
import type { SlackDeps } from './slack-deps.js';

export async function runSharedFile(
  client: webApi.WebClient,
  fileId: string,
  mode: ImportMode,
  deps: SlackDeps,
  speaker: Speaker,
): Promise<Result> {
  const file = await downloadSharedFile(client, fileId);
  const result = file.ok
    ? await runCommand(
        { kind: 'inventory-file', file: { name: file.name, bytes: file.bytes }, mode },
        deps.commands,
        speaker,
      )
    : nothingImported(file.name, file.reason);
  deps.logger.info({ ...speaker, file: fileId, mode, outcome: result.kind }, 'import');
  return result;
}
