// An answer written once, as parts both renderers read: a line of text, or a table. A table is a value:
// Slack draws it as a table block; plain text shows the same rows as the lines that come with it.

export interface TableSpec {
  columns: string[];
  rows: string[][];
  /** Column indexes aligned right (counts). */
  right: number[];
  /** What to say when the table is cut at Slack's limit. */
  more: string;
}

interface TablePart {
  table: TableSpec;
  /** The same rows as lines, for a renderer that draws no tables. */
  lines: string[];
  /** Said under the drawn table: what a cell cannot hold (a person mentioned). */
  notes?: string[];
}

export type AnswerPart = string | TablePart;

/** The parts as lines of text, tables as their lines. */
export function linesOf(parts: readonly AnswerPart[]): string[] {
  return parts.flatMap((part) => (typeof part === 'string' ? [part] : part.lines));
}
