// Every store role eolwatch uses, as one store implements them (store/json/lowdb-store.ts, store/postgres/postgres-store.ts).
import type { ApiTokenStore } from './api-tokens/api-token-store.js';
import type { AuditLog } from './audit/audit-log.js';
import type { WorkspaceEraser } from './erasure/workspace-eraser.js';
import type { RoleStore } from './governance/role-store.js';
import type { InstallationRecords } from './installations/installation-records.js';
import type { InventoryStore } from './inventory/inventory-store.js';
import type { JobCoordinator } from './jobs/job-coordinator.js';
import type { RequestLimits } from './requests/request-limits.js';
import type { WatchStore } from './reminders/watch-store.js';

export type EolwatchStore = InventoryStore &
  WatchStore &
  ApiTokenStore &
  InstallationRecords &
  WorkspaceEraser &
  RoleStore &
  AuditLog &
  JobCoordinator &
  RequestLimits;
