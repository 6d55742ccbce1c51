// eolwatch's statements prepared once a connection: node-postgres otherwise sends every parameterised
// statement unnamed, so PostgreSQL parses and plans it again each time (twelve times an inventory
// change). A statement is named after its text the first time it is sent with parameters; texts built
// for their data (multi-row VALUES lists) are many, so past a bound the rest stay unnamed, as before.
// Statements sent in one round trip with others (a transaction's opening, which takes no parameters)
// are prepared with PREPARE the first time a connection sends them, and run by EXECUTE.
import pg from 'pg';

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

/** A statement of a batch: prepared as `name` with parameters of `types` ("text, text"). */
export interface BatchStatement {
  name: string;
  types: string;
  sql: string;
}

/** A statement of one team's or channel's rows: $1 the workspace, $2 the channel. */
export const teamRefStatement = (name: string, sql: string): BatchStatement => ({ name, types: 'text, text', sql });

const preparedOn = new WeakMap<object, Set<string>>();

/**
 * The SQL that runs each statement with its (literal) arguments in one batch on `client`, with the
 * PREPARE of those this connection has not prepared yet, and `prepared`, to call once the batch ran:
 * a PREPARE outlives the transaction it was sent in, even a rolled-back one. A batch that failed may
 * have stopped before its PREPAREs, so its connection is not reused (the caller discards it).
 */
export function batchOn(
  client: object,
  statements: readonly { statement: BatchStatement; args: readonly string[] }[],
): { sql: string[]; preparing: boolean; prepared: () => void } {
  const known = preparedOn.get(client) ?? new Set<string>();
  const sql: string[] = [];
  const preparing: string[] = [];
  for (const { statement, args } of statements) {
    if (!known.has(statement.name) && !preparing.includes(statement.name)) {
      sql.push(`PREPARE ${statement.name}(${statement.types}) AS ${statement.sql}`);
      preparing.push(statement.name);
    }
    sql.push(`EXECUTE ${statement.name}(${args.map((arg) => pg.escapeLiteral(arg)).join(', ')})`);
  }
  return {
    sql,
    preparing: preparing.length > 0,
    prepared: () => {
      for (const name of preparing) known.add(name);
      preparedOn.set(client, known);
    },
  };
}
