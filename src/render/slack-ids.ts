// Every Slack action_id and block_id eolwatch uses, in one place.

export const SHARE_ACTION_ID = 'eol_share';
export const SNOOZE_ACTION_ID = 'eol_snooze';
export const HANDLED_ACTION_ID = 'eol_handled';
/** Message metadata on every reminder post, carrying its key, so a crashed run can find it again. */
export const REMINDER_EVENT_TYPE = 'eolwatch_reminder';
/** A "did you mean" button under "not found" or "could be": runs the lookup it names. */
export const LOOKUP_ACTION_ID = 'eol_lookup';
