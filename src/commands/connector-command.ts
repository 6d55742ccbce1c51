// Connectors, for admins: `/eol connectors` lists them with their last sync, `/eol connector sync NAME`
// syncs one now, `/eol connector remove NAME`; `/eol connect intune|jamf` opens a form in Slack. On the
// command line (the operator's tool) `connector add …` takes the secret from an environment variable
// or a file, never from the command line itself.
import { isIdentifier } from '../leaf/check-identifier.js';
import { parseWhereRule, type ConnectorSettings } from '../connectors/connector.js';
import {
  connectorNamed,
  connectorsOf,
  removeConnector,
  saveConnector,
  type ShownConnector,
  type StoredConnector,
} from '../connectors/connector-records.js';
import { readSecretKey, sealSecret, SecretKeyError } from '../connectors/secret-box.js';
import type { CommandDefinition } from './command-definition.js';
import type { CommandDeps, Request, Result, Speaker } from './command-types.js';
import { syncConnector } from './sync-connector.js';
import { connectorAddForms } from './connector-add-form.js';

const USAGE =
  'Use `/eol connectors`, `/eol connector sync <name>`, `/eol connector remove <name>`, or `/eol connect intune` / `/eol connect jamf`.';

const ADMINS_ONLY = 'Only eolwatch admins manage connectors. `/eol admins` lists them.';

export const connectorsCommand: CommandDefinition = {
  name: 'connectors',
  usage: '/eol connectors',
  summary:
    "The workspace's connectors to Microsoft Intune and Jamf Pro, each feeding one channel's counts: the channel, its rules, and its last sync (when, how many devices, the OS names no release matched). Admins only.",
  parse: () => ({ kind: 'connectors' }),
};

export const connectorCommand: CommandDefinition = {
  name: 'connector',
  usage: '/eol connector sync <name> | /eol connector remove <name>',
  summary:
    "Syncs a connector now (the channel's counts replaced by its devices', only when every device was read), or removes it. Admins only.",
  parse: (args) => {
    const [action = '', name = '', ...rest] = args.split(/\s+/).filter((word) => word !== '');
    const dryRun = rest.includes('--dry-run');
    if (action === 'list' && name === '') return { kind: 'connectors' };
    if (action === 'sync')
      return {
        kind: 'connector-sync',
        name: name === '--dry-run' ? null : name || null,
        dryRun: dryRun || name === '--dry-run',
      };
    if (action === 'remove' && name !== '') return { kind: 'connector-remove', name };
    return { kind: 'invalid', reason: USAGE };
  },
  run: {
    connectors: runConnector,
    'connector-add': runConnector,
    'connector-sync': runConnector,
    'connector-remove': runConnector,
    'connector-form': runConnector,
  },
  audit: (result) => {
    if (result.kind === 'connector-added') {
      const { name, kind, where, channel } = result.connector;
      const rules = where.length > 0 ? ` (${where.join(', ')})` : '';
      return {
        action: 'connector.add',
        change: `“${name}” (${kind}) feeds this channel${rules}`,
        releases: [],
        channel,
      };
    }
    if (result.kind === 'connector-removed')
      return {
        action: 'connector.remove',
        change: `“${result.name}” removed; the channel's counts stay as they are`,
        releases: [],
        channel: result.channel,
      };
    return null;
  },
  adminOnly: {
    connectors: ADMINS_ONLY,
    'connector-add': ADMINS_ONLY,
    'connector-sync': ADMINS_ONLY,
    'connector-remove': ADMINS_ONLY,
    'connector-form': ADMINS_ONLY,
  },
  // A fleet's devices take longer to read than Slack's acknowledgement may wait.
  answers: { 'connector-sync': { later: 'Syncing: the answer follows here when every device is read.' } },
  cli: [
    ...connectorAddForms,
    { usage: '--workspace W connector list | connector sync [NAME] [--dry-run] | connector remove NAME' },
  ],
};

export const connectCommand: CommandDefinition = {
  name: 'connect',
  usage: '/eol connect intune | /eol connect jamf',
  summary:
    'Opens a form to connect Microsoft Intune (an Entra app registration with DeviceManagementManagedDevices.Read.All) or Jamf Pro (an API client with Read Computers) to this channel. Admins only.',
  parse: (args) => {
    const kind = args.trim().toLowerCase();
    return kind === 'intune' || kind === 'jamf'
      ? { kind: 'connector-form', connectorKind: kind }
      : { kind: 'invalid', reason: 'Use `/eol connect intune` or `/eol connect jamf`.' };
  },
  // The form is for admins; anyone else is told why instead.
  answers: { 'connector-form': 'form' },
};

