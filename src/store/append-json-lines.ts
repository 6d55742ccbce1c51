// Appends JSON lines to a file and fsyncs it (and its folder when the file is new): an append-only log
// whose cost stays flat however long it grows. The history logs and the audit logs are such files.
import { mkdir, open, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Resolves with the file's size after the append. */
export async function appendJsonLines(path: string, entries: readonly unknown[]): Promise<number> {
  const isNew = !(await stat(path).catch(() => null));
  if (isNew) await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'a');
  try {
    await handle.appendFile(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), 'utf8');
    await handle.sync();
    const { size } = await handle.stat();
    if (isNew) {
      const directory = await open(dirname(path), 'r');
      await directory.sync().finally(() => directory.close());
    }
    return size;
  } finally {
    await handle.close();
  }
}
