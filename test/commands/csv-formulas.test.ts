// Every CSV eolwatch writes is data: a cell a spreadsheet would run as a formula (starting =, +, -, @,
// tab or carriage return) goes out with a leading ', in report export, inventory export and the audit
// CSV; and an export read back by the importer gives the text it held.
import { describe, expect, it } from '@jest/globals';
import Papa from 'papaparse';
import { runText } from '../../src/commands/run-command.js';
import type { Speaker } from '../../src/commands/command-types.js';
import { readExportRows } from '../../src/imports/read-export-rows.js';
import { writeCsv } from '../../src/leaf/csv.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { ADMIN, depsAt } from '../helpers/test-core.js';

const HOSTILE = [
  '=HYPERLINK("http://evil","x")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '=1+1\n=2+2',
];
const admin: Speaker = { workspace: 'T1', channel: 'CMET', user: ADMIN };

const cells = (csv: string): string[][] => Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
const column = (csv: string, name: string): string[] => {
  const [header = [], ...rows] = cells(csv);
  const at = header.indexOf(name);
  return rows.map((row) => row[at] ?? '');
};
const exported = async (text: string, deps: ReturnType<typeof depsAt>, speaker = admin): Promise<string> => {
  const result = await runText(text, deps, speaker);
  if (result.kind !== 'export') throw new Error(`${text}: ${result.kind}`);
  return result.content;
};

describe('formula cells go out as data', () => {
  it.each(HOSTILE)('a team named %j in report export and inventory export', async (name) => {
    const store = new MemoryStore();
    const deps = depsAt('2017-06-28', { store: async () => store });
    await store.setTeamName({ workspace: 'T1', channel: 'CMET' }, name);
    await runText('inventory set xp 5', deps, admin);
    for (const text of ['report export', 'inventory export']) {
      const [cell = ''] = column(await exported(text, deps), 'team_name');
      expect(cell).toBe(`'${name}`);
    }
  });

  it.each(HOSTILE)('an audit entry by %j in the audit CSV', async (user) => {
    const store = new MemoryStore();
    const deps = depsAt('2017-06-28', { store: async () => store });
    await store.appendAudit({
      workspace: 'T1',
      at: '2017-06-28T10:00:00.000Z',
      user,
      via: 'api',
      channel: 'CMET',
      action: 'counts.set',
      change: user,
      releases: [],
    });
    const csv = await exported('audit --format csv', deps);
    expect(column(csv, 'user')).toEqual([`'${user}`]);
    expect(column(csv, 'change')).toEqual([`'${user}`]);
  });

  it('leaves ordinary cells and numbers as they are', () => {
    expect(
      cells(
        writeCsv(
          ['name', 'count'],
          [
            ['Met IT', 18293],
            ['a-b', -5],
          ],
        ),
      ),
    ).toEqual([
      ['name', 'count'],
      ['Met IT', '18293'],
      ['a-b', '-5'],
    ]);
  });
});

describe('read back by the importer', () => {
  it('gives every cell the text it held', () => {
    const rows = HOSTILE.map((text, index) => [text, String(index)]);
    const read: string[][] = [];
    const outcome = readExportRows(writeCsv(['name', 'count'], rows), {
      header: () => undefined,
      record: (record) => void read.push(record.fields),
    });
    expect(outcome.ok).toBe(true);
    expect(read).toEqual(rows);
  });
});
