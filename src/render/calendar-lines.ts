// `/eol calendar`'s answer: the address to subscribe to, shown once, or who made the one in use.
import { capitalised } from '../leaf/format-count.js';
import type { Result } from '../commands/command-types.js';
import type { AnswerPart } from './answer-part.js';
import type { Formatter } from './formatter.js';

export function calendarLines(result: Result, f: Formatter): AnswerPart[] | null {
  if (result.kind !== 'calendar') return null;
  const whose = result.scope === 'workspace' ? 'the workspace’s' : 'this channel’s';
  const again = result.scope === 'workspace' ? '`/eol calendar workspace reset`' : '`/eol calendar reset`';
  if (result.url === null)
    return [
      `${capitalised(whose)} calendar already has an address, made by ${f.user(result.made?.by ?? '')} on ${f.date((result.made?.at ?? '').slice(0, 10))}. It is shown only once: ${again} makes a new one, and the old one stops working.`,
    ];
  const absolute = /^https?:\/\//.test(result.url);
  return [
    `${result.reset ? `A new address for ${whose} calendar; the old one no longer works.` : `The address of ${whose} calendar.`} Shown to you alone, this once: anyone who has it can read the calendar.`,
    f.text(result.url),
    absolute
      ? 'Outlook: Add calendar → Subscribe from web. Google Calendar: Other calendars → + → From URL. Apple Calendar: File → New Calendar Subscription.'
      : `Set EOLWATCH_PUBLIC_URL to the address eolwatch is reached at (https://eolwatch.example.org), then ${again}: this path is only the end of it.`,
  ];
}
