// Publishes a user's Home tab (views.publish): the workspace's dashboard at once, then, when the
// workspace's counts changed since it was last drawn, what needs every team's history: the burn-down
// picture (drawn and uploaded privately) and the releases that will not make it at this pace, worked out
// in the background (a second or so, once), and the tab published again with them. One drawing per
// workspace at a time; the last upload and forecasts are reused while the numbers stay the same.
import type { webApi } from '@slack/bolt';
import { buildDashboard, notMakingIt, type Dashboard } from '../commands/build-dashboard.js';
import { runCommand } from '../commands/run-command.js';
import type { CommandDeps } from '../commands/command-types.js';
import { renderHome, type HomeChart } from '../render/render-home.js';
import type { Logger } from 'pino';
import { uploadChart } from './upload-chart.js';
import { chartDrawerOf } from '../chart-images/draw-chart.js';

export interface HomePublisher {
  /** Resolves when the tab is published; `drawn` when the picture is up to date too (tests wait on it). */
  publish(client: webApi.WebClient, workspace: string, user: string): Promise<{ drawn: Promise<void> }>;
}

export function createHomePublisher(deps: { commands: CommandDeps; logger: Logger }): HomePublisher {
  const charts = new Map<string, HomeChart & { signature: string }>();
  const lookAheads = new Map<string, Dashboard['notMakingIt']>();
  const drawing = new Map<string, Promise<HomeChart | null>>();

  const publishView = async (client: webApi.WebClient, workspace: string, user: string) => {
    const dashboard = await buildDashboard(deps.commands, workspace, lookAheads.get(workspace));
    const chart = charts.get(workspace) ?? null;
    try {
      await client.views.publish({ user_id: user, view: renderHome(dashboard, chart) });
    } catch (error) {
      // Slack may not show a file it is still processing: the tab goes up without it, this once.
      if ((error as { data?: { error?: string } }).data?.error !== 'invalid_blocks' || !chart) throw error;
      await client.views.publish({ user_id: user, view: renderHome(dashboard, null) });
    }
    return dashboard.countsSignature;
  };

  /** The workspace's burn-down, uploaded if its numbers changed; null when there is nothing to draw. */
  const drawChart = async (
    client: webApi.WebClient,
    workspace: string,
    signature: string,
  ): Promise<HomeChart | null> => {
    const before = JSON.stringify(lookAheads.get(workspace) ?? []);
    const lookAhead = await notMakingIt(deps.commands, workspace);
    lookAheads.set(workspace, lookAhead);
    const result = await runCommand({ kind: 'chart', scope: 'workspace', text: '', out: null }, deps.commands, {
      workspace,
      channel: '',
      user: '',
    });
    if (result.kind !== 'chart') return null;
    const known = charts.get(workspace);
    if (known?.altText === result.chart.altText) {
      // The same picture: a new object still, when the look ahead changed, so the tab is published again.
      const same = { ...known, signature };
      charts.set(workspace, same);
      return JSON.stringify(lookAhead) === before ? known : same;
    }
    const fileId = await uploadChart(client, null, result.chart, chartDrawerOf(deps.commands));
    if (!fileId) return null;
    const chart = { fileId, altText: result.chart.altText, signature };
    charts.set(workspace, chart);
    return chart;
  };

  return {
    async publish(client, workspace, user) {
      const signature = await publishView(client, workspace, user);
      // Same counts on the same day: the picture shown is the right one, nothing to draw.
      if (charts.get(workspace)?.signature === signature) return { drawn: Promise.resolve() };
      let pending = drawing.get(workspace);
      if (!pending) {
        pending = drawChart(client, workspace, signature).finally(() => drawing.delete(workspace));
        drawing.set(workspace, pending);
      }
      const before = charts.get(workspace);
      const drawn = pending
        .then(async (chart) => {
          if (chart && chart !== before) await publishView(client, workspace, user);
        })
        .catch((error: unknown) =>
          deps.logger.warn({ err: error, workspace }, 'the Home tab’s chart could not be drawn'),
        );
      return { drawn };
    },
  };
}
