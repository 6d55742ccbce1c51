// AuditLog over the JSON engine: one append-only JSON Lines file per workspace, beside the history logs.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { matchesAuditFilter, type AuditEntry, type AuditLog } from '../../audit/audit-log.js';
import { StoreWriteError, type TeamRef } from '../../inventory/inventory-store.js';
import { isIdentifier } from '../../leaf/check-identifier.js';
import { appendJsonLines } from '../append-json-lines.js';
import { malformedId, type JsonFileStore } from './json-file-store.js';

export class JsonAudit implements Omit<AuditLog, 'forgetWorkspace' | 'forgetChannel'> {
  private pending: { entry: AuditEntry; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly engine: JsonFileStore) {}

  path(workspace: string): string {
    if (!isIdentifier(workspace)) throw malformedId(workspace);
    return join(dirname(this.engine.path), `${basename(this.engine.path, '.json')}.audit`, `${workspace}.jsonl`);
  }

  /**
   * Group commit, as for counts: entries that arrive while an append is under way go together in the
   * next one, one append and one fsync per workspace's log, so a burst of changes costs a few fsyncs.
   */
  appendAudit(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ entry, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  /** Settles once the appends under way are written: an erasure must not race them. */
  async settled(): Promise<void> {
    await this.flushing;
  }

  auditEntries(workspace: string, filter: { channel?: string; since?: string } = {}): Promise<AuditEntry[]> {
    return this.engine.inQueue(async () => {
      const text = await readFile(this.path(workspace), 'utf8').catch(() => '');
      // A torn last line (a crash mid-append) was never acknowledged: it is left out.
      const lines = text.split('\n').slice(0, -1);
      return lines.map((line) => JSON.parse(line) as AuditEntry).filter((entry) => matchesAuditFilter(entry, filter));
    });
  }

  /** The log is append-only but for erasure: rewritten whole, atomically, without the channel. */
  async eraseChannel(ref: TeamRef): Promise<void> {
    const path = this.path(ref.workspace);
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text === null) return;
    const kept = text
      .split('\n')
      .slice(0, -1)
      .filter((line) => (JSON.parse(line) as AuditEntry).channel !== ref.channel);
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, kept.map((line) => `${line}\n`).join(''));
    await rename(temporary, path);
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      const byWorkspace = new Map<string, typeof batch>();
      for (const pending of batch)
        byWorkspace.set(pending.entry.workspace, [...(byWorkspace.get(pending.entry.workspace) ?? []), pending]);
      for (const [workspace, pendings] of byWorkspace) {
        try {
          await appendJsonLines(
            this.path(workspace),
            pendings.map((pending) => pending.entry),
          );
          for (const pending of pendings) pending.resolve();
        } catch (error) {
          const reason = new StoreWriteError(
            `could not write the audit log (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
          );
          for (const pending of pendings) pending.reject(reason);
        }
      }
    }
    this.flushing = null;
  }
}
