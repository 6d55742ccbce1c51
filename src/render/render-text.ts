// Result -> plain text for the shell and CLI, with ISO dates.
import { releaseTitle } from '../catalog/release-title.js';
import type { LookupItem, ReleaseRow, Result } from '../commands/command-types.js';
import {
  asOfWords,
  describePhase,
  describeStatus,
  extendedSupportNote,
  periodNote,
  retainedNote,
} from './describe-lifecycle.js';
import { listingLabel, listingStatus } from './release-listing.js';
import { plainFormat as plain } from './formatter.js';
import { answerLines } from './answer-lines.js';
import { linesOf } from './answer-part.js';

const titleOf = (row: ReleaseRow): string => releaseTitle(row.release);

type LookupResult = Extract<Result, { kind: 'lookup' }>;

const periodLine = (item: LookupItem, result: LookupResult): string[] =>
  item.kind === 'release' && item.supportedUntil && result.period
    ? [periodNote(item.supportedUntil, result.period, plain)]
    : [];

function releaseDetail(row: Extract<LookupItem, { kind: 'release' }>, result: LookupResult): string[] {
  const { release, lifecycle } = row;
  const retained = retainedNote(release, plain);
  const cost = extendedSupportNote(lifecycle);
  const notes = [...periodLine(row, result), ...(cost ? [cost] : []), ...(retained ? [retained] : [])].map(
    (note) => `  ${note}`,
  );
  const lines = [titleOf(row), `  ${describeStatus(lifecycle, plain)}`, ...notes];
  for (const state of lifecycle.phases) lines.push(`  ${state.phase.label}: ${describePhase(state, plain)}`);
  lines.push(`  Released: ${release.releaseDate}${release.lts ? ' (LTS)' : ''}`);
  if (release.latest)
    lines.push(
      `  ${result.asOfToday ? 'Latest' : 'Latest today'}: ${release.latest.name}${release.latest.date ? ` (${release.latest.date})` : ''}`,
    );
  lines.push(`  ${release.link}`);
  return lines;
}

function itemLines(item: LookupItem, compact: boolean, result: LookupResult): string[] {
  const corrected = 'correctedFrom' in item && item.correctedFrom ? [`(read "${item.correctedFrom}" as a typo)`] : [];
  if (item.kind === 'release' && item.note) corrected.push(`(${titleOf(item)}: ${item.note})`);
  switch (item.kind) {
    case 'release':
      return compact
        ? [
            [`${titleOf(item)}: ${describeStatus(item.lifecycle, plain)}`, ...periodLine(item, result)].join(' '),
            ...corrected,
          ]
        : [...corrected, ...releaseDetail(item, result)];
    case 'releases': {
      const lines = [...corrected, `${item.product.label}: ${item.rows.length + item.omitted} releases`];
      const labels = item.rows.map((row) => listingLabel(row.release));
      const width = Math.max(0, ...labels.map((label) => label.length));
      item.rows.forEach((row, index) =>
        lines.push(`  ${(labels[index] ?? '').padEnd(width)}  ${listingStatus(row.lifecycle, plain)}`),
      );
      if (item.omitted > 0) lines.push(`  ... and ${item.omitted} older, unsupported: ${item.product.link}`);
      return lines;
    }
    case 'ambiguous':
      return [
        `"${item.query}" could be: ${item.products.map((product) => `${product.label} (${product.name})`).join(', ')}. Ask for one: ${item.candidates.join(', ')}`,
      ];
    case 'not-found': {
      const missing = item.product
        ? ` ${item.product.label} has no release "${item.product.release}" in endoflife.date's data.`
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
  const lines = result.items.flatMap((item) => itemLines(item, true, result));
  return lines.join('\n');
}

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
      const lines = result.items.flatMap((item) => itemLines(item, compact, result));
      lines.push(`${asOfWords(result, plain)}; data as of ${result.dataDate} (endoflife.date)`);
      return lines.join('\n');
    }
    default:
      throw new Error(`no text rendering for ${result.kind}`);
  }
}
