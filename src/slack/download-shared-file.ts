// A file shared with the bot -> its name and bytes: files.info (files:read) for its private download
// address, then a GET with the bot token, capped while it streams. Failures are reasons, never throws.
import type { webApi } from '@slack/bolt';
import { MAX_IMPORT_BYTES, TOO_LARGE } from '../imports/import-limits.js';
import { readCappedBody } from '../net/read-capped-body.js';

const DOWNLOAD_TIMEOUT_MS = 30_000;

export type SharedFile = { ok: true; name: string; bytes: Buffer } | { ok: false; name: string; reason: string };

export async function downloadSharedFile(client: webApi.WebClient, fileId: string): Promise<SharedFile> {
  let info;
  try {
    info = await client.files.info({ file: fileId });
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    return {
      ok: false,
      name: 'the file',
      reason:
        code === 'file_not_found' || code === 'file_deleted'
          ? 'the file is gone from Slack'
          : `Slack did not hand over the file (${code ?? 'no answer'})`,
    };
  }
  const file = info.file ?? {};
  const name = file.name ?? file.title ?? 'the file';
  if ((file.size ?? 0) > MAX_IMPORT_BYTES)
    return {
      ok: false,
      name,
      reason: TOO_LARGE,
    };
  const url = file.url_private_download ?? file.url_private;
  if (!url)
    return { ok: false, name, reason: 'Slack gave no address to download it from (a file on another service?)' };
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${client.token ?? ''}` },
      redirect: 'error',
      signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    });
  } catch (error) {
    return {
      ok: false,
      name,
      reason:
        (error as Error).name === 'TimeoutError'
          ? 'the download from Slack took too long'
          : 'the download from Slack failed',
    };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { ok: false, name, reason: `the download from Slack failed (HTTP ${response.status})` };
  }
  const body = await readCappedBody(response, MAX_IMPORT_BYTES, 'the file');
  return body.ok ? { ok: true, name, bytes: body.bytes } : { ok: false, name, reason: body.reason };
}
