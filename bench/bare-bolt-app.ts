// The baseline: a bare Bolt app over HTTP with one /eol listener that only acks (with ACK_BODY set,
// acks with that fixed answer instead).
import { App, LogLevel } from '@slack/bolt';

const app = new App({
  token: 'xoxb-bench',
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  botId: 'BBENCH',
  botUserId: 'UBENCH',
  logLevel: LogLevel.ERROR,
});
const fixedAnswer = process.env.ACK_BODY ? JSON.parse(process.env.ACK_BODY) : undefined;
app.command('/eol', async ({ ack }) => {
  await ack(fixedAnswer);
});
await app.start(Number(process.env.PORT));
process.stdout.write('bare bolt ready\n');
