// eolwatch's statements prepared once a connection: node-postgres otherwise sends every parameterised
// statement unnamed, so PostgreSQL parses and plans it again each time (twelve times an inventory
// change). A statement is named after its text the first time it is sent with parameters; texts built
// for their data (multi-row VALUES lists) are many, so past a bound the rest stay unnamed, as before.
import type pg from 'pg';

const MAX_NAMED = 500;
const names = new Map<string, string>();

function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) names.set(text, (name = `eolwatch_${names.size + 1}`));
  return name;
}

/** Makes every parameterised query of the pool's connections a prepared statement. */
export function prepareStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
      if (typeof config !== 'string' || !Array.isArray(values)) return query(config, values, callback);
      const name = nameOf(config);
      return query(name ? { name, text: config } : config, values, callback);
    };
  });
}
