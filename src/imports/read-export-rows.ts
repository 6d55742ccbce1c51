// Export text -> its header and records, with the file line each record starts on. Reads what Excel
// and PowerShell write: a `sep=;` first line, PowerShell's `#TYPE` line, comma, semicolon or tab
// delimiters, quoted fields with delimiters and line breaks inside, CRLF. Parsing is Papa Parse's.
import { formatCount } from '../leaf/format-count.js';
import { unescapeFormula } from '../leaf/csv.js';
import { papaParse } from '../leaf/papa-parse.js';

export const MAX_IMPORT_ROWS = 500_000;
/**
 * Columns taken from a JSON device list or a workbook, in the order first seen. Jamf Pro's whole inventory
 * (every section) has about 150; a bound keeps a file of made-up fields from costing rows × columns without end.
 */
export const MAX_IMPORT_COLUMNS = 300;
/** Why a file of more rows than that is refused, whatever its format. */
export const TOO_MANY_ROWS = `the file has more than ${formatCount(MAX_IMPORT_ROWS)} rows; split it, or import a summary of release and count`;

export interface ExportRecord {
  line: number;
  fields: string[];
}

/** Called with the header row once, then each record; a returned reason stops the reading. */
export interface RowVisitor {
  header(names: string[]): string | void;
  record(record: ExportRecord): string | void;
}

export type ReadRows = { ok: true; records: number } | { ok: false; reason: string };

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter the header line uses most, counting outside quotes; a comma when it has none. */
function headerDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string = ',';
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

const newlinesIn = (fields: readonly string[]): number =>
  fields.reduce((sum, field) => (field.includes('\n') ? sum + field.split('\n').length - 1 : sum), 0);
const isBlank = (fields: readonly string[]): boolean => fields.every((field) => field.trim() === '');

/**
 * Reads row by row (Papa Parse's step mode), so a 100,000-device export is never held as arrays of
 * every field: only what the visitor keeps stays in memory.
 */
export function readExportRows(text: string, visitor: RowVisitor): ReadRows {
  let skippedLines = 0;
  let delimiter: string | null = null;
  let body = text;
  const dropFirstLine = () => {
    const newline = body.indexOf('\n');
    body = newline === -1 ? '' : body.slice(newline + 1);
    skippedLines += 1;
  };
  const sep = /^sep=(.)\s*$/i.exec(body.slice(0, body.search(/\r?\n|$/)));
  if (sep) {
    delimiter = sep[1] as string;
    dropFirstLine();
  }
  if (/^#TYPE\b/i.test(body.slice(0, 6))) dropFirstLine();
  while (/^[ \t]*\r?\n/.test(body)) dropFirstLine();
  if (body.trim() === '') return { ok: false, reason: 'the file has no header row and no rows' };
  delimiter ??= headerDelimiter(body.slice(0, body.search(/\r?\n|$/)));
  let line = skippedLines + 1;
  let seenHeader = false;
  let records = 0;
  let stop: string | null = null;
  papaParse().parse<string[]>(body, {
    delimiter,
    quoteChar: '"',
    skipEmptyLines: false,
    step: (results, parser) => {
      // A cell eolwatch's own export wrote as data ("'=…") is read as the text it was.
      const fields = results.data.map(unescapeFormula);
      const startLine = line;
      line += 1 + newlinesIn(fields);
      if (results.errors.some((error) => error.code === 'MissingQuotes')) {
        stop = `a quoted field is never closed (line ${startLine}): the file looks cut off or is not a CSV file`;
      } else if (!seenHeader) {
        seenHeader = true;
        stop = visitor.header(fields.map((name) => name.trim())) ?? null;
      } else if (!isBlank(fields)) {
        records += 1;
        stop = records > MAX_IMPORT_ROWS ? TOO_MANY_ROWS : (visitor.record({ line: startLine, fields }) ?? null);
      }
      if (stop !== null) parser.abort();
    },
  });
  if (stop !== null) return { ok: false, reason: stop };
  return { ok: true, records };
}
