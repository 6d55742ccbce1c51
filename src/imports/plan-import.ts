// A device export's bytes -> what importing it would set: counts per release, the rows whose
// edition was guessed, and the values nothing was found for. Pure: no file, store or Slack.
import { formatCount } from '../leaf/format-count.js';
import type { Release } from '../catalog/catalog.js';
import type { Resolver } from '../catalog/resolve-name.js';
import { MAX_COUNT } from '../inventory/inventory-store.js';
import { parseCount } from '../inventory/parse-count.js';
import { isTotalLabel } from '../inventory/total-label.js';
import { MAX_IMPORT_BYTES, TOO_LARGE } from './import-limits.js';
import { isWorkbook, isZip, unzipExport, zipEntryNames } from './unzip-export.js';
import { readWorkbook } from './read-workbook.js';
import { decodeExport } from './decode-export.js';
import { detectExportFormat, type ExportFormat } from './detect-export-format.js';
import {
  createDeviceMapper,
  deviceText,
  systemOfPlatform,
  type DeviceFields,
  type DeviceMapping,
} from './map-device.js';
import { readExportRows, type ExportRecord, type ReadRows, type RowVisitor } from './read-export-rows.js';
import { looksLikeJson, readJsonExport } from './read-json-export.js';

export interface ImportPlan {
  format: ExportFormat;
  /** Data rows read (a summary's rows, or devices). */
  rows: number;
  /** Machines counted under a release. */
  devices: number;
  counts: { release: Release; count: number }[];
  /** Rows counted under the edition whose support ends first, by the value the file gave. */
  guessed: { value: string; release: Release; rows: number }[];
  /** Values nothing was found for, most rows first, and how many machines they stand for. */
  unrecognised: { value: string; rows: number }[];
}

export type ImportPlanning = { ok: true; plan: ImportPlan } | { ok: false; reason: string };

export interface PlanImportDeps {
  resolve: Resolver;
  releaseByKey: (key: string) => Release | undefined;
}

const keyOf = (release: Release) => `${release.productName}/${release.name}`;

class Tally {
  readonly counts = new Map<string, { release: Release; count: number }>();
  readonly guessed = new Map<string, { value: string; release: Release; rows: number }>();
  readonly unrecognised = new Map<string, number>();
  devices = 0;

  add(release: Release, count: number): boolean {
    const entry = this.counts.get(keyOf(release)) ?? { release, count: 0 };
    entry.count += count;
    this.counts.set(keyOf(release), entry);
    this.devices += count;
    return entry.count <= MAX_COUNT;
  }

  plan(format: ExportFormat, rows: number): ImportPlan {
    return {
      format,
      rows,
      devices: this.devices,
      counts: [...this.counts.values()].sort(
        (a, b) => b.count - a.count || keyOf(a.release).localeCompare(keyOf(b.release)),
      ),
      guessed: [...this.guessed.values()].sort((a, b) => b.rows - a.rows),
      unrecognised: [...this.unrecognised]
        .map(([value, rows]) => ({ value, rows }))
        .sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value)),
    };
  }
}

const tooMany = (release: Release) =>
  `more than ${formatCount(MAX_COUNT)} machines on ${release.productLabel} ${release.label}; counts are ${formatCount(MAX_COUNT)} at most`;

/** Different operating system names no release matches, past which an import stops (real fleets have tens). */
export const MAX_DISTINCT_UNRECOGNISED = 500;

const field = (fields: readonly string[], index: number | null) => (index === null ? '' : (fields[index] ?? '').trim());

