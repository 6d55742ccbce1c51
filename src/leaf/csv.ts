// CSV as eolwatch writes it: data, never a formula. A cell a spreadsheet would run (=, +, -, @, tab or
// carriage return first, as OWASP lists them) is written with a leading ' (Papa Parse's escapeFormulae),
// and read back without it, so an export imports again to the text it held.
import { papaParse } from './papa-parse.js';

// Papa's own default (/^[=+\-@\t\r].*$/) misses a cell whose formula runs over a line break.
const FORMULA_START = /^[=+\-@\t\r]/;

export function writeCsv(fields: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const data = rows.map((row) => [...row]);
  return `${papaParse().unparse({ fields: [...fields], data }, { newline: '\n', escapeFormulae: FORMULA_START })}\n`;
}

/** A cell written as data ("'=HYPERLINK(…)") as the text it was. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}
