// A device export's bytes -> text, as Windows tools write them: UTF-8 with or without a BOM,
// UTF-16 with a BOM (PowerShell 5.1's `>`), or Windows-1252 from older tools. Files that are plainly
// not text (an image, a zip, an Excel workbook) are named as what they are.

export type DecodedExport = { ok: true; text: string } | { ok: false; reason: string };

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive or an Excel workbook (save it as CSV first)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel (.xls) workbook (save it as CSV first)' },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  prefix.every((byte, index) => bytes[index] === byte);

export function decodeExport(bytes: Uint8Array): DecodedExport {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  const signature = SIGNATURES.find(({ bytes: prefix }) => startsWith(bytes, prefix));
  if (signature) return { ok: false, reason: `the file is ${signature.what}, not a CSV file` };
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  // Text never holds a NUL byte; UTF-16 without its BOM is not something Windows tools write.
  if (body.includes(0)) return { ok: false, reason: 'the file is not text (it holds binary data), not a CSV file' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(body) };
  }
}
