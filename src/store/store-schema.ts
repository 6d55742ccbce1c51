// The store file's shape, its version, and how older versions are brought up to date.
import { z } from 'zod';
import { StoreFileError } from './durable-json-file.js';

export const STORE_VERSION = 1;

const teamSchema = z.object({
  name: z.string().nullable(),
  counts: z.record(z.string(), z.number().int().min(1)),
  /** Bytes of the team's history log that these counts include (see lowdb-inventory-store.ts). */
  historyBytes: z.number().int().min(0),
});

export const storeSchema = z.object({
  schemaVersion: z.literal(STORE_VERSION),
  workspaces: z.record(z.string(), z.object({ teams: z.record(z.string(), teamSchema) })),
});

export type StoreData = z.infer<typeof storeSchema>;
export type StoredTeam = z.infer<typeof teamSchema>;

export const emptyStore = (): StoreData => ({ schemaVersion: STORE_VERSION, workspaces: {} });

/**
 * Each entry turns version N into N + 1. Later issues add theirs (watches, reminders sent,
 * contracts) here; a file from a newer eolwatch is refused rather than rewritten.
 */
const migrations: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {};

export function parseStore(path: string) {
  return (data: unknown): StoreData => {
    let current = data as Record<string, unknown>;
    let version = typeof current?.schemaVersion === 'number' ? current.schemaVersion : NaN;
    if (version > STORE_VERSION) throw new StoreFileError(`the store ${path} is schema version ${version}, newer than this eolwatch (${STORE_VERSION})`);
    for (let migrate = migrations[version]; version < STORE_VERSION && migrate; migrate = migrations[version]) {
      current = migrate(current);
      version += 1;
    }
    const parsed = storeSchema.safeParse(current);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new StoreFileError(`the store ${path} has an unexpected shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message}; it was left as it is`);
    }
    return parsed.data;
  };
}
