// A JSON file -> rows, as its CSV would give them: eolwatch's own export (`inventory export --format
// json`, a "counts" list), a report table as Graph's Intune reports give it ("Schema" and "Values"), or a
// device list as the device managers' APIs answer it: Microsoft Graph's managedDevices ("value"), Jamf
// Pro's computers-inventory ("results"), or a bare list. A device's
// nested fields become columns named by their path ("operatingSystem.version"), so the same columns
// are recognised as in a CSV export.
import {
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  TOO_MANY_ROWS,
  type ReadRows,
  type RowVisitor,
} from './read-export-rows.js';

export const looksLikeJson = (text: string): boolean => /^\s*[{[]/.test(text);

/** Where a device list sits in the answers of the APIs people save: Graph, Jamf Pro, others. */
const LIST_KEYS = ['value', 'results', 'devices', 'computers', 'items', 'data'];
/** Nested fields deeper than this are no device columns (Jamf's extension attributes and the like). */
const MAX_DEPTH = 3;
/** The devices whose fields name the columns: an API's answer gives every device the same fields. */
const HEADER_DEVICES = 1000;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asText = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

/** A device's fields by path: {"operatingSystem": {"name": "macOS"}} -> "operatingSystem.name" = "macOS". */
function flatten(
  item: Record<string, unknown>,
  into = new Map<string, string>(),
  prefix = '',
  depth = 1,
): Map<string, string> {
  for (const [key, value] of Object.entries(item)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (isObject(value)) {
      if (depth < MAX_DEPTH) flatten(value, into, path, depth + 1);
    } else into.set(path, asText(value));
  }
  return into;
}

function deviceList(json: unknown): Record<string, unknown>[] | null {
  const list = Array.isArray(json)
    ? json
    : isObject(json)
      ? LIST_KEYS.map((key) => json[key]).find((value) => Array.isArray(value))
      : undefined;
  return Array.isArray(list) && list.length > 0 && list.every(isObject) ? list : null;
}

export function readJsonExport(text: string, visitor: RowVisitor): ReadRows {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the file starts like JSON but is not valid JSON' };
  }
  const counts = isObject(json) ? json.counts : undefined;
  if (Array.isArray(counts)) return readCounts(counts, visitor);
  const table = reportTable(json);
  if (table) return readTable(table, visitor);
  const devices = deviceList(json);
  if (!devices)
    return {
      ok: false,
      reason:
        'the JSON file has no “counts” list (eolwatch’s own export has one), no report table (“Schema” and “Values”, as Intune’s report exports) and no list of devices (as Microsoft Graph’s “value” or Jamf Pro’s “results”)',
    };
  return readDevices(devices, visitor);
}

/**
 * Microsoft Graph's Intune reports (an export job in JSON, `getCachedReport` and the like): the columns in
 * "Schema" ({"Column": "OSVersion", "PropertyType": "String"}), the rows in "Values", each a list.
 */
function reportTable(json: unknown): { columns: string[]; rows: unknown[][] } | null {
  if (!isObject(json) || !Array.isArray(json.Schema) || !Array.isArray(json.Values)) return null;
  const columns = json.Schema.map((column) => (isObject(column) ? asText(column.Column) : ''));
  const rows = json.Values;
  return rows.every((row) => Array.isArray(row)) ? { columns, rows: rows as unknown[][] } : null;
}

function readTable({ columns, rows }: { columns: string[]; rows: unknown[][] }, visitor: RowVisitor): ReadRows {
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, reason: TOO_MANY_ROWS };
  const stop = visitor.header(columns.slice(0, MAX_IMPORT_COLUMNS));
  if (stop) return { ok: false, reason: stop };
  for (const [index, row] of rows.entries()) {
    const problem = visitor.record({ line: index + 1, fields: row.slice(0, MAX_IMPORT_COLUMNS).map(asText) });
    if (problem) return { ok: false, reason: problem };
  }
  return { ok: true, records: rows.length };
}

function readCounts(counts: unknown[], visitor: RowVisitor): ReadRows {
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

function readDevices(devices: Record<string, unknown>[], visitor: RowVisitor): ReadRows {
  if (devices.length > MAX_IMPORT_ROWS) return { ok: false, reason: TOO_MANY_ROWS };
  const columns = new Map<string, number>();
  for (const device of devices.slice(0, HEADER_DEVICES))
    for (const key of flatten(device).keys())
      if (!columns.has(key) && columns.size < MAX_IMPORT_COLUMNS) columns.set(key, columns.size);
  const stop = visitor.header([...columns.keys()]);
  if (stop) return { ok: false, reason: stop };
  for (const [index, device] of devices.entries()) {
    // Only the fields the device has: a column it lacks reads as empty.
    const fields: string[] = [];
    for (const [key, value] of flatten(device)) {
      const column = columns.get(key);
      if (column !== undefined) fields[column] = value;
    }
    const problem = visitor.record({ line: index + 1, fields });
    if (problem) return { ok: false, reason: problem };
  }
  return { ok: true, records: devices.length };
}
