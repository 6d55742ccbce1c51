// The registry is the pipeline's only routing: every kind of request a parser can produce has exactly one
// command that runs it, and the lock rule is declared beside the commands it guards.
import { describe, expect, it } from '@jest/globals';
import { commandList } from '../../src/commands/command-list.js';
import type { Request } from '../../src/commands/command-types.js';
import { handledKinds, runCommand } from '../../src/commands/run-command.js';
import { destinationOf } from '../../src/commands/destination-of.js';
import { parseCommand } from '../../src/commands/parse-command.js';
import { StoreBusyError } from '../../src/inventory/inventory-store.js';
import { MemoryStore } from '../memory-store/memory-store.js';
import { depsAt, SPEAKER } from '../helpers/test-core.js';

// Written out so that a new kind of request fails to compile here until it is listed (and then this
// test fails until a command runs it).
const EVERY_KIND: Record<Request['kind'], true> = {
  lookup: true,
  help: true,
  'inventory-set': true,
  'inventory-set-counts': true,
  'inventory-show': true,
  'inventory-history': true,
  forecast: true,
  calendar: true,
  'calendar-feed': true,
  connectors: true,
  'connector-add': true,
  'connector-sync': true,
  'connector-remove': true,
  'connector-form': true,
  'inventory-clear': true,
  'inventory-import': true,
  'inventory-file': true,
  chart: true,
  export: true,
  'team-name': true,
  report: true,
  watch: true,
  'watch-auto': true,
  unwatch: true,
  watches: true,
  status: true,
  'contract-set': true,
  'contract-remove': true,
  contracts: true,
  admins: true,
  'admins-change': true,
  audit: true,
  forget: true,
  'export-all': true,
  'import-all': true,
  'inventory-sync': true,
  'counts-data': true,
  'channel-lock': true,
  'api-tokens': true,
  'api-token-create': true,
  'api-token-revoke': true,
  'milestone-mark': true,
  invalid: true,
};

describe('the command registry', () => {
  it('runs every kind of request', () => {
    expect(handledKinds().sort()).toEqual(Object.keys(EVERY_KIND).sort());
  });

  it('gives each kind to one command only', () => {
    const owners = commandList.flatMap((definition) => Object.keys(definition.run ?? {}));
    expect(owners.filter((kind, index) => owners.indexOf(kind) !== index)).toEqual([]);
  });

  it('keeps only changes behind a channel lock, each run by the command that declares it', () => {
    for (const definition of commandList)
      for (const kind of definition.lockable ?? []) expect(Object.keys(definition.run ?? {})).toContain(kind);
    expect(commandList.flatMap((definition) => definition.lockable ?? []).sort()).toEqual([
      'contract-remove',
      'contract-set',
      'inventory-set',
      'inventory-set-counts',
      'inventory-sync',
      'team-name',
      'unwatch',
      'watch',
      'watch-auto',
    ]);
  });

  it('keeps requests to admins where the command that runs them says so, and lets admins through', async () => {
    const declared = commandList.flatMap((definition) =>
      Object.keys(definition.adminOnly ?? {}).map((kind) => [definition.name, kind] as const),
    );
    for (const [name, kind] of declared)
      expect([name, Object.keys(commandList.find((d) => d.name === name)?.run ?? {})]).toEqual([
        name,
        expect.arrayContaining([kind]),
      ]);
    const deps = depsAt('2017-06-28', { store: async () => new MemoryStore() });
    const nobody = { ...SPEAKER, user: 'UNOBODY' };
    for (const text of ['forget workspace', 'lock', 'unlock', 'api token create x', 'connectors', 'export all'])
      expect([text, await runCommand(parseCommand(text), deps, nobody)]).toEqual([
        text,
        expect.objectContaining({ kind: 'invalid', reason: expect.stringMatching(/^Only eolwatch admins/) }),
      ]);
    // What anyone may see stays open: their own channel's changes, their channel's calendar.
    for (const text of ['audit', 'calendar'])
      expect(await runCommand(parseCommand(text), deps, nobody)).not.toMatchObject({ kind: 'invalid' });
    expect(await runCommand(parseCommand('audit --format csv'), deps, nobody)).toMatchObject({
      reason: 'Only eolwatch admins export the audit log. `/eol admins` lists them.',
    });
    expect(await runCommand(parseCommand('calendar workspace'), deps, nobody)).toMatchObject({ kind: 'invalid' });
  });

  it('says once where each answer goes that is not a reply, for requests a command runs', () => {
    const declared = commandList.flatMap((definition) => Object.keys(definition.answers ?? {})) as Request['kind'][];
    expect(declared.filter((kind, index) => declared.indexOf(kind) !== index)).toEqual([]);
    for (const kind of declared) expect(handledKinds()).toContain(kind);
    expect(Object.fromEntries(declared.map((kind) => [kind, destinationOf(kind)]))).toEqual({
      'inventory-import': 'form',
      'connector-form': 'form',
      export: 'file',
      chart: 'file',
      'calendar-feed': 'file',
      'export-all': 'direct-file',
      'connector-sync': { later: expect.stringMatching(/^Syncing/) },
    });
    expect(destinationOf('lookup')).toBe('reply');
  });

  it('has one command for each first word', () => {
    const names = commandList.map((definition) => definition.name).filter((name) => name !== '');
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('one error mapper for every entry point', () => {
  const csv = new TextEncoder().encode('release,count\nwindows xp,5\n');
  const busyDeps = () => {
    const store = new MemoryStore();
    store.updateCounts = () => Promise.reject(new StoreBusyError('the store is locked by another process'));
    store.setCounts = () => Promise.reject(new StoreBusyError('the store is locked by another process'));
    return depsAt('2017-06-28', { store: async () => store });
  };

  it.each<[string, Request]>([
    ['a typed count', { kind: 'inventory-set', text: 'windows xp 5' }],
    ['an imported file', { kind: 'inventory-file', file: { name: 'x.csv', bytes: csv }, mode: 'replace' }],
  ])('says a busy store the same way for %s, and why', async (_case, request) => {
    const result = await runCommand(request, busyDeps(), SPEAKER);
    expect(result).toMatchObject({ kind: 'invalid', cause: 'busy' });
    expect(result.kind === 'invalid' && result.reason).toBe(
      'Nothing saved: the inventory is busy with another update. Please try again in a moment.',
    );
  });
});
