// `db migrate` and `db import-json FILE` for the command line: what was done, as lines to print.
import { existsSync } from 'node:fs';
import { importJsonStore } from './import-json-store.js';
import { PostgresStore } from './postgres-store.js';

export async function runDatabaseCommand(
  args: string[],
  databaseUrl: string,
  schema?: string,
): Promise<{ lines: string[]; ok: boolean }> {
  if (args[0] === 'migrate') {
    const { from, to } = await PostgresStore.migrate(databaseUrl, schema);
    return {
      lines: [
        from === to
          ? `The database is at schema version ${to}: nothing to do.`
          : `Migrated the database from schema version ${from} to ${to}.`,
      ],
      ok: true,
    };
  }
  const file = args[1] ?? '';
  if (!existsSync(file))
    return {
      lines: [`No JSON store at ${file}: give the path of its .json file (its history folder sits beside it).`],
      ok: false,
    };
  const store = await PostgresStore.open(databaseUrl, { schema });
  try {
    const moved = await importJsonStore(file, store);
    const lines = [
      `Imported ${file} into PostgreSQL: ${moved.teams} team(s), ${moved.counts} count(s), ${moved.history} history entr${moved.history === 1 ? 'y' : 'ies'} (${moved.historyAlreadyThere} already there), ${moved.watches} watch(es), ${moved.contracts} contract(s), ${moved.reminders} reminder record(s), ${moved.marks} mark(s), ${moved.apiTokens} API token(s), ${moved.audit} audit entr${moved.audit === 1 ? 'y' : 'ies'}.`,
      ...moved.skippedTeams.map((team) => `Left ${team} as it is: the database has more of its history than the file.`),
    ];
    return { lines, ok: true };
  } finally {
    await store.close();
  }
}
