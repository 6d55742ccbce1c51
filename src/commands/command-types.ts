// Requests and results of /eol: plain data shared by every front end (Slack, shell, CLI).
import type { Product, Release } from '../catalog/catalog.js';
import type { Resolver } from '../catalog/resolve-name.js';
import type { Lifecycle } from '../lifecycle/compute-lifecycle.js';
import type { DateTime } from 'luxon';

/** Who is asking, and where: every stored fact is keyed by these. */
export interface Speaker {
  workspace: string;
  channel: string;
  user: string;
}

export interface CommandDeps {
  resolve: Resolver;
  /** The catalogue's own date (ISO date), named in every answer. */
  dataDate: () => string;
  now: () => DateTime;
}

export type Request =
  | { kind: 'lookup'; queries: string[]; asOf: string | null; share: boolean; text: string }
  | { kind: 'help' }
  | { kind: 'invalid'; reason: string };

export interface ReleaseRow {
  release: Release;
  lifecycle: Lifecycle;
}

export type LookupItem =
  | ({ kind: 'release'; query: string; correctedFrom?: string } & ReleaseRow)
  | { kind: 'releases'; query: string; product: Product; rows: ReleaseRow[]; omitted: number; correctedFrom?: string }
  | { kind: 'ambiguous'; query: string; products: { name: string; label: string }[] }
  | { kind: 'not-found'; query: string; suggestions: string[] };

export interface HelpEntry {
  usage: string;
  summary: string;
}

export type Result =
  | { kind: 'lookup'; asOf: string; dataDate: string; items: LookupItem[]; share: boolean; text: string }
  | { kind: 'help'; entries: HelpEntry[] }
  | { kind: 'invalid'; reason: string };

/** Whether the asker got an answer, as opposed to "not found" or a bad request (CLI exit status). */
export function isAnswered(result: Result): boolean {
  if (result.kind === 'invalid') return false;
  if (result.kind === 'lookup') return result.items.every((item) => item.kind === 'release' || item.kind === 'releases');
  return true;
}
