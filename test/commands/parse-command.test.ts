import { describe, expect, it } from '@jest/globals';
import { MAX_TEXT_LENGTH, parseCommand } from '../../src/commands/parse-command.js';

describe('parsing what follows /eol', () => {
  it.each([
    ['windows-8.1', ['windows-8.1'], null],
    ['windows 8.1 on 2018-03-31', ['windows 8.1'], '2018-03-31'],
    ['win 8.1 as of 2018-03-31?', ['win 8.1'], '2018-03-31'],
    ['windows-8.1, windows-10-22h2, ubuntu 18.04', ['windows-8.1', 'windows-10-22h2', 'ubuntu 18.04'], null],
    // Questions stay whole: the resolver knows which words are product names ("windows me").
    ['is windows 8.1 still supported?', ['is windows 8.1 still supported?'], null],
    ['when does xp lose support?', ['when does xp lose support?'], null],
    ['Windows 10, version 22H2', ['Windows 10, version 22H2'], null],
    ['xp, is it still patched?', ['xp'], null],
    ['will windows 10 be supported by 2027?', ['will windows 10 be supported'], '2027-12-31'],
    ['windows 8.1 on 31/03/2018', ['windows 8.1'], '2018-03-31'],
    ['windows 8.1 as of June 28, 2017', ['windows 8.1'], '2017-06-28'],
    ['sql server 2016 on windows server 2012', ['sql server 2016 on windows server 2012'], null],
    ['xp\twindows 7', ['xp windows 7'], null],
  ])('reads %j as a lookup of %j as of %s', (text, queries, asOf) => {
    expect(parseCommand(text)).toMatchObject({ kind: 'lookup', queries, asOf, share: false });
  });

  it('reads share as a lookup for the channel', () => {
    expect(parseCommand('share windows-8.1')).toMatchObject({ kind: 'lookup', queries: ['windows-8.1'], share: true });
  });

  it.each(['help', 'HELP', '  help  '])('reads %j as help', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'help' });
  });

  it.each([
    ['', /Name a product/],
    ['   ', /Name a product/],
    ['is it still supported?', /Name a product/],
    ['windows 8.1 on 2018-02-30', /February 2018 has 28 days/],
    ['windows 8.1 on 03/04/2018', /could be 3 April 2018 or 4 March 2018/],
    ['windows 8.1 in june', /Which year/],
    ['x'.repeat(10_000), /too long/],
    [Array.from({ length: 11 }, (_, i) => `node ${i}`).join(', '), /at most 10/],
  ])('refuses %j with a short reason', (text, reason) => {
    const request = parseCommand(text);
    expect(request.kind).toBe('invalid');
    expect(request.kind === 'invalid' && request.reason).toMatch(reason);
  });

  it('drops control characters before reading the text', () => {
    expect(parseCommand('win\u0000dows\u0007 8.1\u001b')).toMatchObject({ kind: 'lookup', queries: ['windows 8.1'] });
  });

  it(`accepts exactly ${MAX_TEXT_LENGTH} characters`, () => {
    expect(parseCommand(`xp${' '.repeat(MAX_TEXT_LENGTH - 2)}`).kind).toBe('lookup');
  });
});

describe('words said to the bot rather than asked', () => {
  const reasonOf = (text: string): string => {
    const request = parseCommand(text);
    return request.kind === 'invalid' ? request.reason : request.kind;
  };

  it.each(['hi', 'Hello!', 'hey there', '<@U0EOLWATCH> hello', 'ping', 'what can you do?', 'good morning'])(
    'greets %j back with examples, never "not found"',
    (text) => {
      expect(reasonOf(text)).toMatch(/^Hello! Ask me when support ends: `\/eol windows 10 22h2`/);
    },
  );

  it.each(['thanks', 'Thanks!', 'thank you so much', 'Thank you :pray:', 'thx', 'thanks 🙏', 'cheers'])(
    'answers %j with you are welcome',
    (text) => {
      expect(reasonOf(text)).toMatch(/^You're welcome\./);
    },
  );

  it.each(['ok', 'cool', 'got it', 'perfect!'])('answers %j kindly', (text) => {
    expect(reasonOf(text)).toMatch(/^Glad to help\./);
  });

  it.each(['hi xp', 'thanks, and windows 10 22h2?', 'xp', 'share xp'])('reads %j as a question', (text) => {
    expect(parseCommand(text).kind).toBe('lookup');
  });
});
