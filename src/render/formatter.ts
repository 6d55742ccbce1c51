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
  /** A marker before a line: an emoji in Slack; in plain text nothing, or a word where it carries meaning. */
  icon(name: 'warning' | 'calendar' | 'alarm_clock'): string;
}

export const plainFormat: Formatter = {
  date: (isoDate) => isoDate,
  text: (text) => text,
  strong: (text) => text,
  user: (id) => id,
  team: (team) => team.name ?? `#${team.channel}`,
  icon: (name) => (name === 'warning' ? 'Warning: ' : ''),
};

// A phase end is a calendar date, not a moment: a Slack date token would show each reader the day of
// some instant in their own zone, and no instant falls on the same day from UTC-12 to UTC+14. So
// dates are written out, the same for every reader.
export const slackFormat: Formatter = {
  date: (isoDate) => isoDate,
  text: escapeMrkdwn,
  strong: (text) => `*${text}*`,
  user: (id) => `<@${escapeMrkdwn(id)}>`,
  team: (team) => (team.name ? escapeMrkdwn(team.name) : `<#${escapeMrkdwn(team.channel)}>`),
  icon: (name) => `:${name}: `,
};
