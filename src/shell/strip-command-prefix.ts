// In the shell, "/eol windows-8.1", "@eolwatch windows-8.1" and "windows-8.1" mean the same, as a
// slash command, a mention and a direct message do in Slack. Stray control characters (an escape
// sequence from a terminal that is not one) are dropped.

export function stripCommandPrefix(line: string): string {
  return (
    line
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/\x1b\[[0-9;]*[A-Za-z~]|\x1bO[A-Za-z]|[\x00-\x08\x0b-\x1f\x7f]/g, '')
      .trim()
      .replace(/^(?:\/eol|@eolwatch|@eol)(?:\s+|$)/i, '')
  );
}
