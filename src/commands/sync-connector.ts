// A connector's sync: every device read from the device manager, the team's picked by its rules, each
// mapped to a release as a device import maps it, and the channel's counts replaced through the same path
// as an import (history "via connector", the audit log, the upgrade-target warning). Only when every
// device was read: a sync that fails part-way changes nothing, and says why.
import type { Release } from '../catalog/catalog.js';
import { matchesRules, parseWhereRule, type SyncSummary } from '../connectors/connector.js';
import { saveConnector, type StoredConnector } from '../connectors/connector-records.js';
import { openSecret, readSecretKey } from '../connectors/secret-box.js';
import { createDeviceMapper } from '../imports/map-device.js';
import { toIsoDate } from '../leaf/calendar-date.js';
import type { CommandDeps, Result, Speaker } from './command-types.js';
import { releaseKeyOf } from './inventory-rows.js';
import { runInventoryUpdate } from './run-inventory-update.js';
import { recordAudit } from './record-audit.js';

/** How many unmapped OS strings a sync keeps, most devices first. */
const UNMAPPED_KEPT = 50;

export interface SyncOutcome {
  connector: StoredConnector;
  summary: SyncSummary;
  /** What would be set (a dry run) or was set. */
  counts: { release: Release; count: number }[];
  result: Extract<Result, { kind: 'inventory-updated' }> | null;
}

/** The sync as a speaker: the connector, in its channel, through `connector`. */
const speakerOf = (connector: StoredConnector): Speaker => ({
  workspace: connector.workspace,
  channel: connector.channel,
  user: connector.name,
  via: 'connector',
});

export async function syncConnector(
  connector: StoredConnector,
  deps: CommandDeps,
  dryRun: boolean,
): Promise<SyncOutcome> {
  const at = deps.now().toUTC().toISO() ?? '';
  const failed = async (error: string): Promise<SyncOutcome> => {
    const summary: SyncSummary = { at, ok: false, devices: 0, matched: 0, unmapped: [], error };
    if (!dryRun) {
      await saveConnector(await deps.store(), { ...connector, lastSync: summary });
      await recordAudit(deps, speakerOf(connector), {
        action: 'connector.failed',
        change: `“${connector.name}” could not sync, nothing changed: ${error}`,
        releases: [],
      });
    }
    return { connector, summary, counts: [], result: null };
  };
  if (!deps.readDevices) return failed('this eolwatch cannot reach device managers');
  let devices;
  try {
    const secret = openSecret(connector.sealedSecret, readSecretKey(deps.secretKey ?? undefined));
    devices = await deps.readDevices(connector, secret);
  } catch (error) {
    return failed((error as Error).message);
  }
  const rules = connector.where.flatMap((text) => parseWhereRule(text) ?? []);
  const team = devices.filter((device) => matchesRules(device, rules));
  const mapDevice = createDeviceMapper(deps.resolve);
  const counts = new Map<string, { release: Release; count: number }>();
  const unmapped = new Map<string, number>();
  for (const device of team) {
    const fields = {
      name: device.operatingSystem ?? '',
      qualifiers: [],
      version: device.osVersion ?? '',
      build: device.build ?? '',
    };
    const mapping = mapDevice(fields);
    if (mapping.kind === 'unrecognised') {
      const os =
        [fields.name, fields.version]
          .filter((part) => part !== '')
          .join(' ')
          .slice(0, 100) || '(empty)';
      unmapped.set(os, (unmapped.get(os) ?? 0) + 1);
      continue;
    }
    const key = releaseKeyOf(mapping.release);
    const entry = counts.get(key) ?? { release: mapping.release, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  const counted = [...counts.values()].sort((a, b) => b.count - a.count);
  const summary: SyncSummary = {
    at,
    ok: true,
    devices: devices.length,
    matched: team.length,
    unmapped: [...unmapped]
      .map(([os, count]) => ({ os, devices: count }))
      .sort((a, b) => b.devices - a.devices || a.os.localeCompare(b.os))
      .slice(0, UNMAPPED_KEPT),
  };
  // Rules that pick no device would empty the team: more likely a rule gone wrong than a fleet gone.
  if (counted.length === 0)
    return failed(
      team.length === 0
        ? `none of the ${devices.length} devices read matched the rules (${connector.where.join(', ') || 'none'})`
        : `none of the ${team.length} devices matched a release eolwatch knows`,
    );
  if (dryRun) return { connector, summary, counts: counted, result: null };
  const result = await runInventoryUpdate(
    {
      mode: 'replace',
      counts: counted.map(({ release, count }) => ({ release: releaseKeyOf(release), count })),
      action: 'connector',
      file: connector.name,
    },
    deps,
    speakerOf(connector),
    toIsoDate(deps.now()),
  );
  await saveConnector(await deps.store(), { ...connector, lastSync: summary, failureToldAt: null });
  return { connector, summary, counts: counted, result };
}
