// A TCP proxy in front of PostgreSQL, for what a store's traffic costs: it counts the round trips
// (each ends with the server's ReadyForQuery message) and can hold every chunk a while each way, as
// a database across a network does (bench/pg-network-delay.ts).
import { connect, createServer, type Socket } from 'node:net';

export interface PostgresProxy {
  /** `url` with its server replaced by this proxy. */
  via: (url: string) => string;
  /** ReadyForQuery messages the server has sent through the proxy: one for each round trip. */
  roundTrips: () => number;
  close: () => Promise<void>;
}

/** Counts a backend stream's ReadyForQuery ('Z') messages: each message is a type byte, then its length. */
function readyForQueryCounter(): (chunk: Buffer) => number {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    let count = 0;
    while (pending.length >= 5) {
      const size = 1 + pending.readUInt32BE(1);
      if (pending.length < size) break;
      if (pending[0] === 0x5a) count += 1;
      pending = pending.subarray(size);
    }
    return count;
  };
}

export async function postgresProxy(url: string, delayMs = 0): Promise<PostgresProxy> {
  const server = new URL(url);
  const sockets = new Set<Socket>();
  let roundTrips = 0;
  const later = (work: () => void) => (delayMs > 0 ? setTimeout(work, delayMs) : work());
  const relay = (from: Socket, to: Socket, onChunk?: (chunk: Buffer) => void) => {
    from.on('data', (chunk: Buffer) => {
      onChunk?.(chunk);
      later(() => to.write(chunk));
    });
    from.on('close', () => later(() => to.destroy()));
    from.on('error', () => to.destroy());
  };
  const proxy = createServer((client) => {
    const upstream = connect(Number(server.port || 5432), server.hostname);
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
    const counter = readyForQueryCounter();
    relay(client, upstream);
    relay(upstream, client, (chunk) => (roundTrips += counter(chunk)));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as { port: number };
  return {
    via: (target) => {
      const through = new URL(target);
      through.hostname = '127.0.0.1';
      through.port = String(port);
      return through.toString();
    },
    roundTrips: () => roundTrips,
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
