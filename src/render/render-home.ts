// The App Home tab for one workspace: the exposure figures, the burn-down picture, buttons that open
// the forms, the teams with the most unsupported machines, the next reminders, milestones marked
// handled (each with Undo), the latest date changes, and the catalogue's freshness. Pure.
import { daysBetween } from '../leaf/calendar-date.js';
import { formatCount, plural } from '../leaf/format-count.js';
import type { Dashboard } from '../commands/build-dashboard.js';
import { button, context, header, section, type Block } from './block-kit.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';

import { slackFormat as f } from './formatter.js';
import {
  HOME_CONTRACT_ACTION_ID,
  HOME_COUNTS_ACTION_ID,
  HOME_WATCH_ACTION_ID,
  UNDO_HANDLED_LIST_ACTION_ID,
} from './slack-ids.js';

export interface HomeView {
  type: 'home';
  blocks: Block[];
}

/** The burn-down as uploaded to Slack: shown with an image block's `slack_file`. */
export interface HomeChart {
  fileId: string;
  altText: string;
}

const machines = (count: number) => plural(count, 'machine');
const channel = (id: string) => `<#${escapeMrkdwn(id)}>`;

function figures(dashboard: Dashboard): Block {
  const { totals } = dashboard;
  const field = (label: string, count: number) => ({ type: 'mrkdwn', text: `*${label}*\n${machines(count)}` });
  return {
    type: 'section',
    fields: [
      field(':red_circle: Unsupported now', totals.unsupported),
      field(':large_orange_circle: Extended support only', totals['paid-only']),
      field(':large_yellow_circle: Losing support within 180 days', totals['at-risk']),
      field(':large_green_circle: Supported', totals.supported + totals.covered),
    ],
  };
}

function freshness(dashboard: Dashboard): string {
  const { catalog } = dashboard;
  const refreshed = catalog.lastRefreshAt
    ? `last refreshed ${catalog.lastRefreshAt.slice(0, 10)}`
    : 'not refreshed yet';
  const problem = catalog.lastError
    ? ` · :warning: the last refresh failed (${escapeMrkdwn(catalog.lastError.reason)})`
    : '';
  return `Data from <https://endoflife.date|endoflife.date> as of ${dashboard.dataDate} (${catalog.source}, ${refreshed})${problem} · as of ${dashboard.asOf}`;
}

const list = (title: string, lines: string[], empty: string): Block =>
  section(`*${title}*\n${lines.length > 0 ? lines.join('\n') : `_${empty}_`}`);

export function renderHome(dashboard: Dashboard, chart: HomeChart | null): HomeView {
  const { totals } = dashboard;
  const blocks: Block[] = [header('Support at a glance'), figures(dashboard)];
  blocks.push(
    context(
      totals.total > 0
        ? `${machines(totals.total)} counted across the workspace${totals.unknown > 0 ? `, ${formatCount(totals.unknown)} on releases whose status is unknown` : ''}. \`/eol report\` has every release.`
        : 'No team has counted its machines yet: press *Update counts*, or `/eol inventory set windows-xp 18293` in a team’s channel.',
    ),
  );
  if (chart)
    blocks.push({
      type: 'image',
      slack_file: { id: chart.fileId },
      alt_text: chart.altText.slice(0, 2000),
      title: { type: 'plain_text', text: 'Machines per release over time' },
    });
  blocks.push({
    type: 'actions',
    elements: [
      button(HOME_COUNTS_ACTION_ID, 'Update counts', undefined, 'primary'),
      button(HOME_WATCH_ACTION_ID, 'Watch releases'),
      button(HOME_CONTRACT_ACTION_ID, 'Add a contract'),
    ],
  });
  blocks.push({ type: 'divider' });
  if (dashboard.notMakingIt.length > 0)
    blocks.push(
      list(
        'Will not make it at this pace',
        dashboard.notMakingIt.map((row) => `• ${escapeMrkdwn(row.release)}: ${escapeMrkdwn(row.words)}`),
        '',
      ),
    );
  blocks.push(
    list(
      'Teams with the most unsupported machines',
      dashboard.teams.map((row) => `• ${f.team(row.team)}: ${formatCount(row.unsupported)} of ${machines(row.total)}`),
      'No team has unsupported machines.',
    ),
  );
  blocks.push(
    list(
      'Next reminders',
      dashboard.reminders.map(
        (row) =>
          `• ${row.date} in ${channel(row.channel)}: ${escapeMrkdwn(row.release)}, ${escapeMrkdwn(row.phaseLabel)} ends ${row.end}`,
      ),
      'No reminders are due: `/eol watch <release>` in a channel, or press *Watch releases*.',
    ),
  );
  if (dashboard.handled.length > 0) {
    blocks.push(section('*Marked handled* (no more reminders of these)'));
    for (const row of dashboard.handled) {
      blocks.push({
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `${escapeMrkdwn(row.release)}: ${escapeMrkdwn(row.phaseLabel)} in ${channel(row.channel)}, by ${f.user(row.by)} on ${row.at.slice(0, 10)}`,
        },
        accessory: button(UNDO_HANDLED_LIST_ACTION_ID, 'Undo', row.milestone),
      });
    }
  }
  if (dashboard.sources.length > 0)
    blocks.push(
      list(
        'Counts kept by connectors',
        dashboard.sources.map((row) => {
          const from = `${escapeMrkdwn(row.connector)} (${row.kind === 'intune' ? 'Intune' : 'Jamf Pro'})`;
          const age = row.lastSync
            ? `${row.lastSync.ok ? 'synced' : 'last sync failed'} ${row.lastSync.at.slice(0, 10)}, ${plural(Math.max(0, daysBetween(row.lastSync.at.slice(0, 10), dashboard.asOf)), 'day')} ago`
            : 'not synced yet';
          return `• ${channel(row.channel)} from ${from}: ${age}`;
        }),
        '',
      ),
    );
  blocks.push(
    list(
      'Latest date changes',
      dashboard.notices.map(
        (row) =>
          `• ${escapeMrkdwn(row.release)}, ${escapeMrkdwn(row.phaseLabel)}: ${escapeMrkdwn(row.before)} → ${escapeMrkdwn(row.after)} (told ${plural(row.channels, 'channel')} on ${row.at.slice(0, 10)})`,
      ),
      'No dates have moved for the releases watched here.',
    ),
  );
  blocks.push({ type: 'divider' }, context(freshness(dashboard)));
  return { type: 'home', blocks };
}
