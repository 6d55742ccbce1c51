// eolwatch's own JSON export (`inventory export --format json`) -> rows like its CSV export's, so
// either file imports back.
import type { ReadRows } from './read-export-rows.js';

export const looksLikeJson = (text: string): boolean => /^\s*[{[]/.test(text);

export function readJsonExport(text: string): ReadRows {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file starts like JSON but is not valid JSON' };
  }
  const counts = (json as { counts?: unknown } | null)?.counts;
  if (!Array.isArray(counts)) return { ok: false, reason: 'the JSON file has no “counts” list (eolwatch’s own export has one)' };
  const records = counts.map((item: unknown, index) => {
    const row = (item ?? {}) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
    return { line: index + 1, fields: [text(row.product), text(row.release ?? row.label), text(row.count)] };
  });
  return { ok: true, rows: { header: ['product', 'release', 'count'], records } };
}
