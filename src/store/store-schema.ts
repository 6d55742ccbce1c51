// The store file's shape, its version, and how older versions are brought up to date.
import { z } from 'zod';
import { StoreFileError } from './durable-json-file.js';

const STORE_VERSION = 2;

const teamSchema = z.object({
  name: z.string().nullable(),
  counts: z.record(z.string(), z.number().int().min(1)),
  /** Bytes of the team's history log that these counts include (see store/json/json-file-store.ts). */
  historyBytes: z.number().int().min(0),
});

const isoDate = z.iso.date();

const channelSchema = z.object({
  autoWatch: z.boolean(),
  broken: z.object({ reason: z.string(), at: z.string() }).nullable(),
  watches: z.record(
    z.string(),
    z.object({
      leads: z.array(z.number().int().min(0)),
      createdAt: isoDate,
      source: z.enum(['manual', 'auto']),
      by: z.string().max(40).optional(),
    }),
  ),
  /** The team's own support contracts, by release. */
  contracts: z
    .record(z.string(), z.object({ until: isoDate, name: z.string(), by: z.string(), at: z.string() }))
    .default({}),
  /** Only admins change its counts and watches (`/eol lock`). */
  locked: z.boolean().default(false),
});

const workspaceSchema = z.object({
  teams: z.record(z.string(), teamSchema),
  channels: z.record(z.string(), channelSchema),
  /** Admins added in Slack (`/eol admins add`) and the installer. */
  admins: z.array(z.string()).default([]),
});

const storeSchema = z.object({
  schemaVersion: z.literal(STORE_VERSION),
  workspaces: z.record(z.string(), workspaceSchema),
  /** Keyed by reminder key (plan-reminders.ts): what was posted, or is being posted. */
  reminders: z.record(
    z.string(),
    z.object({
      status: z.enum(['pending', 'sent']),
      at: z.string(),
      ts: z.string().nullable(),
      late: z.boolean(),
      claimedBy: z.string().optional(),
    }),
  ),
  /** HTTP API tokens, keyed by the SHA-256 of the token (the token itself is never kept). */
  apiTokens: z
    .record(
      z.string(),
      z.object({
        workspace: z.string(),
        name: z.string(),
        hash: z.string(),
        createdBy: z.string(),
        createdAt: z.string(),
        lastUsedAt: z.string().nullable(),
      }),
    )
    .default({}),
  /** OAuth installations (bot tokens) by key (installations/installation-records.ts). */
  installations: z.record(z.string(), z.unknown()).default({}),
  /** Keyed by milestone key: snoozes and "handled". */
  milestones: z.record(
    z.string(),
    z.object({
      handledBy: z.string().optional(),
      handledAt: z.string().optional(),
      snoozedUntil: isoDate.optional(),
      snoozedBy: z.string().optional(),
      snoozedAt: isoDate.optional(),
    }),
  ),
});

export type StoreData = z.infer<typeof storeSchema>;
export type StoredTeam = z.infer<typeof teamSchema>;
export type StoredChannel = z.infer<typeof channelSchema>;
export type StoredWorkspace = z.infer<typeof workspaceSchema>;

export const emptyStore = (): StoreData => ({
  schemaVersion: STORE_VERSION,
  workspaces: {},
  reminders: {},
  milestones: {},
  apiTokens: {},
  installations: {},
});

/**
 * Each entry turns version N into N + 1. Later issues add theirs (watches, reminders sent,
 * contracts) here; a file from a newer eolwatch is refused rather than rewritten.
 */
const migrations: Record<number, (data: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 adds watches per channel, the reminder log and milestone marks.
  1: (data) => ({
    ...data,
    schemaVersion: 2,
    workspaces: Object.fromEntries(
      Object.entries((data.workspaces ?? {}) as Record<string, Record<string, unknown>>).map(([id, workspace]) => [
        id,
        { ...workspace, channels: {} },
      ]),
    ),
    reminders: {},
    milestones: {},
  }),
};

export function parseStore(path: string) {
  return (data: unknown): StoreData => {
    let current = data as Record<string, unknown>;
    let version = typeof current?.schemaVersion === 'number' ? current.schemaVersion : NaN;
    if (version > STORE_VERSION)
      throw new StoreFileError(
        `the store ${path} is schema version ${version}, newer than this eolwatch (${STORE_VERSION})`,
      );
    for (let migrate = migrations[version]; version < STORE_VERSION && migrate; migrate = migrations[version]) {
      current = migrate(current);
      version += 1;
    }
    const parsed = storeSchema.safeParse(current);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new StoreFileError(
        `the store ${path} has an unexpected shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message}; it was left as it is`,
      );
    }
    return parsed.data;
  };
}
