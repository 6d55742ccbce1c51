// Every Slack action_id and block_id eolwatch uses, in one place.

export const SHARE_ACTION_ID = 'eol_share';
export const SNOOZE_ACTION_ID = 'eol_snooze';
export const HANDLED_ACTION_ID = 'eol_handled';
/** Message metadata on every reminder post, carrying its key, so a crashed run can find it again. */
export const REMINDER_EVENT_TYPE = 'eolwatch_reminder';
/** A "did you mean" button under "not found" or "could be": runs the lookup it names. */
export const LOOKUP_ACTION_ID = 'eol_lookup';
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
