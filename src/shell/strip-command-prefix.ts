// In the shell, "/eol windows-8.1" and "windows-8.1" mean the same.

export function stripCommandPrefix(line: string): string {
  return line.trim().replace(/^\/eol(?:\s+|$)/i, '');
}
