// "is windows 8.1 still supported on 2018-03-31?" -> queries ["windows 8.1"], as of 2018-03-31.
import { parseIsoDate } from '../lifecycle/calendar-date.js';
import { isOnlyQuestionWords } from '../catalog/names/question-words.js';
import { tokensOf } from '../catalog/normalize-name.js';
import { readPastedText } from '../catalog/read-pasted-text.js';
import type { Request } from './command-types.js';

export const MAX_QUERIES = 10;

const AS_OF = /(?:^|\s)(?:on|as of|at|by)\s+(\S+?)[?.!]*\s*$/i;

// Several questions at once are separated by commas or semicolons, except Microsoft's own
// "Windows 10, version 22H2". Question words are left to the resolver, which knows product names.
const SEPARATOR = /[;\n]+|,(?!\s*version\b)/i;

const hasWords = (query: string): boolean => !isOnlyQuestionWords(tokensOf(readPastedText(query)));

export function parseLookup(text: string, share: boolean): Request {
  let rest = text;
  let asOf: string | null = null;
  const asOfMatch = AS_OF.exec(rest);
  // A date has separators: "supported by 2027" is a year in a question, not an as-of date.
  if (asOfMatch?.[1] && /^\d+[-/.]\d/.test(asOfMatch[1])) {
    asOf = parseIsoDate(asOfMatch[1]);
    if (!asOf) return { kind: 'invalid', reason: 'Dates are written YYYY-MM-DD, for example 2018-03-31.' };
    rest = rest.slice(0, asOfMatch.index);
  }
  const queries = rest
    .split(SEPARATOR)
    .map((query) => query.trim())
    .filter(hasWords);
  if (queries.length === 0) {
    return { kind: 'invalid', reason: 'Name a product or release, for example `/eol windows 8.1`. `/eol help` lists everything.' };
  }
  if (queries.length > MAX_QUERIES) return { kind: 'invalid', reason: `Ask about at most ${MAX_QUERIES} releases at once.` };
  return { kind: 'lookup', queries, asOf, share, text: text.trim() };
}
