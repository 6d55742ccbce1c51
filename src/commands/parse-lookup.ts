// "is windows 8.1 still supported on 28 June 2017?" -> queries ["windows 8.1"], as of 2017-06-28;
// "… in 2027?" -> as of 2027-12-31, for the whole of 2027. A time that cannot be read is said so.
import { isOnlyQuestionWords } from '../catalog/names/question-words.js';
import { tokensOf } from '../catalog/normalize-name.js';
import { readPastedText, readToolVersionLines } from '../catalog/read-pasted-text.js';
import type { Request } from './command-types.js';
import { readWhen, spelledOut } from './read-when.js';

const MAX_QUERIES = 10;

// Several questions at once are separated by commas or semicolons, except Microsoft's own
// "Windows 10, version 22H2" ("…, v. 22H2"). Question words are left to the resolver, which knows product names.
export const SEPARATOR = /[;\n]+|,(?!\s*(?:version\b|v\.?\s*\d\dh[12]\b))/i;

const hasWords = (query: string): boolean => !isOnlyQuestionWords(tokensOf(readPastedText(query)));

// Said to the bot in a DM or a mention rather than asked: answered as such, not as a name not found.
const GREETING =
  /^(?:hi|hello|hey|hiya|yo|ping|good (?:morning|afternoon|evening)|what can you do|who are you|what are you|how do i use (?:you|this|it)|what do you do)$/;
const THANKS = /^(?:thanks?(?: a lot| so much)?|thank you(?: so much| very much)?|thx|ty|cheers|ta)$/;
const ACKNOWLEDGED = /^(?:great|perfect|cool|ok(?:ay)?|nice|awesome|got it|noted)$/;
const EXAMPLES =
  'Ask me when support ends: `/eol windows 10 22h2`, `/eol ubuntu 22.04 in 2027`. `/eol help` lists everything.';

function chat(typed: string): Request | null {
  // Questions name versions: a number, or a long text, is never chat (and costs no more to read).
  const said = typed.replace(/<@[^>]+>/g, ' ');
  if (said.length > 60 || /\d/.test(said)) return null;
  const words = said
    .toLowerCase()
    .replace(/@eolwatch|:[a-z0-9_+-]+:|[\p{Extended_Pictographic}\u{FE0F}]|[!?.,:;)(]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ (?:eolwatch|bot|there|all)$/, '');
  if (GREETING.test(words)) return { kind: 'invalid', reason: `Hello! ${EXAMPLES}` };
  if (THANKS.test(words)) return { kind: 'invalid', reason: `You're welcome. ${EXAMPLES}` };
  if (ACKNOWLEDGED.test(words)) return { kind: 'invalid', reason: `Glad to help. ${EXAMPLES}` };
  return null;
}

export function parseLookup(typed: string, share: boolean): Request {
  const chatted = share ? null : chat(typed);
  if (chatted) return chatted;
  // `java -version` and the like pasted whole: their build dates are no time asked about.
  const text = readToolVersionLines(typed);
  const when = readWhen(text);
  if (when.kind === 'unreadable') {
    const rest = text.slice(0, text.toLowerCase().lastIndexOf(when.phrase.toLowerCase())).trim();
    const choices = when.dates.map((date) => ({
      label: spelledOut(date),
      command: `${share ? 'share ' : ''}${rest} ${date}`,
    }));
    return {
      kind: 'invalid',
      reason: `“${when.phrase}”: ${when.reason} Nothing was answered as of today.`,
      ...(choices.length > 0 ? { choices } : {}),
    };
  }
  const rest = when.kind === 'when' || when.kind === 'relative' ? when.rest : text;
  const queries = rest
    .split(SEPARATOR)
    .map((query) => query.trim())
    .filter(hasWords);
  if (queries.length === 0) {
    return {
      kind: 'invalid',
      reason: 'Name a product or release, for example `/eol windows 8.1`. `/eol help` lists everything.',
      namesNothing: true,
    };
  }
  if (queries.length > MAX_QUERIES)
    return { kind: 'invalid', reason: `Ask about at most ${MAX_QUERIES} releases at once.` };
  const asOf = when.kind === 'when' ? (when.when.kind === 'day' ? when.when.date : when.when.to) : null;
  const period =
    when.kind === 'when' && when.when.kind === 'period'
      ? { from: when.when.from, to: when.when.to, label: when.when.label }
      : null;
  const relative = when.kind === 'relative' ? { relative: when.phrase } : {};
  return { kind: 'lookup', queries, asOf, period, ...relative, share, text: typed.trim() };
}
