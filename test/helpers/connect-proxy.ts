// A forward proxy that only tunnels (HTTP CONNECT), as corporate proxies do: records every host it was
// asked for and connects it to the same port on 127.0.0.1, so made-up host names resolve to the fakes.
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';

export class ConnectProxy {
  readonly tunnels: string[] = [];
  private readonly server: Server;

  constructor() {
    this.server = createServer((_req, res) => res.writeHead(405).end('CONNECT only'));
    this.server.on('connect', (req, client, head) => {
      const target = req.url ?? '';
      this.tunnels.push(target);
      const port = Number(target.split(':').at(-1));
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
