// "Not found" and "could be" answers carry buttons; pressing one answers that lookup, privately.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { buttonPressBody, postToSlackApp, slashCommandBody } from '../helpers/signed-request.js';
import { startHttpApp, type RunningApp } from '../helpers/start-http-app.js';
import { depsAt } from '../helpers/test-core.js';

let running: RunningApp;
beforeAll(async () => {
  running = await startHttpApp(depsAt('2026-01-01'));
});
afterAll(async () => {
  await running.stop();
});

async function press(actionId: string, value: string) {
  const before = running.api.callsTo('response').length;
  const body = buttonPressBody({ actionId, value, user: 'U7', channel: 'C1', responseUrl: running.api.responseUrl });
  expect(
    (await postToSlackApp(running.eventsUrl, { body, contentType: 'application/x-www-form-urlencoded' })).status,
  ).toBe(200);
  await running.api.waitFor('response', before + 1);
  return running.api.callsTo('response').at(-1)?.body as any;
}

it('offers each candidate of "vmware 7" as a button, and a press answers that release privately', async () => {
  const body = slashCommandBody('vmware 7', running.api.responseUrl);
  const reply = (
    await postToSlackApp(running.eventsUrl, { body, contentType: 'application/x-www-form-urlencoded' })
  ).json() as any;
  const buttons = reply.blocks.flatMap((block: any) => (block.type === 'actions' ? block.elements : []));
  expect(buttons.map((button: any) => button.value)).toEqual(expect.arrayContaining(['esxi 7.0', 'vcenter 7.0']));
  const esxi = buttons.find((button: any) => button.value === 'esxi 7.0');
  const answer = await press(esxi.action_id, esxi.value);
  expect(answer.response_type).toBe('ephemeral');
  expect(answer.text).toContain('VMware ESXi 7.0');
});

it('runs only a lookup from a button value, whatever it says', async () => {
  const answer = await press('eol_lookup_0', 'inventory clear');
  expect(answer.text).not.toContain('cleared');
  expect(answer.text).toMatch(/Not found|could be/);
});
