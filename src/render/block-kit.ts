// The Block Kit pieces every Slack rendering builds from, held to Slack's limits (a longer text is
// refused by Slack, not cut): sections, context lines, headers, buttons.

export interface Block {
  type: string;
  [key: string]: unknown;
}

export const MAX_SECTION_TEXT = 3000;
const MAX_HEADER_TEXT = 150;
/** A plain_text element (a button's or an option's label). */
const MAX_PLAIN_TEXT = 75;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: clip(text, MAX_SECTION_TEXT) },
});
export const context = (text: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: clip(text, MAX_SECTION_TEXT) }],
});
export const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: clip(text, MAX_HEADER_TEXT) },
});
export const plainText = (text: string) => ({ type: 'plain_text' as const, text: clip(text, MAX_PLAIN_TEXT) });
export const button = (actionId: string, text: string, value?: string, style?: 'primary' | 'danger') => ({
  type: 'button',
  action_id: actionId,
  text: plainText(text),
  ...(value === undefined ? {} : { value }),
  ...(style ? { style } : {}),
});
