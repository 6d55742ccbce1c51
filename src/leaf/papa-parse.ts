// Papa Parse, loaded the first time CSV is read or written. A question never touches CSV, and
// importing this CommonJS module through ESM (Node's CommonJS loader and export lexer with it) cost
// the command line about 25 ms of its start; a plain require on first use costs nothing until then.
import { createRequire } from 'node:module';

type PapaParse = typeof import('papaparse');

let loaded: PapaParse | undefined;

export function papaParse(): PapaParse {
  loaded ??= createRequire(import.meta.url)('papaparse') as PapaParse;
  return loaded;
}
