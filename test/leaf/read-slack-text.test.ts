import { expect, it } from '@jest/globals';
import { readSlackText } from '../../src/leaf/read-slack-text.js';

it.each([
  ['<http://node.js|node.js> 18', 'node.js 18'],
  ['<http://asp.net|asp.net> core 8', 'asp.net core 8'],
  ['<https://endoflife.date/windows>', 'https://endoflife.date/windows'],
  ['<mailto:it@example.com|it@example.com>', 'it@example.com'],
  ['veeam backup &amp; replication 12', 'veeam backup & replication 12'],
  ['contract xp until 2016-04-14 CSA &lt;premier&gt;', 'contract xp until 2016-04-14 CSA <premier>'],
  ['&amp;lt; typed', '&lt; typed'],
  ['windows 8.1', 'windows 8.1'],
])('reads %j as %j', (sent, typed) => {
  expect(readSlackText(sent)).toBe(typed);
});

it('keeps mentions as Slack sent them, and never makes one of text the person typed', () => {
  expect(readSlackText('admins add <@U123|alex>')).toBe('admins add <@U123|alex>');
  expect(readSlackText('<#C123|it> <!here>')).toBe('<#C123|it> <!here>');
  expect(readSlackText('admins add &lt;@U999&gt;')).toBe('admins add &lt;@U999>');
});
