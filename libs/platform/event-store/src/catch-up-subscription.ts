import type { RecordedEvent, SubscribeOptions, Subscription } from './event-store';

/** Something that says "new events may be readable now" (PostgreSQL: LISTEN/NOTIFY). */
export interface WakeSource {
  onWake(listener: () => void): () => void;
}

export type ReadBatch = (
  fromPosition: number,
  limit: number,
  categories?: readonly string[],
) => Promise<RecordedEvent[]>;

/** What a read returned, and whether it was as long as it was allowed to be (more may follow). */
interface Batch {
  events: RecordedEvent[];
  full: boolean;
}

const FIRST_RETRY_MS = 5;
const READ_ERROR_RETRY_MS = 1000;

/**
 * Catches up from a position, then follows the log live. Shared by every adapter: it needs only
 * a gap-free ordered read and a wake source.
 *
 * Back-pressure: while catching up (a full batch was read), it reads the next batch while the
 * handler works on the current one, so that the read's round trip overlaps the handler's work; it
 * never holds more than those two batches, however slow the handler. Live, it reads only after
 * the handler has finished. With `firstBatchSize`, the first read is that small, and each full read
 * doubles the next up to `batchSize`, so that the handler starts on the log's first events sooner.
 *
 * Waking: a notification triggers an immediate read. An empty read right after one means the new
 * event is still behind an earlier append in flight, so it re-reads with a short exponential
 * backoff, up to the polling interval, which is the safety net when notifications are lost.
 */
export class CatchUpSubscription implements Subscription {
  private nextPosition: number;
  private caughtUp = false;
  private stopped = false;
  private wakeWaiter: (() => void) | null = null;
  private woken = false;
  readonly done: Promise<void>;

  constructor(
    private readonly read: ReadBatch,
    private readonly wakeSource: WakeSource,
    fromPosition: number,
    private readonly deliver: (
      events: RecordedEvent[],
      advance: (position: number) => void,
    ) => Promise<void>,
    private readonly options: SubscribeOptions = {},
  ) {
    if (!Number.isSafeInteger(fromPosition) || fromPosition < 0) {
      throw new RangeError('fromPosition must be a non-negative integer.');
    }
    const { firstBatchSize } = options;
    if (
      firstBatchSize !== undefined &&
      !(Number.isSafeInteger(firstBatchSize) && firstBatchSize > 0)
    ) {
      throw new RangeError('firstBatchSize must be a positive integer.');
    }
    this.nextPosition = fromPosition;
    this.done = this.run();
    // The caller may never look at `done`; a failure is still reported there when it does.
    this.done.catch(() => undefined);
  }

  get position(): number {
    return this.nextPosition;
  }

  get live(): boolean {
    return this.caughtUp;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.done.catch(() => undefined);
  }

  private wake(): void {
    this.woken = true;
    const waiter = this.wakeWaiter;
    this.wakeWaiter = null;
    waiter?.();
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 1000;
    const pollMs = this.options.pollIntervalMs ?? 500;
    const unsubscribe = this.wakeSource.onWake(() => this.wake());
    let retryMs = FIRST_RETRY_MS;
    let limit = Math.min(this.options.firstBatchSize ?? batchSize, batchSize);
    const readFrom = async (from: number): Promise<Batch> => {
      const asked = limit;
      const events = await this.read(from, asked, this.options.categories);
      return { events, full: events.length === asked };
    };
    // The batch read ahead while the handler worked (null when its read failed: read again).
    let ahead: { from: number; batch: Promise<Batch | null> } | null = null;
    try {
      while (!this.stopped) {
        this.woken = false;
        let batch: Batch;
        // Used only if the handler advanced to where it was read from.
        const readAhead = ahead?.from === this.nextPosition ? ahead.batch : null;
        ahead = null;
        try {
          batch = (await readAhead) ?? (await readFrom(this.nextPosition));
        } catch {
          // A dropped connection or a restarting server: try again, the position is unchanged.
          if (this.stopped) break;
          await this.sleep(READ_ERROR_RETRY_MS);
          continue;
        }
        if (this.stopped) break;
        const { events, full } = batch;
        if (events.length > 0) {
          if (full) {
            limit = Math.min(limit * 2, batchSize);
            const from = events[events.length - 1].globalPosition + 1;
            ahead = { from, batch: readFrom(from).catch(() => null) };
          }
          await this.deliver(events, (position) => {
            this.nextPosition = position + 1;
          });
          retryMs = FIRST_RETRY_MS;
          if (full) continue;
        }
        if (!this.caughtUp) {
          this.caughtUp = true;
          this.options.onCaughtUp?.();
        }
        if (this.woken) {
          retryMs = FIRST_RETRY_MS;
          continue;
        }
        await this.sleep(retryMs);
        retryMs = this.woken ? FIRST_RETRY_MS : Math.min(retryMs * 2, pollMs);
      }
    } finally {
      unsubscribe();
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeWaiter = null;
        resolve();
      }, ms);
      this.wakeWaiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
