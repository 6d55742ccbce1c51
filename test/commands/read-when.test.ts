// Times as people write them (test/fixtures/dates.tsv): the day or period each question is answered
// for, a day that does not exist named, a day that reads two ways asked about, and never today
// in silence when the question named another time.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseCommand } from '../../src/commands/parse-command.js';
import { readRelativeWhen } from '../../src/commands/read-when.js';
import { runCommand } from '../../src/commands/run-command.js';
import { renderBlocks } from '../../src/render/render-blocks.js';
import { renderText } from '../../src/render/render-text.js';
import { depsAt, SPEAKER } from '../helpers/test-core.js';

const corpus = readFileSync('test/fixtures/dates.tsv', 'utf8')
  .split('\n')
  .filter((line) => line.includes('\t') && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, string]);

/** What the request holds, in the corpus's words. */
function readingOf(text: string): string {
  const request = parseCommand(text);
  if (request.kind === 'invalid') {
    const dates = (request.choices ?? []).map((choice) => /\d{4}-\d\d-\d\d/.exec(choice.command)?.[0]);
    return dates.length > 0 ? `ask ${dates.join(' ')}` : `refused ${request.reason}`;
  }
  if (request.kind !== 'lookup') return request.kind;
  // A time counted from today ("next year") is read with the clock, here pinned to 2026-12-06.
  const when = request.relative ? readRelativeWhen(request.relative, '2026-12-06') : null;
  if (when) return when.kind === 'day' ? when.date : `${when.from}..${when.to}`;
  if (request.period) return `${request.period.from}..${request.period.to}`;
  return request.asOf ?? 'none';
}

describe('times as people write them', () => {
  it('has many of each class', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(70);
  });

  it.each(corpus)('reads %j as %s', (text, expected) => {
    const reading = readingOf(text);
    if (expected.startsWith('refused ')) expect(reading).toContain(expected.slice('refused '.length));
    else expect(reading).toBe(expected);
  });
});

describe('answers for a named time', () => {
  const answer = async (text: string) =>
    renderText(await runCommand(parseCommand(text), depsAt('2026-12-06'), SPEAKER));

  it('answers "as of june 2017" for its last day, and says so', async () => {
    const text = await answer('windows 8.1 as of june 2017');
    expect(text).toContain('Supported: Active Support until 2018-01-09');
    expect(text).toContain('Through 2017-06-30 (the end of June 2017)');
  });

  it('says when support ends inside the period asked about', async () => {
    const text = await answer('is windows 10 22h2 still supported in 2028?');
    expect(text).toContain('Supported until 2028-10-10, so not for the whole of 2028.');
  });

  it('says which phases end inside the period when support goes on past it', async () => {
    expect(await answer('windows server 2016 within 3 months')).toContain(
      'Within the next 3 months: Security Support ends after 2027-01-12.',
    );
    expect(await answer('windows 10 22h2 in 2025')).toContain(
      'Within 2025: Active Support and Security Support end after 2025-10-14.',
    );
    const blocks = JSON.stringify(
      renderBlocks(await runCommand(parseCommand('windows server 2016 in 2027'), depsAt('2026-12-06'), SPEAKER)),
    );
    expect(blocks).toContain(':warning: Within 2027: Security Support ends after 2027-01-12.');
  });

  it('says nothing of the period when support lasts all of it', async () => {
    expect(await answer('windows 10 22h2 in 2027')).not.toContain('not for the whole');
  });

  it.each([
    ['xp in feb-27', 'xp in 2027-02'],
    ['xp in Feb-27', 'xp in 2027-02'],
    ['xp in 02/27', 'xp in 2027-02'],
    ['xp in 12/26', 'xp in 2026-12'],
    // Without a preposition too: never the name's, never as of today.
    ['windows 10 22h2 feb-27', 'windows 10 22h2 2027-02'],
  ])('asks about %j, a month and two digits (a year, or a day?), offering the month', async (text, command) => {
    const result = await runCommand(parseCommand(text), depsAt('2026-12-06'), SPEAKER);
    expect(result.kind === 'invalid' && result.reason).toContain('It reads two ways: ');
    expect(result.kind === 'invalid' && result.choices?.map((choice) => [choice.label, choice.command])).toEqual([
      [/2026/.test(command) ? 'December 2026' : 'February 2027', command],
    ]);
    const chosen = parseCommand(command);
    expect(chosen.kind === 'lookup' && chosen.period?.label).toBe(
      /2026/.test(command) ? 'December 2026' : 'February 2027',
    );
  });

  it('answers a day that reads two ways with both, as commands to run', async () => {
    const result = await runCommand(parseCommand('xp on 03/04/2017'), depsAt('2026-12-06'), SPEAKER);
    expect(result.kind === 'invalid' && result.choices?.map((choice) => [choice.label, choice.command])).toEqual([
      ['3 April 2017', 'xp on 2017-04-03'],
      ['4 March 2017', 'xp on 2017-03-04'],
    ]);
  });

  it('never answers as of today when the time named cannot be read', async () => {
    const text = await answer('windows 8.1 on 2017-02-30');
    expect(text).toContain('There is no 30 February 2017: February 2017 has 28 days');
    expect(text).not.toContain('As of 2026-12-06');
  });
});
