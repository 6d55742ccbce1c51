// The release pickers' options (an external select): the resolver's matches for the text typed.
import type { SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { releaseOptions } from '../../../commands/release-options.js';
import { plainText } from '../../../render/block-kit.js';
import type { SlackDeps } from '../../slack-deps.js';

export async function handleReleaseOptions(
  { options, ack }: SlackOptionsMiddlewareArgs<'block_suggestion'>,
  deps: SlackDeps,
): Promise<void> {
  const typed = typeof options.value === 'string' ? options.value : '';
  await ack({
    options: releaseOptions(typed, deps.commands).map((option) => ({
      text: plainText(option.title),
      value: option.key,
    })),
  });
}
