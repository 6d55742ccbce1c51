// Where the catalogue in use came from, and how its refreshes went: for `/eol status` and the
// "data is old" warning.

export interface CatalogInfo {
  source: 'bundled snapshot' | 'cached refresh' | 'refresh';
  url: string;
  /** When endoflife.date generated the data (ISO date-time). */
  generatedAt: string;
  lastRefreshAt: string | null;
  lastError: { at: string; reason: string } | null;
  /** Changes each time a new catalogue is swapped in. */
  generation: number;
}

/** Answers warn once the data is older than this. */
export const STALE_AFTER_DAYS = 30;
