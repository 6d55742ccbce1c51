import { describe, expect, it } from '@jest/globals';
import { runText } from '../../src/commands/run-command.js';
import { renderBlocks, type Block } from '../../src/render/render-blocks.js';
import { renderText } from '../../src/render/render-text.js';
import { depsAt } from '../helpers/test-core.js';

const at = depsAt('2017-06-28');
const allText = (blocks: Block[]): string => JSON.stringify(blocks);

describe('golden answers', () => {
  it.each([
    'windows-8.1',
    'windows 10 22h2 on 2026-01-01',
    'windows-8.1, windows-10-22h2, ubuntu 18.04, nope',
    'windows',
    'windwos 8.1',
    'foobar',
    'help',
  ])('renders %j the same as reviewed (Block Kit and plain text)', (text) => {
    const result = runText(text, at);
    expect(renderBlocks(result)).toMatchSnapshot('slack');
    expect(renderText(result)).toMatchSnapshot('text');
  });
});

describe('Slack rendering', () => {
  it('writes dates as Slack date tokens with the ISO date as fallback', () => {
    const { blocks } = renderBlocks(runText('windows-8.1', at));
    expect(allText(blocks)).toContain('<!date^1515499200^{date_long}|2018-01-09>');
  });

  it('always has a text fallback', () => {
    expect(renderBlocks(runText('xp', at)).text).toMatch(/^Microsoft Windows XP SP3/);
  });

  it('offers "Share in channel" on a private answer, not on a shared one', () => {
    expect(allText(renderBlocks(runText('xp', at)).blocks)).toContain('Share in channel');
    expect(allText(renderBlocks(runText('share xp', at)).blocks)).not.toContain('Share in channel');
  });

  it.each(['<!channel>', '<!here>', '<@U123>', '<#C123>', '<https://evil.example|click>', 'a & b > c'])('escapes %j so nobody is pinged', (hostile) => {
    const message = renderBlocks(runText(hostile, at));
    const everything = allText(message.blocks) + message.text;
    expect(everything).not.toContain(hostile.replace('!', ''));
    expect(everything).not.toMatch(/<[@#]|<!(?!date\^)|<https:\/\/evil/);
    expect(everything).toMatch(/&lt;|&amp;/);
  });

  it('keeps within Block Kit limits for ten products listed at once', () => {
    const text = ['windows', 'ubuntu', 'debian', 'rhel', 'macos', 'nodejs', 'python', 'windows-server', 'postgresql', 'java'].join(', ');
    const { blocks } = renderBlocks(runText(text, at));
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) {
      const sectionText = (block.text as { text?: string } | undefined)?.text ?? '';
      expect(sectionText.length).toBeLessThanOrEqual(3000);
    }
  });

  it('shows the Windows editions legend with a Windows listing', () => {
    expect(allText(renderBlocks(runText('windows', at)).blocks)).toContain('LTS = Long-Term Servicing Channel');
  });
});
