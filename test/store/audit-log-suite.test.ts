// One suite for every AuditLog: entries appended in order, read back per workspace, filtered by
// channel and date, and gone with their workspace; the same in memory, the JSON store and PostgreSQL.
import { describe, expect, it } from '@jest/globals';
import type { AuditEntry } from '../../src/audit/audit-log.js';
import { storeImplementations } from '../helpers/store-implementations.js';

const implementations = await storeImplementations();
const entry = (workspace: string, channel: string | null, at: string, action = 'counts.set'): AuditEntry => ({
  workspace,
  at,
  user: 'U1',
  via: 'slack',
  channel,
  action,
  change: 'Microsoft Windows XP SP3 0 → 5',
  releases: ['windows/5-sp3'],
});

describe.each(implementations)('%s', (_name, openStore) => {
  it('keeps entries in order per workspace, filtered by channel and since a date', async () => {
    const store = await openStore();
    await store.appendAudit(entry('T1', 'C1', '2026-11-01T10:00:00.000Z'));
    await store.appendAudit(entry('T1', 'C2', '2026-11-02T10:00:00.000Z'));
    await store.appendAudit(entry('T2', 'C1', '2026-11-03T10:00:00.000Z'));
    await store.appendAudit(entry('T1', null, '2026-11-04T10:00:00.000Z', 'token.create'));
    expect((await store.auditEntries('T1')).map((e) => e.at.slice(0, 10))).toEqual([
      '2026-11-01',
      '2026-11-02',
      '2026-11-04',
    ]);
    expect(await store.auditEntries('T1', { channel: 'C2' })).toEqual([entry('T1', 'C2', '2026-11-02T10:00:00.000Z')]);
    expect((await store.auditEntries('T1', { since: '2026-11-02' })).map((e) => e.action)).toEqual([
      'counts.set',
      'token.create',
    ]);
    expect(await store.auditEntries('T3')).toEqual([]);
  });

  it('erasing a workspace erases its log, and only its', async () => {
    const store = await openStore();
    await store.appendAudit(entry('TGONE', 'C1', '2026-11-01T10:00:00.000Z'));
    await store.appendAudit(entry('TSTAY', 'C1', '2026-11-01T10:00:00.000Z'));
    await store.forgetWorkspace('TGONE');
    expect(await store.auditEntries('TGONE')).toEqual([]);
    expect(await store.auditEntries('TSTAY')).toHaveLength(1);
  });
});
