// Replicas tell each other that contracts changed: a NOTIFY after each change, heard by every process on
// one LISTEN connection of its own, so each drops the contracts it keeps at once rather than within
// their second. While the connection is down (a restart of the server, a network cut) a process keeps
// nothing it could not hear about, and connects again.
import { EventEmitter } from 'node:events';
import pg from 'pg';

const RECONNECT_MS = 1000;

/** Emits 'notice' for each change announced by any process, this one included; 'lost' when it stops hearing them. */
export class ChangeNotices extends EventEmitter {
  /** True while this process hears every replica's notices: only then may it keep what they change. */
  listening = false;
  private client: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;

  /** `channel`: one per schema, so deployments sharing a database keep apart. */
  private constructor(
    private readonly connectionString: string,
    readonly channel: string,
  ) {
    super();
  }

  /** Listening before it returns when the server answers; otherwise trying again in the background. */
  static async start(connectionString: string, schema: string): Promise<ChangeNotices> {
    const notices = new ChangeNotices(connectionString, `eolwatch_contracts_${schema}`.slice(0, 63));
    await notices.listen();
    return notices;
  }

  /** Tells every process (this one too) that something it keeps changed; after the change has committed. */
  async announce(pool: pg.Pool): Promise<void> {
    await pool.query("SELECT pg_notify($1, '')", [this.channel]);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    this.retry = null;
    const client = new pg.Client({
      connectionString: this.connectionString,
      keepAlive: true,
      application_name: 'eolwatch change notices',
    });
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.emit('notice');
    });
    client.on('error', () => this.lose(client));
    client.on('end', () => this.lose(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
    } catch {
      this.lose(client);
      return;
    }
    if (this.closed) return void (await client.end().catch(() => undefined));
    this.client = client;
    this.listening = true;
  }

  private lose(client: pg.Client): void {
    if (this.client !== null && this.client !== client) return; // an older connection's last words
    this.client = null;
    client.end().catch(() => undefined);
    if (this.listening) {
      this.listening = false;
      this.emit('lost');
    }
    if (!this.closed && !this.retry) {
      this.retry = setTimeout(() => void this.listen(), RECONNECT_MS);
      this.retry.unref();
    }
  }
}
