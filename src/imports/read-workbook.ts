// An Excel workbook (.xlsx) -> rows, as its sheet saved as CSV would give them: Lansweeper, ServiceNow
// and people's own spreadsheets and pivot tables are saved so. An .xlsx is a zip of XML parts (ECMA-376):
// the workbook lists its sheets, a relationships part says where each is, the shared strings part holds
// the text, and each sheet its cells. Each part is unpacked by unzip-export.ts (its size capped as it
// inflates) and read as it comes with saxes, a strict streaming XML parser that expands no entities a
// file declares.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { MAX_IMPORT_BYTES } from './import-limits.js';
import {
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  TOO_MANY_ROWS,
  type ReadRows,
  type RowVisitor,
} from './read-export-rows.js';
import { streamEntry } from './unzip-export.js';

/**
 * How large one part may be once inflated. A sheet's XML is two to three times its CSV (a 25 MB export of
 * 100,000 devices is a 60 MB sheet), so four times the import limit; parts are parsed as they inflate and
 * never held whole, and rows past the import's limit are refused.
 */
export const MAX_WORKBOOK_PART_BYTES = 4 * MAX_IMPORT_BYTES;
/** Sheets tried, in the workbook's order, for one whose header names an OS or a release and count. */
const MAX_SHEETS = 20;
/** Rows above the header a sheet may have (a title, a pivot table's filter): the header is among these. */
const HEADER_ROWS = 10;

type Row = string[];
/** A row with a cell that says something, and its number in the sheet (rows with no cells are not written). */
type NumberedRow = { row: Row; line: number };
type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * The XML part's elements, parsed as it inflates (a sheet's XML is about twice its CSV, and need never be
 * held whole); a reason when the part is missing, too large or not XML.
 */
function parsePart(
  zip: Uint8Array,
  name: string,
  maxBytes: number,
  handlers: {
    open?: (tag: SaxesTagPlain) => void;
    close?: (name: string) => void;
    text?: (text: string) => void;
    /** Why to stop reading before the part's end (a sheet past the import's rows). */
    stop?: () => string | null;
  },
): string | null {
  const parser = new SaxesParser();
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.close) parser.on('closetag', (tag) => handlers.close?.(tag.name));
  if (handlers.text) parser.on('text', handlers.text);
  const decoder = new TextDecoder('utf-8');
  const notXml = (error: unknown) =>
    `the workbook's part “${name}” is not well-formed XML (${(error as Error).message.slice(0, 80)})`;
  const problem = streamEntry(zip, name, maxBytes, (chunk) => {
    try {
      parser.write(decoder.decode(chunk, { stream: true }));
    } catch (error) {
      return notXml(error);
    }
    return handlers.stop?.() ?? undefined;
  });
  if (problem !== null) return problem;
  try {
    parser.write(decoder.decode()).close();
  } catch (error) {
    return notXml(error);
  }
  return null;
}

/** The sheets' parts, in the workbook's order: workbook.xml names them, its relationships locate them. */
function sheetParts(zip: Uint8Array, names: readonly string[], maxBytes: number): Parsed<string[]> {
  const ids: string[] = [];
  const workbook = parsePart(zip, 'xl/workbook.xml', maxBytes, {
    open: (tag) => {
      if (tag.name === 'sheet' && tag.attributes.state !== 'hidden' && tag.attributes.state !== 'veryHidden')
        ids.push(tag.attributes['r:id'] ?? '');
    },
  });
  if (workbook) return { ok: false, reason: workbook };
  if (ids.length === 0) return { ok: true, value: [] };
  const targets = new Map<string, string>();
  const relations = parsePart(zip, 'xl/_rels/workbook.xml.rels', maxBytes, {
    open: (tag) => {
      if (tag.name === 'Relationship') targets.set(tag.attributes.Id ?? '', tag.attributes.Target ?? '');
    },
  });
  if (relations) return { ok: false, reason: relations };
  const parts = ids
    .map((id) => targets.get(id) ?? '')
    .filter((target) => target !== '')
    // Targets are relative to xl/ ("worksheets/sheet1.xml"), or absolute in the package ("/xl/…").
    .map((target) => (target.startsWith('/') ? target.slice(1) : `xl/${target}`))
    .filter((part) => names.includes(part));
  return { ok: true, value: parts.slice(0, MAX_SHEETS) };
}

