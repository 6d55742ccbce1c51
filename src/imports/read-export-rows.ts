// Export text -> its header and records, with the file line each record starts on. Reads what Excel
// and PowerShell write: a `sep=;` first line, PowerShell's `#TYPE` line, comma, semicolon or tab
// delimiters, quoted fields with delimiters and line breaks inside, CRLF. Parsing is csv-parse's.
import { CsvError, parse } from 'csv-parse/sync';

export const MAX_IMPORT_ROWS = 500_000;

export interface ExportRows {
  header: string[];
  records: { line: number; fields: string[] }[];
}

export type ReadRows = { ok: true; rows: ExportRows } | { ok: false; reason: string };

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

function describeCsvError(error: CsvError, skippedLines: number): string {
  const line = (error as CsvError & { lines?: number }).lines;
  const where = typeof line === 'number' ? ` (line ${line + skippedLines})` : '';
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') return `a quoted field is never closed${where}: the file looks cut off or is not a CSV file`;
  if (error.code === 'CSV_MAX_RECORD_SIZE') return `a row is too long${where}: this is not a device export`;
  return `the file could not be read as CSV${where}: ${error.message.replace(/^Invalid [^:]*: /, '').slice(0, 120)}`;
}

export function readExportRows(text: string): ReadRows {
  const lines = text.split(/\r?\n/, 3);
  let skippedLines = 0;
  let delimiter: string | null = null;
  let body = text;
  const dropFirstLine = () => {
    const newline = body.indexOf('\n');
    body = newline === -1 ? '' : body.slice(newline + 1);
    skippedLines += 1;
  };
  const sep = /^sep=(.)\s*$/i.exec(lines[0] ?? '');
  if (sep) {
    delimiter = sep[1] as string;
    dropFirstLine();
  }
  if (/^#TYPE\b/i.test(body.slice(0, 6))) dropFirstLine();
  while (/^[ \t]*\r?\n/.test(body)) dropFirstLine();
  if (body.trim() === '') return { ok: false, reason: 'the file has no header row and no rows' };
  delimiter ??= headerDelimiter(body.slice(0, body.search(/\r?\n|$/)));
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(body, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      max_record_size: 1_000_000,
      // One over the limit, to tell a file at the limit from one past it.
      to: MAX_IMPORT_ROWS + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) return { ok: false, reason: describeCsvError(error, skippedLines) };
    throw error;
  }
  const [head, ...rest] = parsed;
  if (!head) return { ok: false, reason: 'the file has no header row and no rows' };
  if (rest.length > MAX_IMPORT_ROWS) return { ok: false, reason: `the file has more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} rows; split it, or import a summary of release and count` };
  return {
    ok: true,
    rows: {
      header: head.record,
      records: rest.map(({ record, info }) => ({ line: info.lines + skippedLines, fields: record })),
    },
  };
}
