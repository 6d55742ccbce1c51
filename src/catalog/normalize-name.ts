// One spelling for names as people type them: `Windows-8.1`, `windows_8.1` and `WINDOWS 8.1` compare equal.

// Already one spelling: lower-case words and versions, single spaces. Most catalogue names are, and
// indexing the catalogue normalizes 25,000 of them at every start.
const ALREADY_NORMAL = /^[a-z0-9]+(?:[ .][a-z0-9]+)*$/;
// NFKC changes nothing in printable ASCII.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function normalizeName(text: string): string {
  if (ALREADY_NORMAL.test(text)) return text;
  return (PRINTABLE_ASCII.test(text) ? text : text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[‘’'"()[\]?!;,]/g, ' ')
    .replace(/\.(?=\s|$)/g, ' ') // a full stop; dots inside versions stay
    .replace(/[-_/:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function tokensOf(text: string): string[] {
  const normalized = normalizeName(text);
  return normalized === '' ? [] : normalized.split(' ');
}
