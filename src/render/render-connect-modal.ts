// The `/eol connect intune|jamf` form: a connector's name, the channel it feeds, the device manager's
// client id and secret (Slack has no masked input: sealed on submission, never shown again), the tenant or the server,
// and optional rules. What kind it is and who opened it travel in private_metadata.
import { CONNECT_MODAL_CALLBACK_ID } from './slack-ids.js';

export type ConnectField = 'name' | 'channel' | 'client_id' | 'secret' | 'where_to' | 'where';
export const connectBlockId = (field: ConnectField): string => `eol_connect_${field}`;
export const CONNECT_INPUT_ACTION_ID = 'eol_connect_input';

const text = (label: string) => ({ type: 'plain_text' as const, text: label });

function input(field: ConnectField, label: string, element: Record<string, unknown>, hint?: string, optional = false) {
  return {
    type: 'input',
    block_id: connectBlockId(field),
    label: text(label),
    optional,
    ...(hint ? { hint: text(hint) } : {}),
    element: { action_id: CONNECT_INPUT_ACTION_ID, ...element },
  };
}

export function renderConnectModal(kind: 'intune' | 'jamf', channel: string) {
  const intune = kind === 'intune';
  return {
    type: 'modal' as const,
    callback_id: CONNECT_MODAL_CALLBACK_ID,
    private_metadata: JSON.stringify({ kind }),
    title: text(intune ? 'Connect Intune' : 'Connect Jamf Pro'),
    submit: text('Connect'),
    close: text('Cancel'),
    blocks: [
      input(
        'name',
        'Name',
        { type: 'plain_text_input', placeholder: text(intune ? 'met-intune' : 'macs') },
        'Lower-case letters, digits and dashes.',
      ),
      input('channel', 'Channel whose counts it keeps', {
        type: 'conversations_select',
        default_to_current_conversation: true,
        ...(channel ? { initial_conversation: channel } : {}),
        filter: { include: ['public', 'private'], exclude_bot_users: true },
      }),
      input(
        'where_to',
        intune ? 'Entra tenant' : 'Jamf Pro server',
        { type: 'plain_text_input', placeholder: text(intune ? 'contoso.onmicrosoft.com' : 'https://x.jamfcloud.com') },
        intune ? 'The directory (tenant) id or domain of the app registration.' : 'The address of your Jamf Pro.',
      ),
      input(
        'client_id',
        intune ? 'Application (client) id' : 'API client id',
        { type: 'plain_text_input' },
        intune
          ? 'An app registration with the application permission DeviceManagementManagedDevices.Read.All, admin consent granted.'
          : 'An API client whose role has Read Computers.',
      ),
      input('secret', 'Client secret', { type: 'plain_text_input' }, 'Kept encrypted; never shown again.'),
      input(
        'where',
        'Which devices are this team’s (optional)',
        {
          type: 'plain_text_input',
          placeholder: text(intune ? 'deviceName^=MET-, managedDeviceOwnerType=company' : 'name^=MET-'),
        },
        'Rules separated by commas, every one must hold: field=value, or field^=prefix. Empty: every device.',
        true,
      ),
    ],
  };
}
