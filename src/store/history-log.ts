// Each team's history as an append-only JSON Lines file: appending one change costs the same however
// long the history grows, where rewriting it inside the store file would not (bench/inventory-store.ts).
import { readFile, stat, truncate } from 'node:fs/promises';
import { appendJsonLines } from './append-json-lines.js';
import { join } from 'node:path';
import { z } from 'zod';
import { isIdentifier } from '../leaf/check-identifier.js';
import { StoreFileError } from './durable-json-file.js';
import { MAX_COUNT, type HistoryEntry, type TeamRef } from '../inventory/inventory-store.js';

/** Whether a team's ids can name its log: the edges' rule, checked again here before any write. */
export const isLoggableTeam = (team: TeamRef): boolean => isIdentifier(team.workspace) && isIdentifier(team.channel);

export function historyPath(historyDir: string, team: TeamRef): string {
  if (!isLoggableTeam(team)) throw new Error(`a malformed id reached the store: ${JSON.stringify(team).slice(0, 200)}`);
  return join(historyDir, team.workspace, `${team.channel}.jsonl`);
}

/** Appends entries and fsyncs; resolves with the file's size after the append. */
export function appendHistory(path: string, entries: readonly HistoryEntry[]): Promise<number> {
  return appendJsonLines(path, entries);
}

export interface HistoryTail {
  entries: HistoryEntry[];
  /** Where the last complete line ends. */
  endOfLastLine: number;
}

/** Reads complete lines from `fromByte` on; a torn last line (a crash mid-append) is left out. */
export async function readHistory(path: string, fromByte = 0): Promise<HistoryTail> {
  const buffer = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return Buffer.alloc(0); // no log yet
    throw error;
  });
  const lastNewline = buffer.lastIndexOf(0x0a);
  const end = lastNewline < fromByte ? fromByte : lastNewline + 1;
  const text = buffer.subarray(fromByte, end).toString('utf8');
  const entries =
    text === ''
      ? []
      : text
          .trimEnd()
          .split('\n')
          .map((line, index) => parseEntry(path, line, index));
  return { entries, endOfLastLine: end };
}

const historyEntrySchema = z.object({
  release: z.string().min(1),
  from: z.number().int().min(0).max(MAX_COUNT),
  to: z.number().int().min(0).max(MAX_COUNT),
  user: z.string(),
  at: z.iso.datetime({ offset: true }),
  action: z.enum(['set', 'clear', 'import', 'api', 'connector']),
  file: z.string().max(255).optional(),
});

/** A complete line is a change someone was told was saved: one that is not an entry stops the store. */
function parseEntry(path: string, line: string, index: number): HistoryEntry {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new StoreFileError(
      `the history ${path} has a line that is not JSON (line ${index + 1} of those read); it was left as it is`,
    );
  }
  const entry = historyEntrySchema.safeParse(json);
  if (!entry.success)
    throw new StoreFileError(
      `the history ${path} has a line that is not a history entry (line ${index + 1} of those read: ${entry.error.issues[0]?.path.join('.')} ${entry.error.issues[0]?.message}); it was left as it is`,
    );
  return entry.data;
}

/** Cuts a torn last line that was never acknowledged, so the next append starts on a fresh line. */
export async function cutTornLine(path: string, endOfLastLine: number): Promise<void> {
  const size = (await stat(path)).size;
  if (size > endOfLastLine) await truncate(path, endOfLastLine);
}
