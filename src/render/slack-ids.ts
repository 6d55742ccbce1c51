// Every Slack action_id and block_id eolwatch uses, in one place.

export const SHARE_ACTION_ID = 'eol_share';
export const SNOOZE_ACTION_ID = 'eol_snooze';
export const HANDLED_ACTION_ID = 'eol_handled';
/** Message metadata on every reminder post, carrying its key, so a crashed run can find it again. */
export const REMINDER_EVENT_TYPE = 'eolwatch_reminder';
/** A "did you mean" button under "not found" or "could be": runs the lookup it names. */
export const LOOKUP_ACTION_ID = 'eol_lookup';
/** Under an answer that asks "which did you mean?": runs the command the button names, as /eol would. */
export const CHOICE_ACTION_ID = 'eol_choice';
/** Under an import preview: apply the file replacing the team's counts, adding to them, or not at all. */
export const IMPORT_REPLACE_ACTION_ID = 'eol_import_replace';
export const IMPORT_ADD_ACTION_ID = 'eol_import_add';
export const IMPORT_CANCEL_ACTION_ID = 'eol_import_cancel';
/** The `/eol inventory import` form and its file input. */
export const IMPORT_MODAL_CALLBACK_ID = 'eol_import_form';
export const IMPORT_FILE_BLOCK_ID = 'eol_import_file';
export const IMPORT_FILE_ACTION_ID = 'eol_import_file_input';
/** Under a team answer given privately in a channel shared with another organisation: post it for all. */
export const SHARE_ANSWER_ACTION_ID = 'eol_share_answer';
/** Under a reminder marked handled: take the mark back, so reminders of it resume. */
export const UNDO_HANDLED_ACTION_ID = 'eol_unhandled';
/** Under a handled milestone in `/eol watches` and on the Home tab: take the mark back. */
export const UNDO_HANDLED_LIST_ACTION_ID = 'eol_unhandled_list';
/** The Home tab's buttons, each opening its form. */
export const HOME_COUNTS_ACTION_ID = 'eol_home_counts';
export const HOME_WATCH_ACTION_ID = 'eol_home_watch';
export const HOME_CONTRACT_ACTION_ID = 'eol_home_contract';
/** The forms the Home tab opens, and their fields. */
export const COUNTS_FORM_CALLBACK_ID = 'eol_counts_form';
export const WATCH_FORM_CALLBACK_ID = 'eol_watch_form';
export const CONTRACT_FORM_CALLBACK_ID = 'eol_contract_form';
export const FORM_CHANNEL_BLOCK_ID = 'eol_form_channel';
export const FORM_CHANNEL_ACTION_ID = 'eol_form_channel_input';
/** `eol_form_release_1` … : a release per row of the counts form; the watch and contract forms use the bare id. */
export const FORM_RELEASE_BLOCK_ID = 'eol_form_release';
export const FORM_COUNT_BLOCK_ID = 'eol_form_count';
export const FORM_COUNT_ACTION_ID = 'eol_form_count_input';
export const FORM_LEADS_BLOCK_ID = 'eol_form_leads';
export const FORM_LEADS_ACTION_ID = 'eol_form_leads_input';
export const FORM_UNTIL_BLOCK_ID = 'eol_form_until';
export const FORM_UNTIL_ACTION_ID = 'eol_form_until_input';
export const FORM_NAME_BLOCK_ID = 'eol_form_name';
export const FORM_NAME_ACTION_ID = 'eol_form_name_input';
/** Every release picker: its options come from the resolver as the user types (an external select). */
export const RELEASE_SELECT_ACTION_ID = 'eol_release_select';
export const CONNECT_MODAL_CALLBACK_ID = 'eol_connect_form';
