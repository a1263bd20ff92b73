import type { Pool } from 'pg';
import type {
  EventMetadata,
  JsonObject,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from '../event-store';
import type { UpcasterRegistry } from '../upcasting';
import { parseStreamId } from '../validation';
import { COLUMNS, READ_BELOW_IN_CATEGORIES_SQL, READ_BELOW_SQL } from './read-sql';
import { queryTextRows, type TextRow } from './text-rows-query';

const MAX_READ_LIMIT = 10_000;

/** A row of COLUMNS as column text (text-rows-query.ts), in their order. */
type EventRow = TextRow;

/**
 * The store's reads: a stream, and the whole log in global order below the horizon that keeps a
 * position once passed from being filled in later (docs/adr/0002). Rows come back as column text
 * and are upcast to the newest shape of their event.
 */
export class LogReads {
  /** A position below which every append has ended (docs/adr/0002); it only grows. */
  private knownHorizon = 0;

  constructor(
    private readonly pool: Pool,
    private readonly upcasters: UpcasterRegistry,
  ) {}

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    parseStreamId(streamId);
    const rows = await queryTextRows(
      this.pool,
      'event_store.read_stream',
      `SELECT ${COLUMNS} FROM event_store.events
        WHERE stream_id = $1 AND stream_version >= $2 AND stream_version <= $3
          AND global_position <= $4 AND recorded_at <= $5
        ORDER BY stream_version`,
      [
        streamId,
        options.from ?? 1,
        options.to ?? Number.MAX_SAFE_INTEGER,
        options.upToPosition ?? Number.MAX_SAFE_INTEGER,
        options.upToTime ?? 'infinity',
      ],
    );
    return rows.map((row) => this.toEvent(row));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromPosition ?? 0;
    const limit = Math.min(options.limit ?? 1000, MAX_READ_LIMIT);
    if (!Number.isSafeInteger(from) || from < 0)
      throw new RangeError('fromPosition must be a non-negative integer.');
    if (!Number.isSafeInteger(limit) || limit < 1)
      throw new RangeError('limit must be a positive integer.');
    const categories = options.categories?.length ? options.categories : null;
    // Only below the horizon: positions that no append still in flight can fill in later, so a
    // position once passed stays passed (docs/adr/0002). A horizon stays true once read, so a
    // reader catching up reads below the last one it knows, one plain query a page. Past it,
    // event_store.read_all() reads a new horizon and below it in one round trip (a subscriber
    // that follows the log live never needs more); a full page from it means the reader is
    // behind, so the store learns the horizon for the pages to come. Autocommit, so READ
    // COMMITTED: each query's snapshot is newer than the horizon it reads below.
    let rows: EventRow[] = [];
    let position = from;
    // A local copy: another reader of this store may move knownHorizon on during the query, and
    // only what lies below the value read below is known to be read.
    const known = this.knownHorizon;
    if (known > position) {
      rows = await this.readBelow(position, known, limit, categories);
      if (rows.length === limit) return rows.map((row) => this.toEvent(row));
      position = known; // all there is below it has been read
    }
    const rest = await queryTextRows(
      this.pool,
      'event_store.read_all',
      `SELECT ${COLUMNS} FROM event_store.read_all($1, $2, $3)`,
      [position, limit - rows.length, categories],
    );
    if (rest.length === limit - rows.length) await this.readHorizon();
    return rows.concat(rest).map((row) => this.toEvent(row));
  }

  private async readBelow(
    from: number,
    horizon: number,
    limit: number,
    categories: readonly string[] | null,
  ): Promise<EventRow[]> {
    return categories
      ? queryTextRows(
          this.pool,
          'event_store.read_below_in_categories',
          READ_BELOW_IN_CATEGORIES_SQL,
          [from, horizon, limit, categories],
        )
      : queryTextRows(this.pool, 'event_store.read_below', READ_BELOW_SQL, [from, horizon, limit]);
  }

  /** The first position a reader may not pass yet (docs/adr/0002); remembered, as it only grows. */
  private async readHorizon(): Promise<number> {
    const { rows } = await this.pool.query<{ horizon: string }>({
      name: 'event_store.read_horizon',
      text: 'SELECT event_store.read_horizon() AS horizon',
    });
    const horizon = Number(rows[0].horizon);
    this.knownHorizon = Math.max(this.knownHorizon, horizon);
    return horizon;
  }

  async headPosition(): Promise<number> {
    const { rows } = await this.pool.query<{ head: string }>(
      'SELECT event_store.head_position() AS head',
    );
    return Number(rows[0].head);
  }

  private toEvent(row: EventRow): RecordedEvent {
    const [position, eventId, streamId, version, type, schemaVersion, data, metadata, recordedMs] =
      row as string[];
    const event: RecordedEvent = {
      eventId,
      streamId,
      streamCategory: streamId.slice(0, streamId.indexOf('-')),
      streamVersion: Number(version),
      globalPosition: Number(position),
      type,
      schemaVersion: Number(schemaVersion),
      data: JSON.parse(data) as JsonObject,
      metadata: JSON.parse(metadata) as EventMetadata,
      recordedAt: new Date(Number(recordedMs)),
    };
    return this.upcasters.size === 0 ? event : this.upcasters.apply(event);
  }
}
