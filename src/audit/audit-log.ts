// What an audit entry is, and the store role that keeps them: every change with who made it, when,
// where, through what, and what changed. Append-only; erasing a workspace keeps only the entry saying so.

export type AuditVia = 'slack' | 'api' | 'cli' | 'shell' | 'scheduler' | 'connector';

export interface AuditEntry {
  workspace: string;
  /** ISO date-time. */
  at: string;
  /** A Slack user id, an API token's name, or the command line's user. */
  user: string;
  via: AuditVia;
  /** Where, when the change belongs to a channel. */
  channel: string | null;
  /** What kind of change: `counts.set`, `watch.add`, `token.create`, ... */
  action: string;
  /** What changed, before → after where there was a before. */
  change: string;
  /** The releases it concerns (`product/release`), for `/eol audit <release>`. */
  releases: string[];
}

export interface AuditLog {
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Oldest first. */
  auditEntries(workspace: string, filter?: { channel?: string; since?: string }): Promise<AuditEntry[]>;
}

export const matchesAuditFilter = (entry: AuditEntry, filter: { channel?: string; since?: string } = {}): boolean =>
  (filter.channel === undefined || entry.channel === filter.channel) &&
  (filter.since === undefined || entry.at >= filter.since);
