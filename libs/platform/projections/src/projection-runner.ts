import type { EventStore, RecordedEvent, Subscription } from '@haven/platform/event-store';
import type { DataSource } from 'typeorm';
import {
  advanceCheckpoint,
  ensureCheckpoint,
  readCheckpoint,
  resetCheckpoint,
} from './checkpoints';
import type { Projection } from './projection';

export interface ProjectionRunnerOptions {
  /** Events per transaction (default 1000). */
  batchSize?: number;
  /** Safety-net polling when no notification arrives (default 500 ms). */
  pollIntervalMs?: number;
  /**
   * Called once when the runner stops on a failure. The default writes the error's message to
   * stderr; that message names the projection and positions, never event data, but its `cause`
   * may hold some: log the cause only where personal data may go.
   */
  onError?: (error: ProjectionError) => void;
}

export interface ProjectionLag {
  /** The store's head position minus the checkpoint; 0 when nothing is left to project. */
  positions: number;
  /** Age of the oldest event not projected yet; 0 when caught up. */
  seconds: number;
}

export interface ProjectionStatus {
  name: string;
  state: 'stopped' | 'running' | 'failed';
  /** The last position committed with the read model; null until the runner has read it. */
  checkpoint: number | null;
  /** True once the running subscription has caught up with the log. */
  live: boolean;
  error?: ProjectionError;
}

/** A batch could not be projected: nothing of it was written, the checkpoint did not move. */
export class ProjectionError extends Error {
  constructor(
    readonly projection: string,
    readonly fromPosition: number,
    readonly toPosition: number,
    readonly checkpoint: number,
    reason: string,
    options?: { cause?: unknown },
  ) {
    // The cause's message is left out on purpose: a handler's error may quote event data.
    super(
      `Projection "${projection}" stopped: ${reason} (events ${fromPosition}..${toPosition}); ` +
        `its checkpoint stays at ${checkpoint}.`,
      options,
    );
    this.name = 'ProjectionError';
  }
}

export class ProjectionTimeoutError extends Error {
  constructor(projection: string, position: number, timeoutMs: number, checkpoint: number | null) {
    super(
      `Projection "${projection}" did not reach position ${position} within ${timeoutMs} ms ` +
        `(checkpoint ${checkpoint ?? 'unknown'}).`,
    );
    this.name = 'ProjectionTimeoutError';
  }
}

/**
 * Feeds one projection from the global log. Each batch is applied and the checkpoint moved in one
 * transaction, so after a crash the runner resumes exactly after the last committed batch: no
 * event is applied twice, none is skipped.
 */
