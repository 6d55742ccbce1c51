// The local shell reads like a terminal program: plain words, mentions as in Slack, one warning.
import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { runShell } from '../../src/shell/run-shell.js';
import { depsAt } from '../helpers/test-core.js';

async function session(date: string, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const done = runShell(depsAt(date), { input, output });
  input.end(`${lines.join('\n')}\n`);
  await done;
  return printed;
}

describe('the local shell', () => {
  it('answers the mention form and a trailing emoji as Slack does', async () => {
    const printed = await session('2017-06-28', [
      '@eolwatch is windows 8.1 still supported?',
      'windows 8.1 :thumbsup:',
      'xp 🙏',
    ]);
    expect(printed.match(/Supported: Active Support until 2018-01-09 \(195 days left\)/g)).toHaveLength(2);
    expect(printed).toContain('Microsoft Windows XP SP3');
  });

  it('drops a terminal escape sequence instead of reading it as a product', async () => {
    const printed = await session('2017-06-28', ['\x1b[A', 'windows 8.1\x1b[D']);
    expect(printed).not.toContain('Kirby');
    expect(printed).toContain('Microsoft Windows 8.1');
  });

  it('answers a chart with its words and the command line that writes the picture', async () => {
    const printed = await session('2017-06-28', ['chart xp, windows 8.1 --out mine.png', 'inventory chart']);
    expect(printed).toContain('Support timeline, #shell');
    expect(printed).toContain(
      'The picture: npm run --silent eol -- --channel shell chart xp, windows 8.1 --out eolwatch-timeline-20170628.png',
    );
    expect(printed).toContain('There is nothing to draw yet');
  });

  it('writes plain text with no Slack markup', async () => {
    const printed = await session('2017-06-28', ['inventory set windows-8.1 14450', 'inventory', 'watches', 'help']);
    expect(printed).not.toMatch(/:warning:|:alarm_clock:|:calendar:|\*[A-Za-z0-9]|`/);
    expect(printed).toContain('Warning: Microsoft Windows 8.1 leaves Active Support on 2018-01-09');
  });

  it('says the stale-catalogue warning once, at its start', async () => {
    const printed = await session('2026-11-28', ['xp', 'windows 8.1', 'help']);
    expect(printed.match(/days old/g)).toHaveLength(1);
    expect(printed.indexOf('days old')).toBeLessThan(printed.indexOf('Microsoft Windows XP'));
  });
});
