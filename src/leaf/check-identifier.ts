// Who and where (workspace, channel, user) become keys of stored maps and parts of file paths, so
// every edge checks them the same way: letters, digits, dots, dashes and underscores, starting with a
// letter or digit (so never "." or ".."), at most 64 characters, and never a name every object already
// has ("constructor", "__proto__", "toString"), which would turn a stored map into something else.
// (Slack's ids are capitals and digits; dots stay allowed for the CLI's team names of earlier versions.)

const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && IDENTIFIER.test(value) && !(value in Object.prototype);
}

/** A short reason to refuse, or null when every id is acceptable. */
export function identifierProblem(ids: Readonly<Record<string, unknown>>): string | null {
  for (const [field, value] of Object.entries(ids)) {
    if (value !== undefined && !isIdentifier(value))
      return `${field} must be 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit`;
  }
  return null;
}
