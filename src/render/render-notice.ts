// "Windows 10 22H2: Extended Security Updates now ends 2028-10-10 (before: no Extended Security Updates)":
// the phase's name as the catalogue gives it, read as one thing.
import { releaseTitle } from '../catalog/release-title.js';
import type { PhaseEnd } from '../catalog/catalog.js';
import { VANISHED_PHASE_KEY, type DateNotice } from '../reminders/plan-notices.js';
import { escapeMrkdwn } from './escape-mrkdwn.js';
import { plainFormat, slackFormat, type Formatter } from './formatter.js';
import type { SlackMessage } from './render-blocks.js';

function now(end: PhaseEnd | undefined, f: Formatter): string {
  if (typeof end === 'string') return `now ends ${f.date(end)}`;
  if (end === true) return 'has ended';
  if (end === false) return 'now has no end date announced';
  if (end === null) return 'now has an unknown end';
  return 'is no longer listed';
}

function before(end: PhaseEnd | undefined, label: string, f: Formatter): string {
  if (typeof end === 'string') return f.date(end);
  if (end === undefined) return `no ${f.text(label)}`;
  return end === false ? 'no end date announced' : end === true ? 'ended' : 'unknown';
}

function noticeText(notice: DateNotice, f: Formatter): string {
  const { change, release } = notice;
  if (change.phaseKey === VANISHED_PHASE_KEY) {
    return `${f.icon('warning')}${f.strong(f.text(releaseTitle(release)))} is no longer in endoflife.date's data. eolwatch keeps its last known dates for this team's counts, watches and reminders; check them with the vendor.`;
  }
  return `${f.icon('calendar')}${f.strong(f.text(releaseTitle(release)))}: ${f.text(change.phaseLabel)} ${now(change.after, f)} (before: ${before(change.before, change.phaseLabel, f)}). Reminders follow the new date.`;
}

export function renderNotice(notice: DateNotice): SlackMessage {
  return {
    text: escapeMrkdwn(noticeText(notice, plainFormat)),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: noticeText(notice, slackFormat) } }],
  };
}