/** The shared strings, by index: a cell of type "s" holds an index into these. Phonetic runs are no text. */
function sharedStrings(zip: Uint8Array, names: readonly string[], maxBytes: number): Parsed<string[]> {
  const strings: string[] = [];
  if (!names.includes('xl/sharedStrings.xml')) return { ok: true, value: strings };
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  const problem = parsePart(zip, 'xl/sharedStrings.xml', maxBytes, {
    open: (tag) => {
      if (tag.name === 'si') current = '';
      else if (tag.name === 'rPh') phonetic += 1;
      else if (tag.name === 't') inText = phonetic === 0;
    },
    close: (name) => {
      if (name === 'si') {
        strings.push(current ?? '');
        current = null;
      } else if (name === 'rPh') phonetic -= 1;
      else if (name === 't') inText = false;
    },
    text: (text) => {
      if (inText && current !== null) current += text;
    },
  });
  return problem ? { ok: false, reason: problem } : { ok: true, value: strings };
}

const isBlank = (row: Row): boolean => row.every((value) => value.trim() === '');

/** "BC12" -> 54 (zero-based column of the cell reference); -1 without letters. Run for every cell. */
function columnOf(reference: string | undefined): number {
  if (reference === undefined) return -1;
  let column = 0;
  let at = 0;
  for (; at < reference.length && at < 3; at += 1) {
    const code = reference.charCodeAt(at);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return at === 0 ? -1 : column - 1;
}

/**
 * A sheet's rows of cell texts, as Excel shows them unformatted; at most one more row than the import
 * takes. The cell being read is kept in plain variables: a sheet has millions of cells.
 */
function sheetRows(zip: Uint8Array, part: string, strings: readonly string[], maxBytes: number): Parsed<NumberedRow[]> {
  const rows: NumberedRow[] = [];
  let row: Row | null = null;
  let line = 0;
  let inCell = false;
  let column = 0;
  let type = 'n';
  let text = '';
  let reading = false;
  const problem = parsePart(zip, part, maxBytes, {
    open: (tag) => {
      const { name } = tag;
      if (name === 'c' && row) {
        const at = columnOf(tag.attributes.r);
        inCell = true;
        column = at === -1 ? row.length : at;
        type = tag.attributes.t ?? 'n';
        text = '';
      } else if (inCell && (name === 'v' || name === 't')) reading = true;
      else if (name === 'row') {
        row = [];
        line = Number(tag.attributes.r) || line + 1;
      }
    },
    close: (name) => {
      if (name === 'v' || name === 't') reading = false;
      else if (name === 'c' && inCell && row) {
        if (column < MAX_IMPORT_COLUMNS)
          row[column] =
            type === 's' ? (strings[Number(text)] ?? '') : type === 'b' ? (text === '1' ? 'TRUE' : 'FALSE') : text;
        inCell = false;
      } else if (name === 'row' && row) {
        const cells = Array.from(row, (value) => value ?? '');
        if (!isBlank(cells) && rows.length <= MAX_IMPORT_ROWS) rows.push({ row: cells, line });
        row = null;
      }
    },
    text: (chunk) => {
      if (reading) text += chunk;
    },
    stop: () => (rows.length > MAX_IMPORT_ROWS ? TOO_MANY_ROWS : null),
  });
  return problem ? { ok: false, reason: problem } : { ok: true, value: rows };
}

/**
 * The workbook's first visible sheet whose header (within its first rows) names an operating system or
 * a release and count, read as that sheet saved as CSV would be; the first sheet's reason otherwise.
 */
export function readWorkbook(
  zip: Uint8Array,
  names: readonly string[],
  visitor: RowVisitor,
  maxBytes = MAX_WORKBOOK_PART_BYTES,
): ReadRows {
  const parts = sheetParts(zip, names, maxBytes);
  if (!parts.ok) return parts;
  if (parts.value.length === 0) return { ok: false, reason: 'the workbook has no sheet to read' };
  const strings = sharedStrings(zip, names, maxBytes);
  if (!strings.ok) return strings;
  let firstReason: string | null = null;
  for (const part of parts.value) {
    const rows = sheetRows(zip, part, strings.value, maxBytes);
    if (!rows.ok) return rows;
    const filled = rows.value;
    if (filled.length > MAX_IMPORT_ROWS) return { ok: false, reason: TOO_MANY_ROWS };
    let start = -1;
    for (const [index, { row }] of filled.slice(0, HEADER_ROWS).entries()) {
      const reason = visitor.header(row);
      if (!reason) {
        start = index;
        break;
      }
      firstReason ??= reason;
    }
    if (start === -1) continue;
    const records = filled.slice(start + 1);
    for (const { row, line } of records) {
      const problem = visitor.record({ line, fields: row });
      if (problem) return { ok: false, reason: problem };
    }
    return { ok: true, records: records.length };
  }
  return { ok: false, reason: firstReason ?? 'the workbook’s sheets are empty' };
}
