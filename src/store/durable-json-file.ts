// A lowdb adapter that writes the way "saved" must mean: to a temporary file, fsync'd, renamed over
// the old one, and the directory fsync'd. lowdb's own JSONFile (steno) renames but never fsyncs, so
// a power cut could leave an empty file. Reading never repairs: an unreadable file is an error.
import type { Adapter } from 'lowdb';
import { open, readFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class StoreFileError extends Error {}

async function fsyncPath(path: string, flags: string): Promise<void> {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `text` to `path` atomically and durably. */
export async function writeFileDurably(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  await fsyncPath(dirname(path), 'r');
}

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly parse: (data: unknown) => T,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreFileError(`cannot read the store ${this.path}: ${(error as Error).message}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new StoreFileError(
        `the store ${this.path} is not valid JSON (${(error as Error).message}); it was left as it is`,
      );
    }
    return this.parse(data);
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.path, JSON.stringify(data));
  }
}
