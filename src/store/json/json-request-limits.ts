// Request limits for the JSON store. One bot serves a JSON store at a time (it holds the bot lock), so
// the counts live in this process's memory; each change is also appended to a log beside the store
// file and read back on open, so a restart (a deploy, a crash) does not forget a signature seen a
// minute ago. The answer does not wait for the append (waiting cost every request a turn at the disk:
// 1,300 answers a second at most); lines are appended in the background, in order, those of requests
// at once in one write, and a clean stop waits for them. Not fsync'd: the log matters for minutes, and
// losing its last milliseconds to a crash or a power cut is the one case where a replay could pass.
// The log stays open between writes: opening and closing it for each was about a third of what this
// module cost every signed request (a profile of /eol under load).
import { open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { RequestLimiter, RequestLimits } from '../../requests/request-limits.js';

interface Window {
  points: number;
  expireMs: number;
}

/** Past this many lines, and four times the live windows, the log is rewritten with only those. */
const COMPACT_AFTER_LINES = 20_000;

export const requestLimitsPathOf = (storePath: string): string =>
  join(dirname(storePath), `${basename(storePath, '.json')}.limits.jsonl`);

export class JsonRequestLimits implements RequestLimits {
  private readonly windows = new Map<string, Window>();
  private loaded: Promise<void> | null = null;
  /** Lines waiting for the next write, and the write under way: requests at once share one append. */
  private waiting: string[] = [];
  private writing: Promise<void> | null = null;
  /** The log opened for appending; closed when a compaction replaces the file, and at a clean stop. */
  private log: FileHandle | null = null;
  private lines = 0;
  /** The line count past which the next compaction is tried: its scan of every window is paid for by as many lines. */
  private compactAt = COMPACT_AFTER_LINES;

  constructor(
    private readonly path: string,
    private readonly nowMs: () => number = Date.now,
  ) {}

  requestLimiter(name: string, points: number, seconds: number): RequestLimiter {
    return {
      take: (key) => this.take(`${name}:${key}`, points, seconds * 1000),
      release: (key) => this.release(`${name}:${key}`),
    };
  }

  private async release(key: string): Promise<void> {
    await (this.loaded ??= this.load());
    this.windows.delete(key);
    // A window that ended at 0: read back on open, it removes the key.
    this.append(key, { points: 0, expireMs: 0 });
  }

  private async take(key: string, allowed: number, windowMs: number): Promise<number> {
    await (this.loaded ??= this.load());
    const now = this.nowMs();
    const known = this.windows.get(key);
    const window = known && known.expireMs > now ? known : { points: 0, expireMs: now + windowMs };
    window.points += 1;
    this.windows.set(key, window);
    this.append(key, window);
    return window.points <= allowed ? 0 : Math.max(1, window.expireMs - now);
  }

  /** Resolves when every line so far is in the file. */
  async settled(): Promise<void> {
    await this.flush().catch(() => undefined);
  }

  /** Every line so far in the file, then the file let go: a clean stop. */
  async close(): Promise<void> {
    await this.settled();
    await this.closeLog();
  }

  private async closeLog(): Promise<void> {
    const log = this.log;
    this.log = null;
    await log?.close().catch(() => undefined);
  }

  private async load(): Promise<void> {
    const text = await readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    const now = this.nowMs();
    for (const line of text.split('\n')) {
      this.lines += 1;
      const entry = parseLine(line); // a torn last line (a crash mid-append) is skipped
      if (!entry) continue;
      if (entry.window.expireMs > now) this.windows.set(entry.key, entry.window);
      else this.windows.delete(entry.key);
    }
  }

  /** Queues the line: written in order, with the others waiting, by the write under way's successor. */
  private append(key: string, window: Window): void {
    this.waiting.push(`${JSON.stringify([key, window.points, window.expireMs])}\n`);
    // A log that cannot be written is no reason to refuse a request: the limits still hold in memory.
    if (!this.writing) void this.flush().catch(() => undefined);
  }

  /** Writes what waits, and what arrives meanwhile in the next write; a compaction takes its turn between. */
  private async flush(): Promise<void> {
    while (this.writing) await this.writing;
    if (this.waiting.length === 0) return;
    const batch = this.waiting;
    this.waiting = [];
    this.writing = (async () => {
      this.log ??= await open(this.path, 'a', 0o600);
      await this.log.appendFile(batch.join(''));
      this.lines += batch.length;
      if (this.lines > this.compactAt) await this.compact();
    })().finally(() => {
      this.writing = null;
    });
    await this.writing;
    if (this.waiting.length > 0) await this.flush();
  }

  private async compact(): Promise<void> {
    const now = this.nowMs();
    for (const [key, window] of this.windows) if (window.expireMs <= now) this.windows.delete(key);
    this.compactAt = this.lines + Math.max(COMPACT_AFTER_LINES, this.windows.size);
    if (this.lines < 4 * this.windows.size) return;
    const live = [...this.windows].map(([key, window]) => JSON.stringify([key, window.points, window.expireMs]));
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, live.map((line) => `${line}\n`).join(''), { mode: 0o600 });
    await rename(temporary, this.path);
    await this.closeLog(); // it holds the replaced file: the next write opens the new one
    this.lines = live.length;
    this.compactAt = this.lines + Math.max(COMPACT_AFTER_LINES, this.windows.size);
  }
}

function parseLine(line: string): { key: string; window: Window } | null {
  try {
    const [key, points, expireMs] = JSON.parse(line) as unknown[];
    if (typeof key !== 'string' || typeof points !== 'number' || typeof expireMs !== 'number') return null;
    return { key, window: { points, expireMs } };
  } catch {
    return null;
  }
}
