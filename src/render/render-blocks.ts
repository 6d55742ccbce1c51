// Result -> a Slack message: Block Kit plus the `text` fallback that notifications and screen readers use.
// Pure; keeps within Block Kit's limits (50 blocks, 3,000 characters a section, 10 fields of 2,000).
import { releaseTitle } from '../catalog/release-title.js';
import type { Choice, Result } from '../commands/command-types.js';
import type { Status } from '../lifecycle/compute-lifecycle.js';
import { asOfWords } from './describe-lifecycle.js';
import { lookupView, UNTRACKED, type ItemView, type NoteView } from './lookup-view.js';
import { slackFormat } from './formatter.js';
import type { AnswerPart, TableSpec } from './answer-part.js';
import { escapeMrkdwn, slackLink } from './escape-mrkdwn.js';
import { button, clip, context, header, MAX_SECTION_TEXT, section, type Block } from './block-kit.js';

export type { Block } from './block-kit.js';
import { answerLines } from './answer-lines.js';
import { renderSummary } from './render-text.js';
import {
  CHOICE_ACTION_ID,
  IMPORT_ADD_ACTION_ID,
  IMPORT_CANCEL_ACTION_ID,
  IMPORT_REPLACE_ACTION_ID,
  LOOKUP_ACTION_ID,
  SHARE_ACTION_ID,
  UNDO_HANDLED_LIST_ACTION_ID,
} from './slack-ids.js';

export interface SlackMessage {
  text: string;
  blocks: Block[];
}

const MAX_BLOCKS = 50;
const MAX_FIELD_TEXT = 2000;
const MAX_FIELDS = 10;
const MAX_BUTTON_VALUE = 2000;

const STATUS_EMOJI: Record<Status, string> = {
  active: ':large_green_circle:',
  security: ':large_yellow_circle:',
  extended: ':large_orange_circle:',
  contract: ':large_blue_circle:',
  unsupported: ':red_circle:',
  unknown: ':white_circle:',
  unreleased: ':white_circle:',
};

/** A note as a context line under the answer. */
function noteBlock(note: NoteView): Block {
  switch (note.kind) {
    case 'period':
      return context(`:warning: ${note.text}`);
    case 'typo':
      return context(`Read “${escapeMrkdwn(note.typed)}” as a typo.`);
    case 'unread':
      return context(
        `:warning: I did not read “${escapeMrkdwn(note.words)}”: this answer is for ${escapeMrkdwn(note.title)}.`,
      );
    case 'note':
      return context(`${escapeMrkdwn(note.title)}: ${escapeMrkdwn(note.note)}.`);
    case 'cost':
      return context(note.text);
    case 'retained':
      return context(`:warning: ${note.text}`);
  }
}

/** Up to five "did you mean" buttons, each running the lookup it names. */
function suggestionButtons(suggestions: readonly string[]): Block[] {
  if (suggestions.length === 0) return [];
  const elements = suggestions.slice(0, 5).map((suggestion, index) => ({
    type: 'button',
    action_id: `${LOOKUP_ACTION_ID}_${index}`,
    text: { type: 'plain_text', text: clip(suggestion, 75) },
    value: clip(suggestion, MAX_BUTTON_VALUE),
  }));
  return [{ type: 'actions', elements }];
}

/** "Which did you mean?": a button per command offered, each running it as /eol would. */
function choiceButtons(choices: readonly Choice[]): Block[] {
  if (choices.length === 0) return [];
  const elements = choices
    .slice(0, 25)
    .map((choice, index) =>
      button(`${CHOICE_ACTION_ID}_${index}`, choice.label, clip(choice.command, MAX_BUTTON_VALUE)),
    );
  return [{ type: 'actions', elements }];
}

