// "is windows 8.1 still supported on 2018-03-31?" -> queries ["windows 8.1"], as of 2018-03-31.
import { parseIsoDate } from '../lifecycle/calendar-date.js';
import type { Request } from './command-types.js';

export const MAX_QUERIES = 10;

// Question words that are never part of a product name, so chat phrasing still resolves.
const QUESTION_WORDS = new Set(
  'is are was still supported support supports patched patches updated updates update when does do did end ends ending lose loses losing the our we my a an what whats about of for until til how long will be get gets eol status lifecycle please tell me us and or there any left it its this that they them'.split(' '),
);

const AS_OF = /(?:^|\s)(?:on|as of|at|by)\s+(\S+?)[?.!]*\s*$/i;

function stripQuestion(query: string): string {
  return query
    .replace(/[?!]+/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '' && !QUESTION_WORDS.has(word.toLowerCase()))
    .join(' ');
}

export function parseLookup(text: string, share: boolean): Request {
  let rest = text;
  let asOf: string | null = null;
  const asOfMatch = AS_OF.exec(rest);
  if (asOfMatch?.[1] && /^\d/.test(asOfMatch[1])) {
    asOf = parseIsoDate(asOfMatch[1]);
    if (!asOf) return { kind: 'invalid', reason: 'Dates are written YYYY-MM-DD, for example 2018-03-31.' };
    rest = rest.slice(0, asOfMatch.index);
  }
  const queries = rest
    .split(/[,;\n]+/)
    .map(stripQuestion)
    .filter((query) => query !== '');
  if (queries.length === 0) {
    return { kind: 'invalid', reason: 'Name a product or release, for example `/eol windows 8.1`. `/eol help` lists everything.' };
  }
  if (queries.length > MAX_QUERIES) return { kind: 'invalid', reason: `Ask about at most ${MAX_QUERIES} releases at once.` };
  return { kind: 'lookup', queries, asOf, share, text: text.trim() };
}