/** One row's machines, counted in the tally; a reason when the row is wrong. */
function countRecord(
  format: ExportFormat,
  { line, fields }: ExportRecord,
  tally: Tally,
  deps: PlanImportDeps,
  mapDevice: (fields: DeviceFields) => DeviceMapping,
): string | void {
  let count = 1;
  let device: DeviceFields;
  if (format.id === 'summary') {
    // Thousands grouped by spaces or apostrophes ("1 200", "1'200") as spreadsheets write them, by
    // commas, or in thousands ("12k"); "1.200" could be 1.2 or 1,200, and is refused.
    const typed = field(fields, format.columns.count);
    const text = typed.replace(/[ _\u00a0\u202f']/g, '');
    const digits = text.replace(/,/g, '');
    if (/^\d+$/.test(digits) && Number(digits) > MAX_COUNT)
      return `line ${line}: ${formatCount(Number(digits))} is more than ${formatCount(MAX_COUNT)} machines`;
    const parsed = parseCount(text);
    if (parsed === null) return `line ${line}: the count “${typed.slice(0, 40)}” is not a whole number of machines`;
    count = parsed;
    if (count === 0) return;
    const product = field(fields, format.columns.product);
    const release = field(fields, format.columns.release);
    // A spreadsheet's total row ("Grand Total", "Total") sums the rows above it: no release of its own.
    if (product === '' && isTotalLabel(release)) return;
    // Our own export names releases exactly; anything else goes through the resolver.
    const exact = product !== '' ? deps.releaseByKey(`${product}/${release}`) : undefined;
    if (exact) return tally.add(exact, count) ? undefined : tooMany(exact);
    device = { name: product === '' ? release : `${product} ${release}`, qualifiers: [], version: '', build: '' };
  } else {
    const { columns } = format;
    const typedName = field(fields, columns.name) || field(fields, columns.fallbackName ?? null);
    const distribution = field(fields, columns.distribution ?? null);
    const platform = field(fields, columns.platform ?? null);
    // A name column of versions only ("17.6.1"): the platform names the system, the version is its build.
    const versionOnly = platform !== '' && /^[\d.\s]+$/.test(typedName);
    const name = versionOnly ? systemOfPlatform(platform, field(fields, columns.model ?? null)) : typedName;
    device = {
      name:
        name === '' && columns.impliedName
          ? columns.impliedName
          : /^linux$/i.test(name) && distribution !== '' && !/^none$/i.test(distribution)
            ? distribution
            : name,
      qualifiers: columns.qualifiers.map((index) => field(fields, index)),
      version: field(fields, columns.version) || field(fields, columns.fallbackVersion ?? null),
      build: field(fields, columns.build) || (versionOnly ? typedName : ''),
    };
  }
  const mapping = mapDevice(device);
  if (mapping.kind === 'unrecognised') {
    const value = deviceText(device).slice(0, 100) || '(empty)';
    tally.unrecognised.set(value, (tally.unrecognised.get(value) ?? 0) + count);
    // Each new name costs the resolver's full search (milliseconds for a near miss): a file of thousands of
    // them is no device export, and reading it on would hold everyone else up.
    if (tally.unrecognised.size > MAX_DISTINCT_UNRECOGNISED) {
      const first = [...tally.unrecognised.keys()].slice(0, 20).map((name) => `“${name.slice(0, 40)}”`);
      return `too many unrecognised names (over ${formatCount(MAX_DISTINCT_UNRECOGNISED)} different ones; first 20: ${first.join(', ')}). Export the OS name and version columns, or a summary with “release” and “count” columns`;
    }
    return;
  }
  if (!tally.add(mapping.release, count)) return tooMany(mapping.release);
  if (mapping.kind === 'guessed') {
    const value = deviceText(device).slice(0, 100);
    const guess = tally.guessed.get(value) ?? { value, release: mapping.release, rows: 0 };
    guess.rows += count;
    tally.guessed.set(value, guess);
  }
}

/** A text file (CSV, TSV, JSON) as its encoding and shape say. */
function readText(bytes: Uint8Array, visitor: RowVisitor): ReadRows {
  const decoded = decodeExport(bytes);
  if (!decoded.ok) return decoded;
  return looksLikeJson(decoded.text) ? readJsonExport(decoded.text, visitor) : readExportRows(decoded.text, visitor);
}

/**
 * Any import file's rows: an Excel workbook's sheet; the one file in a zip (Intune's device export and
 * Graph's report export jobs come so); or the file itself.
 */
function readFile(bytes: Uint8Array, visitor: RowVisitor): ReadRows {
  if (!isZip(bytes)) return readText(bytes, visitor);
  const names = zipEntryNames(bytes);
  if (!names) return { ok: false, reason: 'the file is a zip archive that could not be read' };
  if (isWorkbook(names)) return readWorkbook(bytes, names, visitor);
  const unzipped = unzipExport(bytes, names, MAX_IMPORT_BYTES);
  return unzipped.ok ? readText(unzipped.bytes, visitor) : unzipped;
}

export function planImport(bytes: Uint8Array, deps: PlanImportDeps): ImportPlanning {
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, reason: TOO_LARGE };
  const tally = new Tally();
  const mapDevice = createDeviceMapper(deps.resolve);
  let format: ExportFormat | null = null;
  const visitor: RowVisitor = {
    header: (header) => {
      format = detectExportFormat(header);
      if (format) return;
      const shown = header
        .slice(0, 6)
        .map((name) => `“${name.slice(0, 40)}”`)
        .join(', ');
      return `no column names an operating system or a release and count (the header row has ${shown}${header.length > 6 ? ', …' : ''}). Export the OS name and version columns, or a summary with “release” and “count” columns`;
    },
    record: (record) => countRecord(format as ExportFormat, record, tally, deps, mapDevice),
  };
  const read = readFile(bytes, visitor);
  if (!read.ok) return read;
  if (!format) return { ok: false, reason: 'the file has no header row and no rows' };
  if (read.records === 0) return { ok: false, reason: 'the file has a header row but no rows' };
  return { ok: true, plan: tally.plan(format, read.records) };
}
