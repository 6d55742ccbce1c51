// The Home view, golden: reviewed like code when it changes. Stored text someone typed (a team's name)
// is escaped, so a Home tab can never ping anyone.
import { describe, expect, it } from '@jest/globals';
import type { Dashboard } from '../../src/commands/build-dashboard.js';
import { renderHome } from '../../src/render/render-home.js';

const dashboard: Dashboard = {
  asOf: '2017-06-28',
  totals: {
    unsupported: 18293,
    'paid-only': 1500,
    covered: 0,
    'at-risk': 0,
    supported: 14450,
    unknown: 12,
    total: 34255,
  },
  teams: [{ team: { channel: 'CMET', name: 'Met <!channel> IT' }, unsupported: 18293, total: 32743 }],
  reminders: [
    {
      date: '2017-07-13',
      channel: 'CMET',
      release: 'Microsoft Windows 8.1',
      phaseLabel: 'Active Support',
      end: '2018-01-09',
    },
  ],
  notMakingIt: [
    {
      release: 'Microsoft Windows 7 SP1',
      words:
        'about 1,100 machines still on it when <!here> Security Support ends on 2020-01-14: needs 49 a month; moving 14',
      end: '2020-01-14',
    },
  ],
  sources: [
    {
      channel: 'CMET',
      connector: 'met-intune',
      kind: 'intune',
      lastSync: { at: '2017-06-27T09:00:00.000Z', ok: true },
    },
    { channel: 'CMAC', connector: 'macs', kind: 'jamf', lastSync: null },
  ],
  handled: [
    {
      milestone: 'T1|CMET|windows/7-sp1|eol',
      channel: 'CMET',
      release: 'Microsoft Windows 7 SP1',
      phaseLabel: 'Security Support',
      by: 'U2',
      at: '2017-06-01T10:00:00.000Z',
    },
  ],
  notices: [
    {
      at: '2017-06-20T06:00:00.000Z',
      release: 'Microsoft Windows 8.1',
      phaseLabel: 'Security Support',
      before: '2023-01-10',
      after: '2023-07-11',
      channels: 2,
    },
  ],
  catalog: {
    source: 'cached refresh',
    url: 'https://endoflife.date/api/v1/products/full',
    generatedAt: '2017-06-27T00:00:00+00:00',
    lastRefreshAt: '2017-06-28T06:00:00.000Z',
    lastError: { at: '2017-06-28T06:00:00.000Z', reason: 'HTTP 503 <!here>' },
    generation: 2,
  },
  dataDate: '2017-06-27',
  countsSignature: 'x',
};

describe('the Home view', () => {
  it('renders the dashboard the same as reviewed', () => {
    expect(
      renderHome(dashboard, { fileId: 'F123', altText: 'Line chart of machine counts per release.' }),
    ).toMatchSnapshot();
  });

  it('escapes what people typed and what Slack said, so nothing in it is a live mention', () => {
    const text = JSON.stringify(renderHome(dashboard, null));
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<!here>');
    expect(text).toContain('Met &lt;!channel&gt; IT');
  });

  it('says how to start when nothing is counted, and shows no picture without one', () => {
    const empty = renderHome(
      {
        ...dashboard,
        totals: { unsupported: 0, 'paid-only': 0, covered: 0, 'at-risk': 0, supported: 0, unknown: 0, total: 0 },
        teams: [],
        reminders: [],
        handled: [],
        notices: [],
      },
      null,
    );
    const text = JSON.stringify(empty);
    expect(text).toContain('No team has counted its machines yet');
    expect(text).toContain('No reminders are due');
    expect(empty.blocks.some((block) => block.type === 'image')).toBe(false);
  });
});
