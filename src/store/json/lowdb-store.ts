// The JSON store (the embedded default): every store role eolwatch uses, each in its own module over
// one engine (json-file-store.ts: the file, its lock, queue, logs, checkpoint and replay). This class
// opens them together; RolesStore hands each call to its role.
import type { JobOutcome } from '../../jobs/job-coordinator.js';
import { RolesStore } from '../roles-store.js';
import type { StoreData } from '../store-schema.js';
import { JsonAudit } from './json-audit.js';
import { JsonErasure } from './json-erasure.js';
import { JsonFileStore, type LowdbStoreOptions } from './json-file-store.js';
import { JsonInventory } from './json-inventory.js';
import { JsonRecords } from './json-records.js';
import { JsonRequestLimits, requestLimitsPathOf } from './json-request-limits.js';
import { JsonWatches } from './json-watches.js';

export type { LowdbStoreOptions } from './json-file-store.js';

export class LowdbStore extends RolesStore {
  private readonly limits: JsonRequestLimits;

  private constructor(private readonly engine: JsonFileStore) {
    const audit = new JsonAudit(engine);
    const limits = new JsonRequestLimits(requestLimitsPathOf(engine.path));
    super({
      inventory: new JsonInventory(engine, (entry) => audit.appendAudit(entry)),
      watches: new JsonWatches(engine),
      audit,
      records: new JsonRecords(engine),
      erasure: new JsonErasure(engine, audit),
      limits,
    });
    this.limits = limits;
  }

  /** Opens (or creates) the store; refuses an unreadable one without touching it. */
  static async open(path: string, options: LowdbStoreOptions = {}): Promise<LowdbStore> {
    return new LowdbStore(await JsonFileStore.open(path, options));
  }

  get path(): string {
    return this.engine.path;
  }

  get historyDir(): string {
    return this.engine.historyDir;
  }

  /** Writes the checkpoint now; for a clean stop (nothing is lost without it). */
  override async close(): Promise<void> {
    await this.limits.close();
    await this.engine.close();
  }

  /** Everything in the store file, for moving it elsewhere (`db import-json`); histories via history(). */
  snapshot(): Promise<StoreData> {
    return this.engine.inQueue(async () => {
      await this.engine.refreshIfChanged();
      return structuredClone(this.engine.data);
    });
  }

  /** One bot serves a JSON store (it holds the bot lock), so a job simply runs. */
  override async runOnce<T>(_job: string, _day: string, _runBy: string, run: () => Promise<T>): Promise<JobOutcome<T>> {
    return { ran: true, result: await run() };
  }
}
