// "windows-xp 18293 windows 8.1 14450 xp=18,293" -> (name, count) pairs, or the pair that is wrong
// and why. Names may contain numbers ("windows 8.1"): in a run of numbers the last one is the count.
import { MAX_COUNT } from '../inventory/inventory-store.js';
import { formatCount } from '../render/formatter.js';

export interface NamedCount {
  name: string;
  count: number;
}

export type PairsParse = { ok: true; pairs: NamedCount[] } | { ok: false; pair: string; reason: string };

const NUMBER_LIKE = /^[-+]?[\d.,]*\d[\d.,]*(e[-+]?\d+)?$/i;
const WHOLE_COUNT = /^(\d{1,3}(,\d{3})+|\d+)$/;
export const COUNT_RULE = `a whole number from 0 to ${formatCount(MAX_COUNT)}`;

/** "18293" or "18,293" -> 18293; null for anything else, or more than MAX_COUNT. */
export function parseCount(text: string): number | null {
  if (!WHOLE_COUNT.test(text)) return null;
  const count = Number(text.replace(/,/g, ''));
  return count <= MAX_COUNT ? count : null;
}

export function parseInventoryPairs(text: string): PairsParse {
  // "name=count" and "name: count" read like "name count"; ", " separates pairs.
  const tokens = text.replace(/\s*[=:]\s*/g, ' ').replace(/,\s+|;/g, ' ').split(/\s+/).filter((token) => token !== '');
  if (tokens.length === 0) return { ok: false, pair: '', reason: `give a release and a count, e.g. \`windows-xp 18293\`` };
  const pairs: NamedCount[] = [];
  let name: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] ?? '';
    const next = tokens[i + 1];
    const isCount = NUMBER_LIKE.test(token) && name.length > 0 && (next === undefined || !NUMBER_LIKE.test(next));
    if (!isCount) {
      name.push(token);
      continue;
    }
    const pair = `${name.join(' ')} ${token}`;
    const count = parseCount(token);
    if (count === null) return { ok: false, pair, reason: `the count must be ${COUNT_RULE}` };
    pairs.push({ name: name.join(' '), count });
    name = [];
  }
  if (name.length > 0) return { ok: false, pair: name.join(' '), reason: `missing count (${COUNT_RULE})` };
  return { ok: true, pairs };
}
