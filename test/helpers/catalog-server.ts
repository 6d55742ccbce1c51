// A local stand-in for endoflife.date's API: serves a catalogue body with an ETag (gzipped when asked),
// answers 304 to a matching If-None-Match, and can fail the ways the real one does.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export type CatalogServerMode = 'ok' | 'html-404' | 'rate-limited' | 'truncated' | 'hang';

export class CatalogServer {
  body = '';
  mode: CatalogServerMode = 'ok';
  readonly requests: { ifNoneMatch: string | undefined; acceptEncoding: string | undefined }[] = [];
  private server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      this.requests.push({ ifNoneMatch: req.headers['if-none-match'], acceptEncoding: req.headers['accept-encoding'] });
      if (this.mode === 'hang') return; // never answers: the client's timeout must act
      if (this.mode === 'html-404') {
        res
          .writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
          .end('<!DOCTYPE html><html><body>404 Not Found</body></html>');
        return;
      }
      if (this.mode === 'rate-limited') {
        res.writeHead(429, { 'retry-after': '60', 'content-type': 'text/plain' }).end('Too Many Requests');
        return;
      }
      const etag = `"${createHash('sha256').update(this.body).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      const body = this.mode === 'truncated' ? this.body.slice(0, Math.floor(this.body.length / 2)) : this.body;
      const gzip = String(req.headers['accept-encoding'] ?? '').includes('gzip');
      res.writeHead(200, { 'content-type': 'application/json', etag, ...(gzip ? { 'content-encoding': 'gzip' } : {}) });
      res.end(gzip ? this.gzipped(body) : body);
    });
  }

  private lastGzip: { body: string; buffer: Buffer } | null = null;

  /** The body gzipped, computed once per body (a bench serves a 200 MB one several times). */
  gzipped(body = this.body): Buffer {
    if (this.lastGzip?.body !== body) this.lastGzip = { body, buffer: gzipSync(body) };
    return this.lastGzip.buffer;
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/api/v1/products/full`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The bundled catalogue with edits, as a fresh API response. */
export function editedCatalog(
  base: string,
  edit: (data: any) => void,
  generatedAt = '2026-11-20T10:00:00+00:00',
): string {
  const data = JSON.parse(base);
  data.generated_at = generatedAt;
  edit(data);
  return JSON.stringify(data);
}

export function releaseIn(data: any, product: string, release: string): any {
  return data.result.find((p: any) => p.name === product).releases.find((r: any) => r.name === release);
}
