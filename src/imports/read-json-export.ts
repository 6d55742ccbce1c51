// eolwatch's own JSON export (`inventory export --format json`) -> rows like its CSV export's, so
// either file imports back.
import type { ReadRows, RowVisitor } from './read-export-rows.js';

export const looksLikeJson = (text: string): boolean => /^\s*[{[]/.test(text);

export function readJsonExport(text: string, visitor: RowVisitor): ReadRows {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file starts like JSON but is not valid JSON' };
  }
  const counts = (json as { counts?: unknown } | null)?.counts;
  if (!Array.isArray(counts))
    return { ok: false, reason: 'the JSON file has no “counts” list (eolwatch’s own export has one)' };
  const asText = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  const stop = visitor.header(['product', 'release', 'count']);
  if (stop) return { ok: false, reason: stop };
  for (const [index, item] of counts.entries()) {
    const row = (item ?? {}) as Record<string, unknown>;
    const problem = visitor.record({
      line: index + 1,
      fields: [asText(row.product), asText(row.release ?? row.label), asText(row.count)],
    });
    if (problem) return { ok: false, reason: problem };
  }
  return { ok: true, records: counts.length };
}
