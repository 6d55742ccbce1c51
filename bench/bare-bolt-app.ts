// The baselines: a bare Bolt app over HTTP with one /eol listener that only acks, or (ANSWERS_FILE set)
// acks with the very answer eolwatch gives to each question, looked up by its text. Like eolwatch, it
// keeps no conversation store, so the two differ only in the work of answering.
import { App, LogLevel } from '@slack/bolt';
import { readFileSync } from 'node:fs';

const app = new App({
  token: 'xoxb-bench',
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
  botId: 'BBENCH',
  botUserId: 'UBENCH',
  logLevel: LogLevel.ERROR,
  convoStore: false,
});
const answers = process.env.ANSWERS_FILE
  ? new Map(Object.entries(JSON.parse(readFileSync(process.env.ANSWERS_FILE, 'utf8')) as Record<string, object>))
  : null;
app.command('/eol', async ({ ack, command }) => {
  await ack(answers ? answers.get(command.text) : undefined);
});
await app.start(Number(process.env.PORT));
process.stdout.write('bare bolt ready\n');