function itemBlocks(item: ItemView, compact: boolean): Block[] {
  switch (item.kind) {
    case 'release': {
      const notes = item.notes.map(noteBlock);
      if (compact)
        return [section(`${STATUS_EMOJI[item.status]} *${escapeMrkdwn(item.title)}*: ${item.statusText}`), ...notes];
      const fields = item.fields.map((field) => `*${escapeMrkdwn(field.label)}*\n${field.value}`);
      return [
        header(item.title),
        section(`${STATUS_EMOJI[item.status]} *${item.statusText}*`),
        {
          type: 'section',
          fields: fields.slice(0, MAX_FIELDS).map((text) => ({ type: 'mrkdwn', text: clip(text, MAX_FIELD_TEXT) })),
        },
        ...notes,
      ];
    }
    case 'listing': {
      const lines = item.rows.map(
        (row) => `${STATUS_EMOJI[row.status]} *${escapeMrkdwn(row.label)}*: ${row.statusText}`,
      );
      if (item.omitted > 0)
        lines.push(`…and ${item.omitted} older, unsupported: ${slackLink(item.link, 'endoflife.date')}`);
      return [header(item.title), ...item.notes.map(noteBlock), ...chunkSections(lines)];
    }
    case 'ambiguous':
      return [
        section(
          `“${escapeMrkdwn(item.query)}” could be: ${item.products.map((p) => `${escapeMrkdwn(p.label)} (\`${escapeMrkdwn(p.name)}\`)`).join(', ')}. Which one?`,
        ),
        ...suggestionButtons(item.candidates),
      ];
    case 'not-found': {
      const closest = item.suggestions.map((name) => `\`${escapeMrkdwn(name)}\``).join(', ');
      const missing = item.product
        ? ` ${escapeMrkdwn(item.product.label)} has no release “${escapeMrkdwn(item.product.release)}” in endoflife.date’s data.`
        : item.untracked
          ? ` ${UNTRACKED}`
          : '';
      return [
        section(`:mag: Not found: “${escapeMrkdwn(item.query)}”.${missing}${closest ? ` Closest: ${closest}` : ''}`),
        ...suggestionButtons(item.suggestions),
      ];
    }
  }
}

/** Lines into as few sections as Block Kit's 3,000 characters allow. */
function chunkSections(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current = '';
  for (const line of lines) {
    if (current !== '' && current.length + line.length + 1 > MAX_SECTION_TEXT) {
      blocks.push(section(current));
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') blocks.push(section(current));
  return blocks;
}

function shareButton(text: string): Block {
  return {
    type: 'actions',
    elements: [
      // Mentions and links in the question are no part of it, and never go back to Slack in a value.
      {
        type: 'button',
        action_id: SHARE_ACTION_ID,
        text: { type: 'plain_text', text: 'Share in channel' },
        value: clip(text.replace(/<[^>]*>/g, ' ').trim(), MAX_BUTTON_VALUE),
      },
    ],
  };
}

/** The buttons under an import preview; each carries the Slack file, read again when pressed. */
function importButtons(fileRef: string): Block {
  const value = JSON.stringify({ file: fileRef });
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: IMPORT_REPLACE_ACTION_ID,
        style: 'primary',
        text: { type: 'plain_text', text: 'Replace the team’s counts' },
        value,
      },
      { type: 'button', action_id: IMPORT_ADD_ACTION_ID, text: { type: 'plain_text', text: 'Add to them' }, value },
      { type: 'button', action_id: IMPORT_CANCEL_ACTION_ID, text: { type: 'plain_text', text: 'Cancel' }, value },
    ],
  };
}

/** Slack shows at most this many rows in a table (with its header); the rest are counted under it. */
const MAX_TABLE_ROWS = 100;

const cell = (text: string) => ({ type: 'raw_text', text });

function tableBlocks(table: TableSpec): Block[] {
  const shown = table.rows.slice(0, MAX_TABLE_ROWS - 1);
  const block: Block = {
    type: 'table',
    column_settings: table.columns.map((_, index) =>
      table.right.includes(index) ? { align: 'right' } : { is_wrapped: true },
    ),
    rows: [table.columns.map(cell), ...shown.map((row) => row.map(cell))],
  };
  const more = table.rows.length - shown.length;
  return more > 0 ? [block, context(`…and ${more} more: ${table.more}`)] : [block];
}