export class ProjectionRunner {
  private readonly handles: ReadonlySet<string>;
  private subscription: Subscription | null = null;
  private checkpoint: number | null = null;
  private failure: ProjectionError | undefined;
  private run: Promise<void> = Promise.resolve();
  private lifecycle: Promise<unknown> = Promise.resolve();
  private readonly progressListeners = new Set<() => void>();

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.handles = new Set(projection.handles);
  }

  /**
   * Settles when the current run ends: resolves after `stop()`, rejects with the
   * `ProjectionError` that stopped it.
   */
  get done(): Promise<void> {
    return this.run;
  }

  /** Resumes from the checkpoint and follows the log. Does nothing when already running. */
  start(): Promise<void> {
    return this.serially(() => this.startNow());
  }

  /** Stops after the batch in progress, if any, has committed. */
  stop(): Promise<void> {
    return this.serially(() => this.stopNow());
  }

  /** Stops, empties the read model and sets the checkpoint to zero in one transaction, restarts. */
  rebuild(): Promise<void> {
    return this.serially(async () => {
      await this.stopNow();
      await this.dataSource.transaction(async (manager) => {
        await this.projection.reset(manager);
        await resetCheckpoint(manager, this.projection.name);
      });
      await this.startNow();
    });
  }

  status(): ProjectionStatus {
    return {
      name: this.projection.name,
      state: this.subscription ? 'running' : this.failure ? 'failed' : 'stopped',
      checkpoint: this.checkpoint,
      live: this.subscription?.live ?? false,
      ...(this.failure ? { error: this.failure } : {}),
    };
  }

  /** How far behind the log the read model is, from the stored checkpoint (works when stopped). */
  async lag(): Promise<ProjectionLag> {
    const checkpoint = (await readCheckpoint(this.dataSource.manager, this.projection.name)) ?? 0;
    const oldest = await this.nextUnprojected(checkpoint);
    if (!oldest) return { positions: 0, seconds: 0 };
    // Read after `oldest`, so the head is at least its position.
    const head = await this.store.headPosition();
    return {
      positions: head - checkpoint,
      seconds: Math.max(0, (Date.now() - oldest.recordedAt.getTime()) / 1000),
    };
  }

  /**
   * Resolves once every event this projection reads, up to `position`, is in the read model
   * (read your writes). Rejects when the runner fails, or after `timeoutMs`.
   */
  async waitFor(position: number, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.failure) throw this.failure;
      // Armed before the check, so that a batch committing during the check still wakes us.
      const progress = this.nextProgress(
        Math.max(0, Math.min(deadline - Date.now(), this.options.pollIntervalMs ?? 500)),
      );
      if (await this.reached(position)) {
        progress.cancel();
        return;
      }
      if (deadline - Date.now() <= 0) {
        progress.cancel();
        throw new ProjectionTimeoutError(
          this.projection.name,
          position,
          timeoutMs,
          this.checkpoint,
        );
      }
      await progress.settled;
    }
  }

  private async startNow(): Promise<void> {
    if (this.subscription) return;
    this.failure = undefined;
    const { name } = this.projection;
    if (
      this.projection.startsFromEmpty &&
      (await readCheckpoint(this.dataSource.manager, name)) === null
    ) {
      await this.dataSource.transaction(async (manager) => {
        await this.projection.reset(manager);
        await resetCheckpoint(manager, name);
      });
    }
    const checkpoint = await ensureCheckpoint(this.dataSource.manager, name);
    this.checkpoint = checkpoint;
    const subscription = this.store.subscribeBatches(
      checkpoint + 1,
      (events) => this.project(events),
      {
        batchSize: this.options.batchSize ?? 1000,
        pollIntervalMs: this.options.pollIntervalMs,
        categories: this.projection.categories,
        // With categories, waitFor() may be done once the subscription is live (see reached()).
        onCaughtUp: () => this.notifyProgress(),
      },
    );
    this.subscription = subscription;
    this.run = subscription.done.then(
      () => undefined,
      (error: unknown) => {
        if (this.subscription === subscription) this.subscription = null;
        this.failure =
          error instanceof ProjectionError
            ? error
            : new ProjectionError(
                this.projection.name,
                checkpoint + 1,
                checkpoint + 1,
                this.checkpoint ?? checkpoint,
                'the subscription failed',
                { cause: error },
              );
        this.notifyProgress();
        try {
          (this.options.onError ?? defaultOnError)(this.failure);
        } catch {
          // A failing error callback must not hide the projection's own error.
        }
        throw this.failure;
      },
    );
    // Reported through `done`, `status()`, `waitFor()` and `onError`; not as an unhandled rejection.
    this.run.catch(() => undefined);
  }

  private async stopNow(): Promise<void> {
    const subscription = this.subscription;
    if (!subscription) return;
    await subscription.stop();
    this.subscription = null;
  }

  private async project(events: RecordedEvent[]): Promise<void> {
    const from = this.checkpoint ?? 0;
    const first = events[0].globalPosition;
    const last = events[events.length - 1].globalPosition;
    const handled = events.filter((event) => this.handles.has(event.type));
    try {
      await this.dataSource.transaction(async (manager) => {
        // First, so that a concurrent runner of the same projection blocks here, not after work.
        if (!(await advanceCheckpoint(manager, this.projection.name, from, last))) {
          throw new CheckpointMoved();
        }
        if (handled.length > 0) await this.projection.apply(handled, manager);
      });
    } catch (error) {
      if (error instanceof CheckpointMoved) {
        throw new ProjectionError(this.projection.name, first, last, from, CheckpointMoved.reason);
      }
      throw new ProjectionError(
        this.projection.name,
        first,
        last,
        from,
        `the batch failed with ${describe(error)}`,
        {
          cause: error,
        },
      );
    }
    this.checkpoint = last;
    this.notifyProgress();
  }

  private async reached(position: number): Promise<boolean> {
    const checkpoint = this.checkpoint;
    if (checkpoint === null) return false;
    if (checkpoint >= position) return true;
    // The checkpoint only moves on events the subscription reads: with categories it can stay
    // behind `position` for good. Then "nothing of ours left at or below `position`" is the test.
    if (!this.projection.categories?.length || !this.subscription?.live) return false;
    const next = await this.nextUnprojected(checkpoint);
    if (next) return next.globalPosition > position;
    return (await this.store.headPosition()) >= position;
  }

  private async nextUnprojected(checkpoint: number): Promise<RecordedEvent | undefined> {
    const [next] = await this.store.readAll({
      fromPosition: checkpoint + 1,
      limit: 1,
      categories: this.projection.categories,
    });
    return next;
  }

  /** Settles at the next committed batch or failure, or after `timeoutMs`. */
  private nextProgress(timeoutMs: number): { settled: Promise<void>; cancel(): void } {
    let listener = () => {};
    const settled = new Promise<void>((resolve) => {
      listener = () => {
        clearTimeout(timer);
        this.progressListeners.delete(listener);
        resolve();
      };
    });
    const timer = setTimeout(listener, timeoutMs);
    this.progressListeners.add(listener);
    return { settled, cancel: listener };
  }

  private notifyProgress(): void {
    for (const listener of [...this.progressListeners]) listener();
  }

  /** start, stop and rebuild take turns, so a rebuild never races a start. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.lifecycle.then(work, work);
    this.lifecycle = next.catch(() => undefined);
    return next;
  }
}

class CheckpointMoved extends Error {
  static readonly reason =
    'its checkpoint was moved by someone else (is a second runner of it running?)';
}

/** The error's class and PostgreSQL code: enough to diagnose, and never event data. */
function describe(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? `${name} (code ${code})` : name;
}

function defaultOnError(error: ProjectionError): void {
  process.stderr.write(`${error.message}\n`);
}
