// A zip archive holding one export -> that export's bytes. Intune's device export and Microsoft Graph's
// report export jobs hand over a zip with one CSV (or JSON) inside. Read with fflate's streaming unzip,
// counting what it inflates, so an entry that says it is small and inflates to gigabytes (a zip bomb)
// is stopped at the import limit rather than trusted.
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';

export type UnzippedExport = { ok: true; bytes: Uint8Array; name: string } | { ok: false; reason: string };

const DATA_FILE = /\.(?:csv|tsv|txt|json)$/i;
// macOS's Finder adds "__MACOSX/._name" beside each file it zips: resource forks, not data.
const SIDE_FILE = /(?:^|\/)__MACOSX\/|(?:^|\/)\._/;
const MAX_ENTRIES = 1000;

export const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Every entry's name, in order, without inflating any; null when the archive cannot be read. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  const unzip = new Unzip((file) => {
    if (names.length < MAX_ENTRIES) names.push(file.name);
  });
  try {
    unzip.push(bytes, true);
  } catch {
    return null;
  }
  return names;
}

/** The named entry's bytes, inflated up to `maxBytes`; a reason when it is larger or broken. */
export function inflateEntry(bytes: Uint8Array, name: string, maxBytes: number): UnzippedExport {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let problem: string | null = null;
  let found = false;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    if (file.name !== name || found) return;
    found = true;
    file.ondata = (error, data) => {
      if (problem !== null) return;
      if (error) problem = `the zip archive's “${name}” could not be read (${error.message})`;
      else if ((total += data.length) > maxBytes) {
        problem = `“${name}” in the zip archive is over ${maxBytes / 1024 / 1024} MB once unpacked`;
        file.terminate();
      } else chunks.push(data);
    };
    try {
      file.start();
    } catch {
      problem = `“${name}” in the zip archive is packed in a way I cannot read: unpack it and send the file itself`;
    }
  };
  try {
    unzip.push(bytes, true);
  } catch (error) {
    problem ??= `the zip archive could not be read (${(error as Error).message})`;
  }
  if (problem !== null) return { ok: false, reason: problem };
  if (!found) return { ok: false, reason: `the zip archive has no “${name}”` };
  const joined = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes: joined, name };
}

/** The one CSV, TSV, text or JSON file in the archive (`names`: its entries); why not, when there is none or several. */
/** An Excel workbook (.xlsx) is a zip of XML parts: read-workbook.ts reads it. */
export const isWorkbook = (names: readonly string[]): boolean =>
  names.includes('[Content_Types].xml') && names.includes('xl/workbook.xml');

export function unzipExport(bytes: Uint8Array, names: readonly string[], maxBytes: number): UnzippedExport {
  const data = names.filter((entry) => DATA_FILE.test(entry) && !SIDE_FILE.test(entry));
  if (data.length === 0) return { ok: false, reason: 'the file is a zip archive with no CSV or JSON file in it' };
  if (data.length > 1) {
    const shown = data.slice(0, 5).map((entry) => `“${entry.slice(0, 60)}”`);
    return {
      ok: false,
      reason: `the zip archive holds ${data.length} files (${shown.join(', ')}${data.length > 5 ? ', …' : ''}): import them one at a time`,
    };
  }
  return inflateEntry(bytes, data[0] as string, maxBytes);
}
