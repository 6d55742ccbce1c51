// How the two renderers differ: Slack gets date tokens, mentions and escaped mrkdwn; the shell gets
// ISO dates and plain words. Everything else is written once against this interface.
import type { TeamLabel } from '../commands/command-types.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';

export interface Formatter {
  date(isoDate: string): string;
  /** Text from outside (user input, catalogue labels), made safe. */
  text(text: string): string;
  strong(text: string): string;
  user(id: string): string;
  team(team: TeamLabel): string;
}

const thousands = new Intl.NumberFormat('en-US');
/** One formatter for all answers: toLocaleString would build a new one on every call. */
export const formatCount = (count: number): string => thousands.format(count);

export const plainFormat: Formatter = {
  date: (isoDate) => isoDate,
  text: (text) => text,
  strong: (text) => text,
  user: (id) => id,
  team: (team) => team.name ?? `#${team.channel}`,
};

// Slack shows a date token in each reader's own time zone; noon UTC keeps it on the same calendar day
// from UTC-12 to UTC+11. The ISO date is the fallback for clients that cannot render tokens.
export const slackFormat: Formatter = {
  date: (isoDate) => `<!date^${Math.floor(Date.parse(`${isoDate}T12:00:00Z`) / 1000)}^{date_long}|${isoDate}>`,
  text: escapeMrkdwn,
  strong: (text) => `*${text}*`,
  user: (id) => `<@${escapeMrkdwn(id)}>`,
  team: (team) => (team.name ? escapeMrkdwn(team.name) : `<#${escapeMrkdwn(team.channel)}>`),
};
