import { Client, Pool } from 'pg';
import type { WakeSource } from '../catch-up-subscription';

/** The channel on which appends announce their commits to other processes (ADR 4). */
export const NOTIFY_CHANNEL = 'haven_event_store';

/**
 * Wakes other processes' subscribers after commits, with at most one notification per interval
 * (docs/adr/0004). A NOTIFY inside every append would take PostgreSQL's cluster-wide notify lock
 * through each commit's disk flush and so serialise the writers. So one append per interval
 * carries the notification in its own statement (`claim`: only transactions that notify wait on
 * that lock, and here that is one per interval); it announces everything committed before it.
 * Commits after it are announced by the next append that carries one or, when none starts within
 * a grace period after the interval, by a NOTIFY sent on a connection of its own without waiting
 * for a flush. Polling covers a lost one. (Subscriptions of the appending store itself are woken
 * directly: NotificationListener.wakeLocal.)
 */
export class CommitNotifier {
  private timer: NodeJS.Timeout | null = null;
  private sending: Promise<void> | null = null;
  /** Commits that no notification has announced yet. */
  private unannounced = false;
  /** When the last notification was claimed by an append, or sent. */
  private lastAt = 0;
  private readonly graceMs: number;
  readonly statistics = { carried: 0, sent: 0 };
  // Its own connection, so that a notification never waits for, or delays, an append.
  private readonly pool: Pool;

  constructor(
    connectionString: string,
    /**
     * At most one notification per interval. A NOTIFY of its own costs a round trip and a
     * transaction: at 3 ms apart they added 50–100 µs of client CPU to each append of a busy
     * writer; at 10 ms, still about 25 µs to each append of a single writer.
     */
    private readonly intervalMs = 10,
  ) {
    // Long enough for a busy writer's next append to start and carry the notification.
    this.graceMs = intervalMs / 2;
    this.pool = new Pool({ connectionString, max: 1, options: '-c synchronous_commit=off' });
    this.pool.on('error', () => undefined);
  }

  /**
   * True when the append about to run should carry the notification: none was claimed or sent
   * within the interval, and none is being sent. If it then does not commit, call `lost`.
   */
  claim(): boolean {
    const now = Date.now();
    if (this.sending || now < this.lastAt + this.intervalMs) return false;
    this.lastAt = now;
    this.unannounced = false;
    this.statistics.carried++;
    return true;
  }

  /** An append that claimed the notification did not commit: what it was to announce is not. */
  lost(): void {
    this.schedule();
  }

  /** A commit that carried no notification. */
  schedule(): void {
    this.unannounced = true;
    this.arm();
  }

  private arm(): void {
    if (this.timer || this.sending) return;
    const wait = Math.max(0, this.lastAt + this.intervalMs + this.graceMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.unannounced) return; // an append carried it
      if (Date.now() < this.lastAt + this.intervalMs + this.graceMs) {
        this.arm(); // an append carried one meanwhile; these commits came after it
        return;
      }
      this.sending = this.send().finally(() => {
        this.sending = null;
        if (this.unannounced) this.arm();
      });
    }, wait);
  }

  private async send(): Promise<void> {
    this.unannounced = false;
    this.lastAt = Date.now();
    this.statistics.sent++;
    try {
      await this.pool.query(`NOTIFY ${NOTIFY_CHANNEL}`);
    } catch {
      // Subscribers fall back to polling.
    }
  }

  async close(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      if (this.unannounced) this.sending = this.send();
    }
    await this.sending;
    await this.pool.end();
  }
}

/** One LISTEN connection per store, shared by its subscriptions, reconnecting when it drops. */
export class NotificationListener implements WakeSource {
  private readonly listeners = new Set<() => void>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly connectionString: string) {}

  onWake(listener: () => void): () => void {
    this.listeners.add(listener);
    this.ensureConnected();
    return () => {
      this.listeners.delete(listener);
    };
  }

  private wakeAll(): void {
    for (const listener of this.listeners) listener();
  }

  /** This process committed an append: its own subscriptions need no NOTIFY to hear of it. */
  wakeLocal(): void {
    this.wakeAll();
  }

  private ensureConnected(): void {
    if (this.client || this.connecting || this.closed) return;
    this.connecting = this.connect().finally(() => {
      this.connecting = null;
    });
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString });
    client.on('notification', () => this.wakeAll());
    client.on('error', () => this.reconnectLater(client));
    client.on('end', () => this.reconnectLater(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch {
      this.reconnectLater(client);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Anything committed while we were not listening must be read now.
    this.wakeAll();
  }

  private reconnectLater(client: Client): void {
    if (this.client === client) this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.closed || this.retryTimer || this.listeners.size === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.ensureConnected();
    }, 1000);
    this.retryTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.connecting;
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}
