// eolwatch's statements prepared once a connection: node-postgres otherwise sends every parameterised
// statement unnamed, so PostgreSQL parses and plans it again each time (twelve times an inventory
// change). A statement is named after its text the first time it is sent with parameters; texts built
// for their data (multi-row VALUES lists) are many, so past a bound the rest stay unnamed, as before.
// Statements sent in one round trip with others (a transaction's opening, its last write sent with the
// COMMIT), where the simple protocol takes no parameters, are prepared with PREPARE the first time a
// connection sends them, and run by EXECUTE with their values as literals.
import pg from 'pg';

const MAX_NAMED = 500;

/** Names after the text, `prefix` and a number, for at most MAX_NAMED texts; past that, none. */
function namer(prefix: string): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED) names.set(text, (name = `${prefix}${names.size + 1}`));
    return name;
  };
}

const nameOf = namer('eolwatch_');
// Their own names: node-postgres keeps its own list of what it prepared, which PREPARE does not join.
const closingNameOf = namer('eolwatch_closing_');

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

/** A statement of a batch: prepared as `name` with parameters of `types` ("text, text"; inferred if absent). */
export interface BatchStatement {
  name: string;
  types?: string;
  sql: string;
}

/** A transaction's last write, sent with its COMMIT: a statement and its parameters' values. */
export interface Closing {
  sql: string;
  values: readonly unknown[];
}

/** The closing's statement for a batch, or null once too many texts are named (it is then sent alone). */
export function closingStatement(closing: Closing): BatchStatement | null {
  const name = closingNameOf(closing.sql);
  return name === undefined ? null : { name, sql: closing.sql };
}

// node-postgres's own conversion of a parameter to its text (arrays to array literals, objects to
// JSON), so a value sent as a literal means what it meant as a parameter.
const { prepareValue } = (pg as unknown as { utils: { prepareValue: (value: unknown) => unknown } }).utils;

/** A parameter's value as an SQL literal: NULL, or its text quoted (its type comes from the statement). */
function literalOf(value: unknown): string {
  const text = prepareValue(value);
  if (text === null) return 'NULL';
  if (typeof text !== 'string') throw new Error('only text-like values are sent as literals');
  return pg.escapeLiteral(text);
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
  statements: readonly { statement: BatchStatement; args: readonly unknown[] }[],
): { sql: string[]; preparing: boolean; prepared: () => void } {
  const known = preparedOn.get(client) ?? new Set<string>();
  const sql: string[] = [];
  const preparing: string[] = [];
  for (const { statement, args } of statements) {
    if (!known.has(statement.name) && !preparing.includes(statement.name)) {
      const types = statement.types === undefined ? '' : `(${statement.types})`;
      sql.push(`PREPARE ${statement.name}${types} AS ${statement.sql}`);
      preparing.push(statement.name);
    }
    sql.push(`EXECUTE ${statement.name}(${args.map(literalOf).join(', ')})`);
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