const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** What is wrong with a connector's settings, or null. */
function settingsProblem(settings: ConnectorSettings, existing: readonly StoredConnector[]): string | null {
  if (!NAME.test(settings.name))
    return 'a connector name is 1 to 40 lower-case letters, digits and dashes (met-intune)';
  if (existing.some((connector) => connector.name === settings.name))
    return `there is a connector called “${settings.name}” already; remove it first to change it`;
  if (!isIdentifier(settings.channel)) return 'give the channel by its id (C012ABCDEF)';
  const other = existing.find((connector) => connector.channel === settings.channel);
  if (other) return `“${other.name}” feeds that channel already: one connector per channel`;
  if (settings.clientId.trim() === '' || settings.clientId.length > 200) return 'give the client id';
  if (settings.kind === 'intune' && !/^[A-Za-z0-9.-]{1,100}$/.test(settings.tenant ?? ''))
    return 'give the Entra tenant (its id, or a domain such as contoso.onmicrosoft.com)';
  if (settings.kind === 'jamf' && !/^https?:\/\/[^\s/]+/.test(settings.url ?? ''))
    return 'give the Jamf Pro server as a URL (https://x.jamfcloud.com)';
  const bad = settings.where.find((rule) => parseWhereRule(rule) === null);
  if (bad) return `“${bad.slice(0, 60)}” is not a rule: use field=value or field^=prefix (deviceName^=MET-)`;
  return null;
}

async function runConnector(
  request: Extract<
    Request,
    { kind: 'connectors' | 'connector-add' | 'connector-sync' | 'connector-remove' | 'connector-form' }
  >,
  deps: CommandDeps,
  speaker: Speaker,
): Promise<Result> {
  const store = await deps.store();
  switch (request.kind) {
    case 'connector-form':
      // Slack opens the form for this answer; elsewhere it says how to add one there.
      return { kind: 'connector-form', connectorKind: request.connectorKind, workspace: speaker.workspace };
    case 'connectors':
      return { kind: 'connectors', connectors: (await connectorsOf(store, speaker.workspace)).map(withoutSecret) };
    case 'connector-add': {
      const problem = settingsProblem(request.settings, await connectorsOf(store, speaker.workspace));
      if (problem) return { kind: 'invalid', reason: `Nothing added: ${problem}.` };
      if (request.secret.trim() === '')
        return { kind: 'invalid', reason: 'Nothing added: the client secret is empty.' };
      let sealedSecret: string;
      try {
        sealedSecret = sealSecret(request.secret, readSecretKey(deps.secretKey ?? undefined));
      } catch (error) {
        if (error instanceof SecretKeyError) return { kind: 'invalid', reason: `Nothing added: ${error.message}.` };
        throw error;
      }
      const connector: StoredConnector = {
        ...request.settings,
        workspace: speaker.workspace,
        sealedSecret,
        addedBy: speaker.user,
        addedAt: deps.now().toUTC().toISO() ?? '',
        lastSync: null,
        failureToldAt: null,
      };
      await saveConnector(store, connector);
      return { kind: 'connector-added', connector: withoutSecret(connector) };
    }
    case 'connector-remove': {
      const connector = await connectorNamed(store, speaker.workspace, request.name);
      if (!connector || !(await removeConnector(store, speaker.workspace, request.name)))
        return {
          kind: 'invalid',
          reason: `There is no connector called “${request.name.slice(0, 40)}”. \`/eol connectors\` lists them.`,
        };
      return { kind: 'connector-removed', name: connector.name, channel: connector.channel };
    }
    case 'connector-sync': {
      const all = await connectorsOf(store, speaker.workspace);
      const chosen = request.name === null ? all : all.filter((connector) => connector.name === request.name);
      if (chosen.length === 0)
        return {
          kind: 'invalid',
          reason: request.name
            ? `There is no connector called “${request.name.slice(0, 40)}”. \`/eol connectors\` lists them.`
            : 'This workspace has no connectors yet.',
        };
      const syncs = [];
      for (const connector of chosen) {
        const outcome = await syncConnector(connector, deps, request.dryRun);
        syncs.push({
          connector: withoutSecret(outcome.connector),
          summary: outcome.summary,
          counts: outcome.counts,
          changes: outcome.result?.changes ?? [],
        });
      }
      return { kind: 'connector-synced', dryRun: request.dryRun, syncs };
    }
  }
}

const withoutSecret = ({ sealedSecret: _sealed, ...shown }: StoredConnector): ShownConnector => shown;
