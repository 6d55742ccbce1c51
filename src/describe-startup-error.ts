// One clear line for anything that stops eolwatch from starting, instead of a stack trace.
import { ConfigError } from './config.js';
import { CatalogError } from './catalog/catalog.js';
import { StoreBusyError } from './inventory/inventory-store.js';
import { StoreFileError } from './store/durable-json-file.js';

/** A start that cannot go on, said in one line (e.g. Slack unreachable). */
export class StartupError extends Error {}

interface SlackApiError {
  code?: string;
  data?: { error?: string };
}

export function describeStartupError(error: unknown): string {
  if (
    error instanceof ConfigError ||
    error instanceof CatalogError ||
    error instanceof StoreFileError ||
    error instanceof StartupError
  )
    return error.message;
  if (error instanceof StoreBusyError) return `${error.message}: is another eolwatch starting?`;
  const slack = error as SlackApiError & NodeJS.ErrnoException;
  if (slack.code === 'slack_webapi_platform_error' && slack.data?.error) {
    return `Slack refused the credentials (${slack.data.error}): check SLACK_BOT_TOKEN and SLACK_APP_TOKEN.`;
  }
  if (slack.code === 'slack_webapi_request_error')
    return `cannot reach the Slack Web API (${(error as Error).message}).`;
  if (slack.code === 'EADDRINUSE') return 'the port is already in use: set PORT to a free one.';
  if (slack.code === 'ENOENT' || error instanceof SyntaxError)
    return `cannot read a data file: ${(error as Error).message}`;
  return error instanceof Error ? error.message : String(error);
}
