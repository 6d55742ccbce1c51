// A table inside an answer's lines: for a renderer that draws tables (Slack's table block), one line
// stands for the whole table; others get the lines the answer writes instead. Cells are plain text.

export interface TableSpec {
  columns: string[];
  rows: string[][];
  /** Column indexes aligned right (counts). */
  right: number[];
  /** What to say when the table is cut at Slack's limit. */
  more: string;
}

const TABLE_LINE = '\u0000table:';

export const tableLine = (table: TableSpec): string => `${TABLE_LINE}${JSON.stringify(table)}`;

export const tableOf = (line: string): TableSpec | null =>
  line.startsWith(TABLE_LINE) ? (JSON.parse(line.slice(TABLE_LINE.length)) as TableSpec) : null;
