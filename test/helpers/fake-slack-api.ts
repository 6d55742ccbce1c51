// A small local stand-in for Slack's Web API (and response_url, and Socket Mode's websocket):
// answers what eolwatch calls and records every call, so tests assert what the bot really sent.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface RecordedCall {
  method: string;
  body: Record<string, unknown>;
  headers: IncomingMessage['headers'];
}

/** Lets a test answer a method its own way (429, an error); return undefined for the default. */
/** `'hang'`: never answer (the client must give up on its own). */
export type Override = (
  call: RecordedCall,
) => { status?: number; headers?: Record<string, string>; body: unknown } | 'hang' | undefined;

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ['blocks', 'metadata']) {
    if (typeof body[key] === 'string') body[key] = JSON.parse(body[key]);
  }
  return body;
}

export class FakeSlackApi {
  readonly calls: RecordedCall[] = [];
  override: Override = () => undefined;
  socket: WebSocket | undefined;
  /** Messages accepted by chat.postMessage, per channel, as conversations.history returns them. */
  readonly accepted = new Map<
    string,
    { ts: string; text: unknown; metadata: unknown; chatter?: boolean; thread_ts?: string; reply_broadcast?: boolean }[]
  >();
  /** When set, a channel accepts one post per this many ms and answers 429 (Retry-After: 1) beyond. */
  channelGapMs: number | null = null;
  private lastAcceptedAt = new Map<string, number>();
  private server: Server;
  private wss: WebSocketServer | undefined;
  private waiters: { method: string; count: number; resolve: () => void }[] = [];
  /** Files people shared, served by files.info and downloaded from their url_private_download. */
  private readonly files = new Map<string, { name: string; bytes: Buffer }>();
  /** Channels the bot has not been invited to, as conversations.info says. */
  readonly notMemberOf = new Set<string>();
  /** Channels shared with another organisation (Slack Connect), as conversations.info says. */
  readonly externallyShared = new Set<string>();
  /** Bytes uploaded through files.uploadV2, by upload number, with what completed them. */
  readonly uploads: {
    bytes: string;
    data?: Buffer;
    filename?: string;
    altText?: string;
    channel?: string;
    comment?: string;
    threadTs?: string;
  }[] = [];

  constructor() {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** A response_url the bot may POST to; calls arrive recorded as method `response`. */
  get responseUrl(): string {
    return `${this.url}/response/1`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves once `count` calls to `method` have arrived. */
  waitFor(method: string, count = 1): Promise<void> {
    if (this.callsTo(method).length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ method, count, resolve }));
  }

  /** Serves Socket Mode: apps.connections.open hands out this websocket, which says hello on connect. */
  enableSocketMode(): void {
    this.wss = new WebSocketServer({ server: this.server, path: '/socket' });
    this.wss.on('connection', (socket) => {
      this.socket = socket;
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
    });
  }

