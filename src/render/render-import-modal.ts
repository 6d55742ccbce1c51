// The `/eol inventory import` form: one file input. The channel it was opened in travels in
// private_metadata, since a form submission does not say where it came from.
import { IMPORT_FILE_ACTION_ID, IMPORT_FILE_BLOCK_ID, IMPORT_MODAL_CALLBACK_ID } from './slack-ids.js';

export function renderImportModal(channel: string) {
  return {
    type: 'modal' as const,
    callback_id: IMPORT_MODAL_CALLBACK_ID,
    private_metadata: JSON.stringify({ channel }),
    title: { type: 'plain_text' as const, text: 'Import machine counts' },
    submit: { type: 'plain_text' as const, text: 'Preview' },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: IMPORT_FILE_BLOCK_ID,
        label: { type: 'plain_text', text: 'Device export (CSV, Excel or zip)' },
        hint: {
          type: 'plain_text',
          text: 'An export from Intune (its zip, or the CSV in it), Configuration Manager, Jamf, Lansweeper or Active Directory, an Excel sheet, or a release,count summary. You see a preview first; nothing changes until you choose.',
        },
        element: {
          type: 'file_input',
          action_id: IMPORT_FILE_ACTION_ID,
          filetypes: ['csv', 'txt', 'tsv', 'json', 'xlsx', 'zip'],
          max_files: 1,
        },
      },
    ],
  };
}
