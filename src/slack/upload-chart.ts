// A chart in Slack: drawn as a PNG and uploaded with files.uploadV2 (files:write), with alt text that
// states its numbers and its summary as the comment. Returns the file's id. With no channel the file
// stays private to the app: the Home tab shows it with an image block's `slack_file`.
import type { webApi } from '@slack/bolt';
import type { ChartDrawer } from '../chart-images/draw-chart.js';
import type { Chart } from '../charts/chart.js';
import { escapeMrkdwn } from '../render/escape-mrkdwn.js';

/** Slack's limit on an image's alt text. */
const MAX_ALT_TEXT = 1000;

export async function uploadChart(
  client: webApi.WebClient,
  channel: string | null,
  chart: Chart,
  draw: ChartDrawer,
  threadTs?: string,
): Promise<string | null> {
  const png = await draw(chart.spec, 'png');
  const file = {
    file: png,
    filename: `${chart.fileBase}.png`,
    title: chart.title,
    alt_text: chart.altText.length > MAX_ALT_TEXT ? `${chart.altText.slice(0, MAX_ALT_TEXT - 1)}…` : chart.altText,
    initial_comment: escapeMrkdwn(chart.summary),
  };
  const uploaded = await client.filesUploadV2(
    channel === null
      ? { ...file, initial_comment: undefined }
      : threadTs
        ? { ...file, channel_id: channel, thread_ts: threadTs }
        : { ...file, channel_id: channel },
  );
  const files = (uploaded as { files?: { files?: { id?: string }[] }[] }).files;
  return files?.[0]?.files?.[0]?.id ?? null;
}
