import { describe, expect, it } from '@jest/globals';
import { parseInventoryPairs } from '../../src/commands/parse-inventory-pairs.js';

describe('reading release and count pairs', () => {
  it.each([
    ['windows-xp 18293', [{ name: 'windows-xp', count: 18293 }]],
    ['windows-xp 18293 windows-8.1 14450 windows-10-22h2 8', [
      { name: 'windows-xp', count: 18293 },
      { name: 'windows-8.1', count: 14450 },
      { name: 'windows-10-22h2', count: 8 },
    ]],
    ['windows 8.1 14450', [{ name: 'windows 8.1', count: 14450 }]],
    ['xp=18293 vista: 3', [{ name: 'xp', count: 18293 }, { name: 'vista', count: 3 }]],
    ['xp 18,293, win7 0', [{ name: 'xp', count: 18293 }, { name: 'win7', count: 0 }]],
    ['node 18 20', [{ name: 'node 18', count: 20 }]],
    ['xp 10000000', [{ name: 'xp', count: 10_000_000 }]],
  ])('reads %j', (text, pairs) => {
    expect(parseInventoryPairs(text)).toEqual({ ok: true, pairs });
  });

  it.each([
    ['xp -5', 'xp -5', /whole number/],
    ['xp 1.5', 'xp 1.5', /whole number/],
    ['xp 1e9', 'xp 1e9', /whole number/],
    ['xp 10000001', 'xp 10000001', /whole number/],
    ['xp lots', 'xp lots', /missing count/],
    ['xp', 'xp', /missing count/],
    ['xp 5 vista', 'vista', /missing count/],
    ['', '', /give a release and a count/],
  ])('refuses %j, naming %j', (text, pair, reason) => {
    const parsed = parseInventoryPairs(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.pair).toBe(pair);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });
});
