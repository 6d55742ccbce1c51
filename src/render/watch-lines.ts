// The watch, unwatch and watches answers as lines, for both renderers; null for other results.
import { formatCount } from '../leaf/format-count.js';
import { releaseTitle } from '../catalog/release-title.js';
import type { Result, WatchRow } from '../commands/command-types.js';
import { type Formatter } from './formatter.js';
import type { AnswerPart } from './answer-part.js';

const nameOf = (release: { productLabel: string; label: string }, f: Formatter) => f.text(releaseTitle(release));

export function watchLines(result: Result, f: Formatter): AnswerPart[] | null {
  switch (result.kind) {
    case 'watched':
      return [
        `Watching ${result.releases.map((release) => f.strong(nameOf(release, f))).join(', ')}: reminders here ${result.leads.join(', ')} days before each end of support.`,
      ];
    case 'milestone-marked':
      return [milestoneNote(result, f)];
    case 'watch-auto':
      return [
        result.on
          ? 'This channel now watches every release it has machines on in `/eol inventory`.'
          : 'This channel no longer watches its inventory releases automatically; watches set with `/eol watch` stay.',
      ];
    case 'unwatched': {
      const lines =
        result.releases.length > 0
          ? [`No more reminders here for ${result.releases.map((release) => nameOf(release, f)).join(', ')}.`]
          : [];
      if (result.notWatched.length > 0)
        lines.push(`Not watched here: ${result.notWatched.map((name) => f.text(name)).join(', ')}.`);
      return lines;
    }
    case 'watches': {
      const lines: string[] = [];
      if (result.broken)
        lines.push(
          `${f.icon('warning')}Reminders here are stopped: Slack answered ${f.text(result.broken.reason)} on ${f.date(result.broken.at.slice(0, 10))}. Invite the bot, then run \`/eol watch\` again.`,
        );
      if (result.rows.length === 0) {
        lines.push('This channel watches nothing yet. Try `/eol watch windows-10-22h2`.');
        return lines;
      }
      lines.push(f.strong(`Watches (automatic for inventory releases: ${result.autoWatch ? 'on' : 'off'})`));
      const handledBy = (handled: WatchRow['handled'][number]) =>
        `${f.text(handled.phaseLabel)} marked handled by ${f.user(handled.by)} on ${f.date(handled.at.slice(0, 10))}`;
      const table = {
        columns: ['Release', 'Next reminder', 'Lead days', 'Watched'],
        rows: result.rows.map((row) => [
          releaseTitle(row.release),
          row.next ? `${row.next.date} (${row.next.phaseLabel} ends ${row.next.end})` : 'none left',
          row.leads.map(formatCount).join(', '),
          row.source === 'auto' ? 'from inventory' : 'set here',
        ]),
        right: [],
        more: '`/eol watches` lists them from the command line too.',
      };
      const rowLines = result.rows.flatMap((row) => {
        const next = row.next
          ? `next reminder ${f.date(row.next.date)} (${f.text(row.next.phaseLabel)} ends ${f.date(row.next.end)})`
          : 'no reminder left';
        const source = row.source === 'auto' ? ', from inventory' : '';
        const line = `• ${nameOf(row.release, f)}: ${next}; leads ${row.leads.map(formatCount).join(', ')} days${source}`;
        return [line, ...row.handled.map((handled) => `   ${handledBy(handled)}`)];
      });
      // Who marked what handled is said under a drawn table: a table cell cannot mention a person.
      const notes = result.rows.flatMap((row) =>
        row.handled.map((handled) => `${nameOf(row.release, f)}: ${handledBy(handled)}`),
      );
      return [...lines, { table, lines: rowLines, notes }];
    }
    default:
      return null;
  }
}

/** Who marked a reminder's milestone, and what follows: the note under the reminder. */
export function milestoneNote(result: Extract<Result, { kind: 'milestone-marked' }>, f: Formatter): string {
  if (result.mark === 'snoozed') return `Snoozed by ${f.user(result.by)} until ${f.date(result.until ?? '')}.`;
  if (result.mark === 'handled')
    return `Marked handled by ${f.user(result.by)} on ${f.date(result.on)}: no more reminders of this here.`;
  return `“Handled” undone by ${f.user(result.by)} on ${f.date(result.on)}: reminders of this resume.`;
}
