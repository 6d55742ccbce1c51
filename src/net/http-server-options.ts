// The limits every HTTP server of eolwatch runs with (Bolt's receiver, the API port, `eolwatch serve`).
import type { ServerOptions } from 'node:http';

/**
 * Node's own limits for the HTTP server: a client has 10 s to send its headers and 15 s for the whole
 * request, headers are capped at 16 KB, and idle keep-alive connections close after 5 s. Node checks
 * those deadlines every 30 s unless told otherwise: every second here, so slow clients go in time.
 * Pass to `app.start(port, HTTP_SERVER_OPTIONS)`; see README "What the HTTP endpoint accepts".
 */
export const HTTP_SERVER_OPTIONS: ServerOptions = {
  headersTimeout: 10_000,
  requestTimeout: 15_000,
  maxHeaderSize: 16 * 1024,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
};
/**
 * A backstop on open connections (each costs a few kilobytes): well above what slow clients can hold
 * within the deadlines, so legitimate requests keep getting in while those are dropped.
 */
export const MAX_CONNECTIONS = 10_000;
