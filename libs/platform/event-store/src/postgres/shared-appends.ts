import type { Pool } from 'pg';
import { APPEND_EACH_AFTER_SQL, APPEND_ONE_AFTER_SQL } from './append-sql';
import { byteaArray, jsonArray, plainArrayLiteral } from '@haven/platform/database';
import { isUniqueViolation } from './pg-errors';
import { queryTextRows } from './text-rows-query';

/** A single-event append after a known stream head, ready to run (validated, digested). */
export interface HeadAppend {
  streamId: string;
  category: string;
  headVersion: number;
  headHash: Buffer;
  eventId: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
  digest: Buffer;
}

/**
 * Committed at this position with this hash, and whether its commit carried the store's
 * notification; or `null`: not written, run it on its own.
 */
export type HeadAppendOutcome = { position: number; hash: Buffer; notified: boolean } | null;

/** The store's notifications to other processes, which an append may carry (docs/adr/0004). */
export interface AppendNotifications {
  /** The channel to notify in the append's own commit, when one is due; else null. */
  claim(): string | null;
  /** The append that claimed it did not commit. */
  lost(): void;
}

interface Waiting {
  append: HeadAppend;
  resolve: (outcome: HeadAppendOutcome) => void;
  reject: (error: unknown) => void;
}

/** The most appends, and about the most JSON text, that one shared statement carries. */
const MAX_SHARED = 100;
const MAX_SHARED_CHARS = 4 * 1024 * 1024;

/**
 * Runs single-event appends after known stream heads, at most `maxStatements` statements at a
 * time; appends that arrive while that many are in flight wait, and then go together in one
 * statement and one commit (docs/adr/0012-shared-append-statements.md). A writer alone never
 * waits: its append runs at once, as its own statement.
 *
 * Each append keeps its own outcome. When a shared statement fails, for whatever reason (a
 * stream that moved on, a retried event id, two appends to one stream, an error caused by one of
 * its events), every append in it is answered `null`, so that the store runs it again on its own
 * and reports its own conflict, retry, error or success.
 */
export class SharedAppends {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;
  /** Appends run and statements used, for operators and the benchmark. */
  readonly statistics = { appends: 0, statements: 0, sharedStatements: 0 };

  constructor(
    private readonly pool: Pool,
    private readonly maxStatements: number,
    private readonly notifications: AppendNotifications,
  ) {}

  run(append: HeadAppend): Promise<HeadAppendOutcome> {
    if (this.inFlight >= this.maxStatements) {
      return new Promise((resolve, reject) => this.waiting.push({ append, resolve, reject }));
    }
    // A free slot (and so nobody waiting): run it now, alone.
    this.started(1);
    const outcome = this.runOne(append);
    outcome.then(this.finished, this.finished);
    return outcome;
  }

  private started(appends: number): void {
    this.inFlight++;
    this.statistics.appends += appends;
    this.statistics.statements++;
    if (appends > 1) this.statistics.sharedStatements++;
  }

  /** A statement ended: the appends that waited for it go next, together. */
  private readonly finished = (): void => {
    this.inFlight--;
    if (this.waiting.length === 0) return;
    const group = this.waiting.splice(0, this.nextGroupSize());
    this.started(group.length);
    const done =
      group.length === 1
        ? this.runOne(group[0].append).then(group[0].resolve, group[0].reject)
        : this.runShared(group);
    void done.finally(this.finished);
  };

  /** How many of the waiting appends go next: at least one, within both limits. */
  private nextGroupSize(): number {
    let chars = 0;
    let n = 0;
    while (n < this.waiting.length && n < MAX_SHARED) {
      const { dataJson, metadataJson } = this.waiting[n].append;
      chars += dataJson.length + metadataJson.length;
      if (n > 0 && chars > MAX_SHARED_CHARS) break;
      n++;
    }
    return n;
  }

  private async runOne(a: HeadAppend): Promise<HeadAppendOutcome> {
    const channel = this.notifications.claim();
    try {
      const rows = await queryTextRows(
        this.pool,
        'event_store.append_one_after',
        APPEND_ONE_AFTER_SQL,
        [
          a.streamId,
          a.category,
          a.headVersion,
          a.eventId,
          a.type,
          a.schemaVersion,
          a.dataJson,
          a.metadataJson,
          a.digest,
          a.headHash,
          channel,
        ],
      );
      if (rows.length) {
        const [position, hashHex] = rows[0];
        return {
          position: Number(position),
          hash: Buffer.from(hashHex as string, 'hex'),
          notified: !!channel,
        };
      }
      if (channel) this.notifications.lost();
      return null;
    } catch (error) {
      if (channel) this.notifications.lost();
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  private async runShared(group: Waiting[]): Promise<void> {
    const column = <T>(pick: (a: HeadAppend) => T) => group.map((w) => pick(w.append));
    try {
      const { rows } = await this.pool.query<{
        global_position: string;
        event_id: string;
        hash: Buffer;
      }>({
        name: 'event_store.append_each_after',
        text: APPEND_EACH_AFTER_SQL,
        values: [
          plainArrayLiteral(column((a) => a.streamId)),
          plainArrayLiteral(column((a) => a.category)),
          plainArrayLiteral(column((a) => a.headVersion)),
          plainArrayLiteral(column((a) => a.eventId)),
          plainArrayLiteral(column((a) => a.type)),
          plainArrayLiteral(column((a) => a.schemaVersion)),
          jsonArray(column((a) => a.dataJson)),
          jsonArray(column((a) => a.metadataJson)),
          byteaArray(column((a) => a.digest)),
          byteaArray(column((a) => a.headHash)),
        ],
      });
      const written = new Map(rows.map((r) => [r.event_id, r]));
      for (const { append, resolve } of group) {
        const row = written.get(append.eventId);
        resolve(
          row ? { position: Number(row.global_position), hash: row.hash, notified: false } : null,
        );
      }
    } catch {
      // Nothing of it was written, or (a connection lost after the commit) all of it was. Either
      // way each append runs again alone: that reports each one's own error, and finds events
      // already stored as idempotent retries.
      for (const { resolve } of group) resolve(null);
    }
  }
}
