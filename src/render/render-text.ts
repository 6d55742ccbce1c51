// Result -> plain text for the shell and CLI, with ISO dates.
import type { Result } from '../commands/command-types.js';
import { asOfWords } from './describe-lifecycle.js';
import { plainFormat as plain } from './formatter.js';
import { lookupView, UNTRACKED, type ItemView, type NoteView } from './lookup-view.js';
import { answerLines } from './answer-lines.js';
import { linesOf } from './answer-part.js';

/** Notes the shell says before an answer, in brackets; the rest follow its status line. */
const BEFORE = new Set<NoteView['kind']>(['typo', 'note']);

function noteLine(note: NoteView): string {
  switch (note.kind) {
    case 'typo':
      return `(read "${note.typed}" as a typo)`;
    case 'unread':
      return `(I did not read "${note.words}": this answer is for ${note.title})`;
    case 'note':
      return `(${note.title}: ${note.note})`;
    default:
      return note.text;
  }
}

function itemLines(item: ItemView, compact: boolean): string[] {
  switch (item.kind) {
    case 'release': {
      const before = item.notes.filter((note) => BEFORE.has(note.kind)).map(noteLine);
      if (compact) {
        const period = item.notes.filter((note) => note.kind === 'period').map(noteLine);
        return [[`${item.title}: ${item.statusText}`, ...period].join(' '), ...before];
      }
      const after = item.notes.filter((note) => !BEFORE.has(note.kind)).map((note) => `  ${noteLine(note)}`);
      return [
        ...before,
        item.title,
        `  ${item.statusText}`,
        ...after,
        ...item.fields.map((field) => `  ${field.label}: ${field.value}`),
        `  ${item.link}`,
      ];
    }
    case 'listing': {
      const width = Math.max(0, ...item.rows.map((row) => row.label.length));
      return [
        ...item.notes.map(noteLine),
        `${item.title}: ${item.total} releases`,
        ...item.rows.map((row) => `  ${row.label.padEnd(width)}  ${row.statusText}`),
        ...(item.omitted > 0 ? [`  ... and ${item.omitted} older, unsupported: ${item.link}`] : []),
      ];
    }
    case 'ambiguous':
      return [
        `"${item.query}" could be: ${item.products.map((product) => `${product.label} (${product.name})`).join(', ')}. Ask for one: ${item.candidates.join(', ')}`,
      ];
    case 'not-found': {
      const missing = item.product
        ? ` ${item.product.label} has no release "${item.product.release}" in endoflife.date's data.`
        : item.untracked
          ? ` ${UNTRACKED}`
          : '';
      return [
        `Not found: "${item.query}".${missing}${item.suggestions.length > 0 ? ` Closest: ${item.suggestions.join(', ')}` : ''}`,
      ];
    }
  }
}

/** One line per item: what a notification or a screen reader gets first. */
export function renderSummary(result: Result): string {
  if (result.kind !== 'lookup') return renderText(result);
  return lookupView(result, plain, { withFields: false })
    .flatMap((item) => itemLines(item, true))
    .join('\n');
}

/** A result's warning as a terminal line of its own (the shell and the command line say it apart from the answer). */
export const warningLine = (warning: string): string => `Warning: ${warning.replace(/`/g, '')}`;

/** The stale-catalogue warning is not repeated under every answer: the shell says it once at its start. */
export function renderText(result: Result): string {
  return renderBody(result);
}

function renderBody(result: Result): string {
  // The file itself: what `inventory export > counts.csv` should write.
  if (result.kind === 'export') return result.content.trimEnd();
  const parts = answerLines(result, plain);
  if (parts) return linesOf(parts).join('\n').replace(/`/g, '');
  switch (result.kind) {
    case 'invalid': {
      const choices = (result.choices ?? []).map((choice) => `  ${choice.command}`);
      return [result.reason, ...(choices.length > 0 ? ['Run one of:', ...choices] : [])].join('\n').replace(/`/g, '');
    }
    case 'help':
      return [
        'eolwatch commands:',
        ...result.entries.map((entry) => `  ${entry.usage}\n      ${entry.summary.replace(/`/g, '')}`),
      ].join('\n');
    case 'lookup': {
      const compact = result.items.length > 1;
      const lines = lookupView(result, plain).flatMap((item) => itemLines(item, compact));
      lines.push(`${asOfWords(result, plain)}; data as of ${result.dataDate} (endoflife.date)`);
      return lines.join('\n');
    }
    default:
      throw new Error(`no text rendering for ${result.kind}`);
  }
}
