// The Home tab's forms, read: each form's fields to a typed request and the channel it is for, or the
// errors to show on its fields (nothing is run). The same checks a typed command would make, per field.
import type { ViewSubmitAction } from '@slack/bolt';
import { isIdentifier } from '../../../leaf/check-identifier.js';
import type { Request, Speaker } from '../../../commands/command-types.js';
import { MAX_CONTRACT_NAME_LENGTH } from '../../../commands/contract-command.js';
import { COUNT_RULE } from '../../../commands/parse-inventory-pairs.js';
import { parseCount } from '../../../inventory/parse-count.js';
import { parseLeads } from '../../../commands/watch-command.js';
import { parseIsoDate } from '../../../leaf/calendar-date.js';
import { COUNT_ROWS } from '../../../render/render-home-forms.js';
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
} from '../../../render/slack-ids.js';

type Values = ViewSubmitAction['view']['state']['values'];
export type Errors = Record<string, string>;
type FieldValue = {
  selected_conversation?: string | null;
  selected_option?: { value?: string } | null;
  selected_options?: { value?: string }[];
  value?: string | null;
  selected_date?: string | null;
};

const field = (values: Values, block: string, action: string): FieldValue => values[block]?.[action] ?? {};

/** The form's request, or the errors to show on its fields. */
type FormReading = { request: Request } | { errors: Errors };

function readCounts(values: Values, releaseKnown: (key: string) => boolean): FormReading {
  const errors: Errors = {};
  const counts: { release: string; count: number }[] = [];
  for (let row = 1; row <= COUNT_ROWS; row += 1) {
    const releaseBlock = `${FORM_RELEASE_BLOCK_ID}_${row}`;
    const countBlock = `${FORM_COUNT_BLOCK_ID}_${row}`;
    const release = field(values, releaseBlock, RELEASE_SELECT_ACTION_ID).selected_option?.value ?? '';
    const text = (field(values, countBlock, FORM_COUNT_ACTION_ID).value ?? '').trim();
    if (release === '' && text === '') continue;
    if (release === '') errors[releaseBlock] = 'Choose the release these machines run.';
    else if (!releaseKnown(release)) errors[releaseBlock] = 'Choose a release from the list.';
    else if (counts.some((entry) => entry.release === release))
      errors[releaseBlock] = 'This release is in an earlier row already.';
    const count = parseCount(text);
    if (text === '') errors[countBlock] = 'Enter how many machines run it (0 removes it).';
    else if (count === null) errors[countBlock] = `The count must be ${COUNT_RULE}.`;
    if (!errors[releaseBlock] && !errors[countBlock] && count !== null) counts.push({ release, count });
  }
  if (counts.length === 0 && Object.keys(errors).length === 0)
    errors[`${FORM_RELEASE_BLOCK_ID}_1`] = 'Choose a release and enter its count.';
  return Object.keys(errors).length > 0 ? { errors } : { request: { kind: 'inventory-set-counts', counts } };
}

function readWatch(values: Values, releaseKnown: (key: string) => boolean): FormReading {
  const errors: Errors = {};
  const keys = (field(values, FORM_RELEASE_BLOCK_ID, RELEASE_SELECT_ACTION_ID).selected_options ?? []).map(
    (option) => option.value ?? '',
  );
  if (keys.length === 0) errors[FORM_RELEASE_BLOCK_ID] = 'Choose at least one release.';
  else if (!keys.every(releaseKnown)) errors[FORM_RELEASE_BLOCK_ID] = 'Choose releases from the list.';
  const leads = parseLeads(field(values, FORM_LEADS_BLOCK_ID, FORM_LEADS_ACTION_ID).value ?? '');
  if (typeof leads === 'string') errors[FORM_LEADS_BLOCK_ID] = leads.replace(/`/g, '').replace(/\blead /g, '');
  if (Object.keys(errors).length > 0 || typeof leads === 'string') return { errors };
  return { request: { kind: 'watch', keys, leads } };
}

function readContract(values: Values, releaseKnown: (key: string) => boolean): FormReading {
  const errors: Errors = {};
  const release = field(values, FORM_RELEASE_BLOCK_ID, RELEASE_SELECT_ACTION_ID).selected_option?.value ?? '';
  const until = parseIsoDate(field(values, FORM_UNTIL_BLOCK_ID, FORM_UNTIL_ACTION_ID).selected_date ?? '');
  const name = (field(values, FORM_NAME_BLOCK_ID, FORM_NAME_ACTION_ID).value ?? '').trim();
  if (!releaseKnown(release)) errors[FORM_RELEASE_BLOCK_ID] = 'Choose a release from the list.';
  if (!until) errors[FORM_UNTIL_BLOCK_ID] = 'Choose the last day the contract covers.';
  if (name === '') errors[FORM_NAME_BLOCK_ID] = 'Name the contract, e.g. “Custom support agreement”.';
  else if (name.length > MAX_CONTRACT_NAME_LENGTH)
    errors[FORM_NAME_BLOCK_ID] = `At most ${MAX_CONTRACT_NAME_LENGTH} characters.`;
  if (Object.keys(errors).length > 0 || !until) return { errors };
  return { request: { kind: 'contract-set', key: release, until, name } };
}

const READERS: Record<string, typeof readCounts> = {
  [COUNTS_FORM_CALLBACK_ID]: readCounts,
  [WATCH_FORM_CALLBACK_ID]: readWatch,
  [CONTRACT_FORM_CALLBACK_ID]: readContract,
};

/**
 * A submitted Home form: its request and who asks in which channel, the errors on its fields, or null
 * for a view that is not one of these forms.
 */
export function readHomeForm(
  view: ViewSubmitAction['view'],
  asker: { workspace: string; user: string },
  releaseKnown: (key: string) => boolean,
): { request: Request; speaker: Speaker } | { errors: Errors } | null {
  const read = READERS[view.callback_id];
  if (!read) return null;
  const channel = field(view.state.values, FORM_CHANNEL_BLOCK_ID, FORM_CHANNEL_ACTION_ID).selected_conversation ?? '';
  const reading = read(view.state.values, releaseKnown);
  const errors: Errors = 'errors' in reading ? { ...reading.errors } : {};
  if (!isIdentifier(channel)) errors[FORM_CHANNEL_BLOCK_ID] = 'Choose the team’s channel.';
  if (Object.keys(errors).length > 0 || 'errors' in reading) return { errors };
  return { request: reading.request, speaker: { ...asker, channel } };
}
