import { describe, expect, it } from '@jest/globals';
import { runText } from '../../src/commands/run-command.js';
import { renderBlocks, type Block } from '../../src/render/render-blocks.js';
import { renderText } from '../../src/render/render-text.js';
import { depsAt, SPEAKER } from '../helpers/test-core.js';
import { MemoryStore } from '../memory-store/memory-store.js';

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
  ])('renders %j the same as reviewed (Block Kit and plain text)', async (text) => {
    const result = await runText(text, at, SPEAKER);
    expect(renderBlocks(result)).toMatchSnapshot('slack');
    expect(renderText(result)).toMatchSnapshot('text');
  });
});

describe('Slack rendering', () => {
  // A date token would show readers at UTC+12 to UTC+14 the next day: no instant is the same day everywhere.
  it("writes end dates as the catalogue's calendar dates, with no date token a time zone could shift", async () => {
    const { blocks, text } = renderBlocks(await runText('windows-8.1', at, SPEAKER));
    expect(allText(blocks)).toContain('until 2018-01-09');
    expect(allText(blocks)).toContain('until 2023-01-10');
    expect(`${allText(blocks)}${text}`).not.toContain('<!date');
  });

  it('always has a text fallback', async () => {
    expect(renderBlocks(await runText('xp', at, SPEAKER)).text).toMatch(/^Microsoft Windows XP SP3/);
  });

  it('offers "Share in channel" on a private answer, not on a shared one', async () => {
    expect(allText(renderBlocks(await runText('xp', at, SPEAKER)).blocks)).toContain('Share in channel');
    expect(allText(renderBlocks(await runText('share xp', at, SPEAKER)).blocks)).not.toContain('Share in channel');
  });

  it.each(['<!channel>', '<!here>', '<@U123>', '<#C123>', 'a & b > c', '&lt;!channel&gt;'])(
    'escapes %j so nobody is pinged',
    async (hostile) => {
      // After a word: a mention of the bot alone is read as addressing it, and dropped.
      const message = renderBlocks(await runText(`zzz ${hostile}`, at, SPEAKER));
      const everything = allText(message.blocks) + message.text;
      expect(everything).not.toContain(hostile.replace('!', ''));
      expect(everything).not.toMatch(/<[@#]|<!(?!date\^)|<https:\/\/evil/);
      expect(everything).toMatch(/&lt;|&amp;/);
    },
  );

  // A link arrives only as Slack made it of what was typed: its label is what the person wrote.
  it('echoes a link Slack made as its label, never as a link', async () => {
    const message = renderBlocks(await runText('zzz <https://evil.example|click>', at, SPEAKER));
    const everything = allText(message.blocks) + message.text;
    expect(everything).toContain('zzz click');
    expect(everything).not.toMatch(/<https:\/\/evil|evil\.example/);
  });

  it('keeps within Block Kit limits for ten products listed at once', async () => {
    const text = [
      'windows',
      'ubuntu',
      'debian',
      'rhel',
      'macos',
      'nodejs',
      'python',
      'windows-server',
      'postgresql',
      'java',
    ].join(', ');
    const { blocks } = renderBlocks(await runText(text, at, SPEAKER));
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const block of blocks) {
      const sectionText = (block.text as { text?: string } | undefined)?.text ?? '';
      expect(sectionText.length).toBeLessThanOrEqual(3000);
    }
  });

  it('writes Windows editions out in a listing, with no legend to look up', async () => {
    const text = allText(renderBlocks(await runText('windows', at, SPEAKER)).blocks);
    expect(text).toContain('*Windows 10 1607 (Enterprise LTSC)*');
    expect(text).not.toMatch(/11-24h2-e|\(E\)|\(W\)/);
  });
});

// A product's name, other words, then a version: the answer is for the release, and says which words it
// did not read, so SQL Server's dates are not taken for Management Studio's unawares.
describe('words between a name and its version that name nothing', () => {
  const answer = async (text: string) => {
    const result = await runText(text, at, SPEAKER);
    return { text: renderText(result), blocks: allText(renderBlocks(result).blocks) };
  };

  it.each([
    ['sql server management studio 2019', 'management studio', "Microsoft SQL Server 2019 'Aris/Seattle'"],
    ['exchange online 2019', 'online', 'Microsoft Exchange 2019'],
    ['vmware esxi host 7.0', 'host', 'VMware ESXi 7.0'],
    ['windows server update services 2019', 'services', 'Microsoft Windows Server 2019'],
    // Words after the version that no release has: the kernel's support is not the distribution's.
    ['ubuntu 22.04 kernel', 'kernel', "Ubuntu 22.04 'Jammy Jellyfish'"],
    ['windows 10 22h2 blah', 'blah', 'Microsoft Windows 10 22H2'],
    ['rhel 8 foo bar', 'foo bar', 'Red Hat Enterprise Linux 8'],
  ])('answers %j for the release, saying “%s” was not read', async (typed, words, title) => {
    const { text, blocks } = await answer(typed);
    expect(text).toContain(`(I did not read "${words}": this answer is for ${title}`);
    expect(blocks).toContain(`:warning: I did not read “${words}”: this answer is for ${title}`);
  });

  it.each([
    'windows 10 pro 22h2',
    'windows 11 pro for workstations 23h2',
    'windows server datacenter 2019',
    'sql server express 2019',
    'office home and business 2019',
    'red hat enterprise linux server 8',
    'ubuntu server 22.04',
    'macos sonoma 14',
    'is windows 10 22h2 still supported on 2017-06-28',
    'debian gnu/linux 12',
    // After the version, words that say where it runs or ask how it is.
    'windows 10 22h2 laptops',
    'exchange 2019 on prem',
    'is ubuntu 22.04 safe?',
    'windows server 2019 core',
    'sql server 2019 express edition',
    'windows 10 22h2 x64',
    'ubuntu 22.04 lts',
    'is rhel 8 still supported',
    'Fedora release 40 (Forty)',
  ])('says nothing of the kind for %j, whose words all name the release', async (typed) => {
    const { text, blocks } = await answer(typed);
    expect(`${text}${blocks}`).not.toContain('did not read');
  });
});

describe('tables instead of walls of text', () => {
  it('shows inventory and report rows as a table in Slack, with every line kept in the text fallback', async () => {
    const store = new MemoryStore();
    const deps = depsAt('2017-06-28', { store: async () => store });
    await runText('inventory set xp 18293 win 8.1 14450', deps, SPEAKER);
    for (const text of ['inventory', 'report']) {
      const message = renderBlocks(await runText(text, deps, SPEAKER));
      const table = message.blocks.find((block) => block.type === 'table') as unknown as {
        rows: { type: string; text: string }[][];
        column_settings: unknown[];
      };
      expect(table.rows.map((row) => row.map((cell) => cell.text))).toEqual([
        ['Release', 'Machines', 'Status'],
        ['Microsoft Windows XP SP3', '18,293', 'unsupported since 2014-04-09'],
        ['Microsoft Windows 8.1', '14,450', 'Active Support until 2018-01-09, Security Support until 2023-01-10'],
      ]);
      expect(table.rows.flat().every((cell) => cell.type === 'raw_text')).toBe(true);
      expect(message.text).toContain('18,293 × Microsoft Windows XP SP3: unsupported since 2014-04-09');
    }
  });

  it('keeps a table to Slack’s 100 rows and says how many more and how to export them', async () => {
    const store = new MemoryStore();
    const deps = depsAt('2026-11-28', { store: async () => store });
    const keys = [
      ...new Set(
        (await import('../helpers/test-core.js'))
          .testCore()
          .catalog.products.flatMap((product) =>
            product.releases.slice(0, 3).map((release) => `${release.productName}/${release.name}`),
          ),
      ),
    ].slice(0, 130);
    await store.setCounts(
      SPEAKER,
      keys.map((release, index) => ({ release, count: index + 1 })),
      { user: 'U1', at: '2026-11-28T10:00:00.000Z' },
    );
    const message = renderBlocks(await runText('inventory', deps, SPEAKER));
    const table = message.blocks.find((block) => block.type === 'table') as unknown as { rows: unknown[] };
    expect(table.rows).toHaveLength(100);
    expect(JSON.stringify(message.blocks)).toContain(
      '…and 31 more: `/eol inventory export` or `/eol report export` has them all.',
    );
  });
});

describe('watches and contracts as tables', () => {
  it('shows watches and contracts as tables in Slack, and as lines in plain text', async () => {
    const store = new MemoryStore();
    const deps = depsAt('2017-06-28', { store: async () => store });
    await runText('watch windows-8.1 lead 30,7', deps, SPEAKER);
    await runText('contract xp until 2019-01-14 Custom Support', deps, SPEAKER);
    const watches = renderBlocks(await runText('watches', deps, SPEAKER));
    const watchTable = watches.blocks.find((block) => block.type === 'table') as unknown as {
      rows: { text: string }[][];
    };
    expect(watchTable.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['Release', 'Next reminder', 'Lead days', 'Watched'],
      ['Microsoft Windows 8.1', '2017-12-10 (Active Support ends 2018-01-09)', '30, 7', 'set here'],
    ]);
    const contracts = renderBlocks(await runText('contracts', deps, SPEAKER));
    const contractTable = contracts.blocks.find((block) => block.type === 'table') as unknown as {
      rows: { text: string }[][];
    };
    expect(contractTable.rows[1]?.map((cell) => cell.text)).toEqual([
      'Microsoft Windows XP SP3',
      'Custom Support',
      '2019-01-14',
      'U1',
    ]);
    expect(renderText(await runText('contracts', deps, SPEAKER))).toContain(
      '• Microsoft Windows XP SP3: Custom Support until 2019-01-14 (recorded by U1)',
    );
  });
});
