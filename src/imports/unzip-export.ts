// A zip archive holding one export -> that export's bytes. Intune's device export and Microsoft Graph's
// report export jobs hand over a zip with one CSV (or JSON) inside. fflate's streaming unzip finds the
// entries; a deflated entry is inflated by Node's zlib (several times faster than fflate's own inflate)
// with its output capped, so an entry that says it is small and inflates to gigabytes (a zip bomb) is
// stopped at the limit rather than trusted.
import { Unzip, type AsyncFlateStreamHandler, type FlateError, type UnzipDecoder, type UnzipFile } from 'fflate';
import { inflateRawSync } from 'node:zlib';

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

/** Inflated data is handed on in pieces this size: a piece's text is decoded and parsed, then dropped. */
const PIECE_BYTES = 1024 * 1024;

/** An fflate decoder for deflated entries: the compressed bytes gathered, then inflated by zlib, capped. */
function cappedInflate(maxBytes: number, overLimit: string) {
  return class CappedInflate implements UnzipDecoder {
    static compression = 8;
    ondata: AsyncFlateStreamHandler = () => undefined;
    private readonly compressed: Uint8Array[] = [];

    push(chunk: Uint8Array, final: boolean): void {
      // The chunk is fflate's to reuse (its docs say not to keep it): copied.
      this.compressed.push(chunk.slice());
      if (!final) return;
      let inflated: Uint8Array<ArrayBuffer>;
      try {
        const out = inflateRawSync(Buffer.concat(this.compressed), { maxOutputLength: maxBytes + 1 });
        inflated = new Uint8Array(out.buffer, out.byteOffset, out.length);
      } catch (error) {
        const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
        const failed: FlateError = Object.assign(new Error(tooLarge ? overLimit : (error as Error).message), {
          code: 0,
        });
        return this.ondata(failed, new Uint8Array(), true);
      }
      for (let at = 0; at < inflated.length || at === 0; at += PIECE_BYTES)
        this.ondata(null, inflated.subarray(at, at + PIECE_BYTES), at + PIECE_BYTES >= inflated.length);
    }
  };
}

/**
 * The named entry inflated chunk by chunk into `onChunk`, which may return a reason to stop; stopped past
 * `maxBytes` inflated. Null when it was read whole, else why not.
 */
export function streamEntry(
  bytes: Uint8Array,
  name: string,
  maxBytes: number,
  onChunk: (chunk: Uint8Array) => string | void,
): string | null {
  let total = 0;
  let problem: string | null = null;
  let found = false;
  const tooLarge = `“${name}” in the zip archive is over ${maxBytes / 1024 / 1024} MB once unpacked`;
  const unzip = new Unzip();
  unzip.register(cappedInflate(maxBytes, tooLarge));
  unzip.onfile = (file: UnzipFile) => {
    if (file.name !== name || found) return;
    found = true;
    file.ondata = (error, data) => {
      if (problem !== null) return;
      if (error)
        problem =
          error.message === tooLarge ? tooLarge : `the zip archive's “${name}” could not be read (${error.message})`;
      else if ((total += data.length) > maxBytes) problem = tooLarge;
      else problem = onChunk(data) ?? null;
      if (problem !== null) file.terminate();
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
  if (problem !== null) return problem;
  return found ? null : `the zip archive has no “${name}”`;
}

/** The named entry's bytes, inflated up to `maxBytes`; a reason when it is larger or broken. */
function inflateEntry(bytes: Uint8Array, name: string, maxBytes: number): UnzippedExport {
  const chunks: Uint8Array[] = [];
  const problem = streamEntry(bytes, name, maxBytes, (chunk) => void chunks.push(chunk));
  if (problem !== null) return { ok: false, reason: problem };
  return { ok: true, bytes: Buffer.concat(chunks), name };
}

/** An Excel workbook (.xlsx) is a zip of XML parts: read-workbook.ts reads it. */
export const isWorkbook = (names: readonly string[]): boolean =>
  names.includes('[Content_Types].xml') && names.includes('xl/workbook.xml');

/** The one CSV, TSV, text or JSON file in the archive (`names`: its entries); why not, when there is none or several. */

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
