// The forms the Home tab opens, so that no syntax is needed: update counts (several rows at once),
// watch releases, add a contract. Every release field searches the catalogue as the user types (an
// external select the resolver answers: slack/listeners/options/release-options.ts). Pure.
import { DEFAULT_LEADS } from '../reminders/watch-store.js';
import { plainText, type Block } from './block-kit.js';
import {
  CONTRACT_FORM_CALLBACK_ID,
  COUNTS_FORM_CALLBACK_ID,
  FORM_CHANNEL_ACTION_ID,
  FORM_CHANNEL_BLOCK_ID,
  FORM_COUNT_ACTION_ID,
  FORM_COUNT_BLOCK_ID,
  FORM_LEADS_ACTION_ID,
  FORM_LEADS_BLOCK_ID,
  FORM_NAME_ACTION_ID,
  FORM_NAME_BLOCK_ID,
  FORM_RELEASE_BLOCK_ID,
  FORM_UNTIL_ACTION_ID,
  FORM_UNTIL_BLOCK_ID,
  RELEASE_SELECT_ACTION_ID,
  WATCH_FORM_CALLBACK_ID,
} from './slack-ids.js';

/** Rows of the counts form: releases updated in one go. */
export const COUNT_ROWS = 5;
/** Releases one watch form takes. */
const MAX_WATCH_RELEASES = 10;

interface ModalView {
  type: 'modal';
  callback_id: string;
  title: ReturnType<typeof plainText>;
  submit: ReturnType<typeof plainText>;
  close: ReturnType<typeof plainText>;
  blocks: Block[];
}

const modal = (callbackId: string, title: string, submit: string, blocks: Block[]): ModalView => ({
  type: 'modal',
  callback_id: callbackId,
  title: plainText(title),
  submit: plainText(submit),
  close: plainText('Cancel'),
  blocks,
});

const input = (
  blockId: string,
  label: string,
  element: Record<string, unknown>,
  options: { optional?: boolean; hint?: string } = {},
): Block => ({
  type: 'input',
  block_id: blockId,
  label: plainText(label),
  element,
  ...(options.optional ? { optional: true } : {}),
  ...(options.hint ? { hint: plainText(options.hint) } : {}),
});

const channelInput = (hint: string) =>
  input(
    FORM_CHANNEL_BLOCK_ID,
    'Team channel',
    {
      type: 'conversations_select',
      action_id: FORM_CHANNEL_ACTION_ID,
      filter: { include: ['public', 'private'], exclude_bot_users: true },
    },
    { hint },
  );

const releaseSelect = (multi = false) => ({
  type: multi ? 'multi_external_select' : 'external_select',
  action_id: RELEASE_SELECT_ACTION_ID,
  placeholder: plainText('Type a release: win 8.1, xp, jammy'),
  min_query_length: 1,
  ...(multi ? { max_selected_items: MAX_WATCH_RELEASES } : {}),
});

export function renderCountsForm(): ModalView {
  const rows = Array.from({ length: COUNT_ROWS }, (_, index) => [
    input(`${FORM_RELEASE_BLOCK_ID}_${index + 1}`, `Release ${index + 1}`, releaseSelect(), { optional: index > 0 }),
    input(
      `${FORM_COUNT_BLOCK_ID}_${index + 1}`,
      `Machines on release ${index + 1}`,
      { type: 'plain_text_input', action_id: FORM_COUNT_ACTION_ID, placeholder: plainText('18293 (0 removes it)') },
      { optional: index > 0 },
    ),
  ]).flat();
  return modal(COUNTS_FORM_CALLBACK_ID, 'Update counts', 'Save', [
    channelInput('The team whose machines these are: its channel.'),
    ...rows,
  ]);
}

export function renderWatchForm(): ModalView {
  return modal(WATCH_FORM_CALLBACK_ID, 'Watch releases', 'Watch', [
    channelInput('Reminders are posted here; invite me there first (/invite @eolwatch).'),
    input(FORM_RELEASE_BLOCK_ID, 'Releases', releaseSelect(true)),
    input(
      FORM_LEADS_BLOCK_ID,
      'Remind this many days before each end',
      { type: 'plain_text_input', action_id: FORM_LEADS_ACTION_ID, initial_value: DEFAULT_LEADS.join(', ') },
      { hint: 'Whole days, separated by commas; 0 is the last supported day itself.' },
    ),
  ]);
}

export function renderContractForm(): ModalView {
  return modal(CONTRACT_FORM_CALLBACK_ID, 'Add a contract', 'Save', [
    channelInput('The team the contract covers: its channel.'),
    input(FORM_RELEASE_BLOCK_ID, 'Release', releaseSelect()),
    input(FORM_UNTIL_BLOCK_ID, 'Covered until (the last covered day)', {
      type: 'datepicker',
      action_id: FORM_UNTIL_ACTION_ID,
    }),
    input(FORM_NAME_BLOCK_ID, 'Name', {
      type: 'plain_text_input',
      action_id: FORM_NAME_ACTION_ID,
      max_length: 80,
      placeholder: plainText('Custom support agreement'),
    }),
  ]);
}
