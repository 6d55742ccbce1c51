// A JSON store serves one bot: its file lock keeps writes whole, but two bots on one file would both
// run the daily job and answer for each other's channels with stale checkpoints. The bot holds
// `<store>.bot.pid` while it runs; a second bot on the same store is refused at start, a dead one's
// file (same host, pid gone) is taken over. The CLI and shell never take it: they may run beside a bot.
import { hostname } from 'node:os';
import { readFileSync, rmSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { StoreFileError } from './durable-json-file.js';
import { processAlive } from './run-claims.js';

/** Resolves with the release, which is synchronous so that it also runs on process exit. */
export async function holdBotLock(storePath: string): Promise<() => void> {
  const path = `${storePath}.bot.pid`;
  const me = `${hostname()}/${process.pid}`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(me);
      await handle.close();
      return () => {
        try {
          if (readFileSync(path, 'utf8') === me) rmSync(path, { force: true });
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = (await readFile(path, 'utf8').catch(() => '')).trim();
    const [host, pid] = holder.split('/');
    const gone = host === hostname() && pid !== undefined && /^\d+$/.test(pid) && !processAlive(Number(pid));
    if (!gone && holder !== '') {
      const where = host === hostname() ? `pid ${pid}` : `pid ${pid} on ${host}; if that bot is gone, delete ${path}`;
      throw new StoreFileError(
        `another eolwatch bot (${where}) is already running on the store ${storePath}. A JSON store serves one bot; run several replicas on PostgreSQL (EOLWATCH_DATABASE_URL)`,
      );
    }
    await rm(path, { force: true });
  }
  throw new StoreFileError(`could not take ${path}: another eolwatch is starting on the same store`);
}
