import type { Pool, PoolClient } from 'pg';
import {
  checkpointHash,
  NO_PREVIOUS_CHECKPOINT,
  type SignedCheckpoint,
} from '../checkpoints/checkpoint';
import { signCheckpoint, type CheckpointSigner } from '../checkpoints/signing-key';
import { leafHash, type MerkleFrontier } from '../merkle';
import type { LeafSource } from './leaf-sources';
import { TreeStore } from './tree-store';

export interface TreeFollowerOptions {
  /** Sign a checkpoint once this many leaves were added since the last one (default 1000). */
  checkpointEveryLeaves?: number;
  /** ... or once this much time has passed with leaves added (default 60 s). */
  checkpointIntervalMs?: number;
  /** Leaves read and stored per transaction (default 5000). */
  batchSize?: number;
  /** How often it looks for new entries once caught up (default 250 ms). */
  pollIntervalMs?: number;
  /** The clock (tests). */
  now?: () => Date;
  onError?: (error: Error) => void;
}

/**
 * Keeps a log's Merkle tree beside the log, never in its way (docs/adr/0016): it follows the log
 * from where it stopped, appends each entry's stored hash as a leaf, stores the perfect subtrees
 * this completes with the new state in one transaction, and signs a checkpoint every N leaves or
 * M seconds, whichever comes first, and when it stops. Several followers of one log may run: the
 * state row's lock makes them take turns, and one that finds the tree moved on reloads it.
 */
export class TreeFollower {
  private readonly store: TreeStore;
  private frontier: MerkleFrontier | null = null;
  private lastPosition = 0;
  private last: SignedCheckpoint | null = null;
  private lastCheckpointAt = 0;
  private running: Promise<void> | null = null;
  private stopped = false;
  private wake: (() => void) | null = null;
  private readonly every: number;
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly now: () => Date;

  constructor(
    private readonly pool: Pool,
    private readonly source: LeafSource,
    private readonly signer: CheckpointSigner,
    private readonly options: TreeFollowerOptions = {},
  ) {
    this.store = new TreeStore(pool, source.log);
    this.every = options.checkpointEveryLeaves ?? 1000;
    this.intervalMs = options.checkpointIntervalMs ?? 60_000;
    this.batchSize = options.batchSize ?? 5000;
    this.pollMs = options.pollIntervalMs ?? 250;
    this.now = options.now ?? (() => new Date());
  }

  get size(): number {
    return this.frontier?.size ?? 0;
  }

  /** Follows the log in the background until `stop`. */
  start(): void {
    if (this.running) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** Stops following, then signs a checkpoint over whatever was added since the last one. */
  async stop(): Promise<SignedCheckpoint | null> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    this.running = null;
    return this.checkpointIfGrown();
  }

  /** Reads and stores everything the log holds now; returns the number of leaves added. */
  async catchUp(): Promise<number> {
    let added = 0;
    for (;;) {
      const step = await this.step();
      added += step;
      if (step < this.batchSize) return added;
    }
  }

  /** Signs a checkpoint now if leaves were added since the last one; returns it, or null. */
  async checkpointIfGrown(): Promise<SignedCheckpoint | null> {
    await this.load();
    return this.inTransaction(async (client) => {
      if (!(await this.sameTree(client))) return null;
      return this.tree.size > (this.last?.size ?? 0) ? this.checkpoint(client) : null;
    });
  }

  /** The loaded frontier (load() runs first). */
  private get tree(): MerkleFrontier {
    if (!this.frontier) throw new Error('The tree is not loaded.');
    return this.frontier;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.catchUp();
        const due =
          this.tree.size > (this.last?.size ?? 0) &&
          Date.now() - this.lastCheckpointAt >= this.intervalMs;
        if (due) await this.checkpointIfGrown();
      } catch (error) {
        this.options.onError?.(error as Error);
        this.frontier = null; // reload from the tables
      }
      // Caught up (catchUp reads until a batch is not full) or failed: wait a poll even if
      // entries arrived meanwhile, so that under a steady stream of appends each transaction
      // stores a poll's worth of leaves instead of a few, and its commits compete less with the
      // appends'.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  private async load(): Promise<void> {
    if (this.frontier) return;
    const state = await this.store.state();
    this.frontier = state.frontier;
    this.lastPosition = state.lastPosition;
    this.last = await this.store.latestCheckpoint();
    this.lastCheckpointAt = Date.now();
  }

  private async step(): Promise<number> {
    await this.load();
    const entries = await this.source.read(this.pool, this.lastPosition, this.batchSize);
    if (entries.length === 0) return 0;
    return this.inTransaction(async (client) => {
      if (!(await this.sameTree(client))) return 0;
      const frontier = this.tree;
      const created = entries.flatMap((entry) => frontier.append(leafHash(entry.hash)));
      const lastPosition = entries[entries.length - 1].position;
      await this.store.append(client, entries, created, { size: frontier.size, lastPosition });
      this.lastPosition = lastPosition;
      if (frontier.size - (this.last?.size ?? 0) >= this.every) await this.checkpoint(client);
      return entries.length;
    });
  }

  /** Locks the state row; false (and a reload next time) when another follower moved it on. */
  private async sameTree(client: PoolClient): Promise<boolean> {
    const { rows } = await client.query<{ size: string }>(
      'SELECT size FROM audit.tree_state WHERE log = $1 FOR UPDATE',
      [this.source.log],
    );
    if (rows[0] && Number(rows[0].size) === this.tree.size) return true;
    this.frontier = null;
    return false;
  }

  private async checkpoint(client: PoolClient): Promise<SignedCheckpoint> {
    const fields = {
      log: this.source.log,
      size: this.tree.size,
      root: this.tree.root().toString('hex'),
      position: this.lastPosition,
      time: this.now().toISOString(),
      previous: this.last ? checkpointHash(this.last) : NO_PREVIOUS_CHECKPOINT,
    };
    const signed = await signCheckpoint(this.signer, fields);
    await this.store.insertCheckpoint(client, signed, checkpointHash(signed));
    this.last = signed;
    this.lastCheckpointAt = Date.now();
    return signed;
  }

  private async inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      this.frontier = null; // what it appended in memory was not stored
      throw error;
    } finally {
      client.release();
    }
  }
}
