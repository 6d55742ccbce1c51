// One spelling for names as people type them: `Windows-8.1`, `windows_8.1` and `WINDOWS 8.1` compare equal.

export function normalizeName(text: string): string {
  return text
    .normalize('NFKC')
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