/** Sections of the lines, and a table block (with the notes under it) for each table. */
function blocksOfParts(parts: readonly AnswerPart[]): Block[] {
  const blocks: Block[] = [];
  let lines: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      lines.push(part);
      continue;
    }
    if (lines.some((line) => line !== '')) blocks.push(...chunkSections(lines));
    lines = [];
    blocks.push(...tableBlocks(part.table), ...(part.notes?.length ? chunkSections(part.notes) : []));
  }
  if (lines.some((line) => line !== '')) blocks.push(...chunkSections(lines));
  return blocks;
}

/** A button per milestone marked handled in `/eol watches`: Undo resumes its reminders. */
function undoButtons(result: Extract<Result, { kind: 'watches' }>): Block[] {
  const handled = result.rows.flatMap((row) =>
    row.handled.map((mark) => ({ ...mark, release: releaseTitle(row.release) })),
  );
  if (handled.length === 0) return [];
  // Slack takes 25 elements in an actions block.
  const elements = handled
    .slice(0, 25)
    .map((mark, index) =>
      button(
        `${UNDO_HANDLED_LIST_ACTION_ID}_${index}`,
        `Undo handled: ${mark.release}, ${mark.phaseLabel}`,
        mark.milestone,
      ),
    );
  return [{ type: 'actions', elements }];
}

function blocksOf(result: Result): Block[] {
  const lines = answerLines(result, slackFormat);
  if (lines && result.kind === 'import-preview' && result.fileRef !== null)
    return [...blocksOfParts(lines), importButtons(result.fileRef)];
  if (lines && result.kind === 'watches') return [...blocksOfParts(lines), ...undoButtons(result)];
  if (lines) return blocksOfParts(lines);
  switch (result.kind) {
    case 'invalid':
      // Reasons quote what was typed ("watch <!channel>"): escaped so no token in them is live.
      return [section(escapeMrkdwn(result.reason)), ...choiceButtons(result.choices ?? [])];
    case 'help':
      return [
        header('eolwatch'),
        // A section holds 3,000 characters: the commands run over several, none cut.
        ...chunkSections(result.entries.map((entry) => `\`${escapeMrkdwn(entry.usage)}\`\n${entry.summary}\n`)),
        context('You can also mention me or send me a direct message: “is windows 8.1 still supported?”'),
      ];
    case 'lookup': {
      const compact = result.items.length > 1;
      const blocks = lookupView(result, slackFormat).flatMap((item) => itemBlocks(item, compact));
      const footer = [
        `${asOfWords(result, slackFormat)} · data as of ${result.dataDate} from <https://endoflife.date|endoflife.date>`,
      ];
      const links = [...new Set(result.items.flatMap((item) => (item.kind === 'release' ? [item.release.link] : [])))];
      if (links.length === 1) footer.push(slackLink(links[0] ?? '', 'details'));
      blocks.push(context(footer.join(' · ')));
      const answered = result.items.some((item) => item.kind === 'release' || item.kind === 'releases');
      if (!result.share && answered) blocks.push(shareButton(result.text));
      return blocks;
    }
    default:
      throw new Error(`no Block Kit rendering for ${result.kind}`);
  }
}

export function renderBlocks(result: Result): SlackMessage {
  let blocks = blocksOf(result);
  if (result.warning) blocks.push(context(`:warning: ${result.warning}`));
  if (blocks.length > MAX_BLOCKS)
    blocks = [
      ...blocks.slice(0, MAX_BLOCKS - 1),
      context('…more than one message can hold; ask about fewer releases.'),
    ];
  return { text: clip(escapeMrkdwn(renderSummary(result)), MAX_SECTION_TEXT), blocks };
}
