// Every Slack action_id and block_id eolwatch uses, in one place.

export const SHARE_ACTION_ID = 'eol_share';