  async stop(): Promise<void> {
    for (const client of this.wss?.clients ?? []) client.terminate();
    this.wss?.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private acceptPost(call: RecordedCall): { status?: number; headers?: Record<string, string>; body: unknown } {
    const channel = String(call.body.channel);
    const now = Date.now();
    const last = this.lastAcceptedAt.get(channel);
    if (this.channelGapMs !== null && last !== undefined && now - last < this.channelGapMs) {
      return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
    }
    this.lastAcceptedAt.set(channel, now);
    const ts = `${1700000000 + this.callsTo('chat.postMessage').length}.000100`;
    const messages = this.accepted.get(channel) ?? [];
    const threading = call.body.thread_ts
      ? { thread_ts: String(call.body.thread_ts), reply_broadcast: String(call.body.reply_broadcast) === 'true' }
      : {};
    messages.push({ ts, text: call.body.text, metadata: call.body.metadata, ...threading });
    this.accepted.set(channel, messages);
    return { body: { ok: true, ts, channel } };
  }

  /** Messages people posted in a channel (no metadata), newer than anything posted so far. */
  addChatter(channel: string, count: number): void {
    const messages = this.accepted.get(channel) ?? [];
    for (let index = 0; index < count; index += 1)
      messages.push({
        ts: `${1800000000 + messages.length}.000200`,
        text: `chatter ${index}`,
        metadata: undefined,
        chatter: true,
      });
    this.accepted.set(channel, messages);
  }

  /** A file as if someone shared it in Slack; the bot can read it with files.info and a download. */
  addFile(id: string, name: string, bytes: Buffer | string): void {
    this.files.set(id, { name, bytes: Buffer.from(bytes) });
  }

  /** Every message accepted, across channels. */
  acceptedPosts(): { channel: string; ts: string; metadata: unknown }[] {
    return [...this.accepted].flatMap(([channel, messages]) =>
      messages.filter((message) => !message.chatter).map((message) => ({ channel, ...message })),
    );
  }

  private defaultAnswer(method: string, call: RecordedCall): unknown {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: 'T1', user: 'eolwatch' };
      case 'apps.connections.open':
        return { ok: true, url: `${this.url.replace('http', 'ws')}/socket` };
      case 'conversations.replies':
      case 'conversations.history': {
        // As Slack pages it: newest first, after `oldest`, `limit` a page (at most 1,000), then a cursor.
        // The history holds top-level messages and broadcast replies; a thread's replies are its own.
        const oldest = Number(call.body.oldest ?? 0);
        const inView = (message: { thread_ts?: string; reply_broadcast?: boolean }) =>
          method === 'conversations.replies'
            ? message.thread_ts === String(call.body.ts)
            : message.thread_ts === undefined || message.reply_broadcast === true;
        const newestFirst = [...(this.accepted.get(String(call.body.channel)) ?? [])]
          .reverse()
          .filter((message) => Number(message.ts) > oldest && inView(message));
        const start = Number(call.body.cursor ?? 0);
        const limit = Math.min(Number(call.body.limit ?? 100), 1000);
        const page = newestFirst.slice(start, start + limit);
        const more = start + limit < newestFirst.length;
        return {
          ok: true,
          messages: page,
          has_more: more,
          response_metadata: { next_cursor: more ? String(start + limit) : '' },
        };
      }
      case 'files.info': {
        const file = this.files.get(String(call.body.file));
        if (!file) return { ok: false, error: 'file_not_found' };
        return {
          ok: true,
          file: {
            id: call.body.file,
            name: file.name,
            size: file.bytes.length,
            url_private_download: `${this.url}/files/${String(call.body.file)}`,
          },
        };
      }
      case 'files.getUploadURLExternal': {
        this.uploads.push({
          bytes: '',
          filename: String(call.body.filename),
          ...(call.body.alt_txt || call.body.alt_text
            ? { altText: String(call.body.alt_txt ?? call.body.alt_text) }
            : {}),
        });
        return {
          ok: true,
          upload_url: `${this.url}/upload/${this.uploads.length - 1}`,
          file_id: `FUP${this.uploads.length - 1}`,
        };
      }
      case 'files.completeUploadExternal': {
        const files = JSON.parse(String(call.body.files)) as { id: string; title?: string }[];
        for (const file of files) {
          const upload = this.uploads[Number(file.id.slice(3))];
          if (upload)
            Object.assign(upload, {
              channel: call.body.channel_id,
              comment: call.body.initial_comment,
              ...(call.body.thread_ts ? { threadTs: String(call.body.thread_ts) } : {}),
            });
        }
        return { ok: true, files };
      }
      case 'conversations.info':
        return {
          ok: true,
          channel: {
            id: call.body.channel,
            is_ext_shared: this.externallyShared.has(String(call.body.channel)),
            is_member: !this.notMemberOf.has(String(call.body.channel)),
          },
        };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(call.body.users)}` } };
      case 'conversations.join':
        return { ok: false, error: 'missing_scope' };
      case 'response':
        return 'ok';
      default:
        return { ok: true };
    }
  }

  /** Downloads of shared files (bot token required) and the upload step of files.uploadV2. */
  private serveFile(path: string, body: Buffer, req: IncomingMessage, res: ServerResponse): boolean {
    const download = /^\/files\/([^/?]+)/.exec(path);
    if (download) {
      const file = this.files.get(download[1] as string);
      const authorised = req.headers.authorization?.startsWith('Bearer xoxb-');
      res.writeHead(file && authorised ? 200 : authorised ? 404 : 403, { 'content-type': 'application/octet-stream' });
      res.end(file && authorised ? file.bytes : '');
      return true;
    }
    const upload = /^\/upload\/(\d+)/.exec(path);
    if (upload) {
      const record = this.uploads[Number(upload[1])];
      // The Web API client sends the bytes as a multipart form (one file part), as Slack accepts.
      const type = req.headers['content-type'] ?? '';
      const bytes = type.startsWith('multipart/form-data')
        ? new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData().then(async (form) => {
            const part = [...form.values()][0];
            return typeof part === 'string' || part === undefined
              ? Buffer.from(part ?? '')
              : Buffer.from(await part.arrayBuffer());
          })
        : Promise.resolve(body);
      void bytes.then((data) => {
        if (record) Object.assign(record, { bytes: data.toString('utf8'), data });
        res.writeHead(record ? 200 : 404, { 'content-type': 'text/plain' });
        res.end('OK');
      });
      return true;
    }
    return false;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let raw = '';
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      raw = bytes.toString('utf8');
      const path = req.url ?? '';
      if (this.serveFile(path, bytes, req, res)) return;
      const method = path.startsWith('/response/') ? 'response' : (path.replace(/^\/api\//, '').split('?')[0] ?? '');
      const call = { method, body: parseBody(raw, req.headers['content-type']), headers: req.headers };
      this.calls.push(call);
      const overridden = this.override(call);
      if (overridden === 'hang') return;
      const custom = overridden ?? (method === 'chat.postMessage' ? this.acceptPost(call) : undefined);
      const body = custom ? custom.body : this.defaultAnswer(method, call);
      res.writeHead(custom?.status ?? 200, {
        'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
        ...custom?.headers,
      });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
      this.waiters = this.waiters.filter((waiter) => {
        if (waiter.method !== method || this.callsTo(method).length < waiter.count) return true;
        waiter.resolve();
        return false;
      });
    });
  }
}
