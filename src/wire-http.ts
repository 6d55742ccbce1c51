// HTTP servers of our own beside Bolt's: /healthz, and a port for the API and calendar feeds (Socket Mode
// and `eolwatch serve`), with the same limits as the Slack endpoint's.
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { HTTP_SERVER_OPTIONS, MAX_CONNECTIONS } from './net/http-server-options.js';

export function answerHealth(req: IncomingMessage, res: ServerResponse): void {
  const healthy = req.url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD');
  res.writeHead(healthy ? 200 : 404, { 'content-type': 'text/plain' });
  res.end(healthy ? 'ok' : 'Not Found');
}

export async function listen(port: number, handler: RequestListener): Promise<void> {
  const server = createServer(HTTP_SERVER_OPTIONS, handler);
  server.maxConnections = MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, resolve));
  process.once('exit', () => server.close());
}
