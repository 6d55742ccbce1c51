// A lookup's answer worked out once, against a Formatter: titles, status words, notes by kind, the
// phases as labelled fields, listings as rows. Block Kit (render-blocks.ts) and plain text
// (render-text.ts) only lay it out: Slack as headers, fields and context lines, the shell as indented lines.
import { releaseTitle } from '../catalog/release-title.js';
import type { LookupItem, Result } from '../commands/command-types.js';
import type { Status } from '../lifecycle/compute-lifecycle.js';
import {
  describePhase,
  describeStatus,
  extendedSupportNote,
  periodNote,
  phaseEndsNote,
  retainedNote,
} from './describe-lifecycle.js';
import type { Formatter } from './formatter.js';
import { listingLabel, listingStatus } from './release-listing.js';

export type LookupResult = Extract<Result, { kind: 'lookup' }>;

/** Said of a system named that endoflife.date does not track ("SLED", "Windows 10 IoT Core"). */
export const UNTRACKED =
  'endoflife.date does not track this system, whose support terms are its own: check them with the vendor.';

/**
 * Said beside an answer, by kind, in this order: support ending inside the period asked about, a typo
 * read as a name, the resolver's note, who pays for extended support, a release kept after the catalogue
 * dropped it. Each renderer words and places them its way.
 */
export type NoteView =
  | { kind: 'period'; text: string }
  | { kind: 'typo'; typed: string }
  | { kind: 'unread'; words: string; title: string }
  | { kind: 'note'; title: string; note: string }
  | { kind: 'cost'; text: string }
  | { kind: 'retained'; text: string };

export type ItemView =
  | {
      kind: 'release';
      title: string;
      status: Status;
      statusText: string;
      notes: NoteView[];
      /** Each phase, then Released and Latest: label and value. */
      fields: { label: string; value: string }[];
      link: string;
    }
  | {
      kind: 'listing';
      title: string;
      notes: NoteView[];
      total: number;
      rows: { label: string; status: Status; statusText: string }[];
      omitted: number;
      link: string;
    }
  | Extract<LookupItem, { kind: 'ambiguous' }>
  | Extract<LookupItem, { kind: 'not-found' }>;

function notesOf(item: LookupItem, result: LookupResult, f: Formatter): NoteView[] {
  const notes: NoteView[] = [];
  if (item.kind === 'release' && item.supportedUntil && result.period)
    notes.push({ kind: 'period', text: periodNote(item.supportedUntil, result.period, f) });
  const phaseEnds =
    item.kind === 'release' && !item.supportedUntil && result.period
      ? phaseEndsNote(item.lifecycle, result.period, f)
      : null;
  if (phaseEnds) notes.push({ kind: 'period', text: phaseEnds });
  if ('correctedFrom' in item && item.correctedFrom) notes.push({ kind: 'typo', typed: item.correctedFrom });
  if ('unread' in item && item.unread)
    notes.push({
      kind: 'unread',
      words: item.unread,
      title: item.kind === 'release' ? releaseTitle(item.release) : item.product.label,
    });
  if (item.kind === 'release' && item.note)
    notes.push({ kind: 'note', title: releaseTitle(item.release), note: item.note });
  const cost = item.kind === 'release' ? extendedSupportNote(item.lifecycle) : null;
  if (cost) notes.push({ kind: 'cost', text: cost });
  const retained = item.kind === 'release' ? retainedNote(item.release, f) : null;
  if (retained) notes.push({ kind: 'retained', text: retained });
  return notes;
}

function fieldsOf(
  item: Extract<LookupItem, { kind: 'release' }>,
  result: LookupResult,
  f: Formatter,
): { label: string; value: string }[] {
  const { release, lifecycle } = item;
  const fields = lifecycle.phases.map((state) => ({ label: state.phase.label, value: describePhase(state, f) }));
  fields.push({ label: 'Released', value: `${f.date(release.releaseDate)}${release.lts ? ' (LTS)' : ''}` });
  if (release.latest)
    fields.push({
      label: result.asOfToday ? 'Latest' : 'Latest today',
      value: `${f.text(release.latest.name)}${release.latest.date ? ` (${release.latest.date})` : ''}`,
    });
  return fields;
}

function itemView(item: LookupItem, result: LookupResult, f: Formatter, withFields: boolean): ItemView {
  switch (item.kind) {
    case 'release': {
      const { release, lifecycle } = item;
      return {
        kind: 'release',
        title: releaseTitle(release),
        status: lifecycle.status,
        statusText: describeStatus(lifecycle, f),
        notes: notesOf(item, result, f),
        fields: withFields ? fieldsOf(item, result, f) : [],
        link: release.link,
      };
    }
    case 'releases':
      return {
        kind: 'listing',
        title: item.product.label,
        notes: notesOf(item, result, f),
        total: item.rows.length + item.omitted,
        rows: item.rows.map((row) => ({
          label: listingLabel(row.release),
          status: row.lifecycle.status,
          statusText: listingStatus(row.lifecycle, f),
        })),
        omitted: item.omitted,
        link: item.product.link,
      };
    default:
      return item;
  }
}

/**
 * The answer's items, worked out once for either renderer. `withFields: false` leaves out each
 * release's phases as fields, for the one-line summary that never shows them.
 */
export function lookupView(result: LookupResult, f: Formatter, { withFields = true } = {}): ItemView[] {
  return result.items.map((item) => itemView(item, result, f, withFields));
}
