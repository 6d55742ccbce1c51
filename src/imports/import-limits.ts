// How large an import file may be, whatever its format and wherever it comes from (Slack, the HTTP API,
// the command line): the size is checked before a byte is read where the size is known.
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export const TOO_LARGE = `the file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it, or import a summary of release and count`;
