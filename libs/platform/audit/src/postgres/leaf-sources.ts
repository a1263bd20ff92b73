import type { AuditQueryable } from './tree-store';

/** What a tree follows: a log whose entries each have a stored hash, in an order that never changes. */
export interface LeafSource {
  /** The log's name in the audit tables. */
  readonly log: string;
  /** Up to `limit` entries after `afterPosition`, in order; only entries that can no longer be preceded. */
  read(
    db: AuditQueryable,
    afterPosition: number,
    limit: number,
  ): Promise<Array<{ position: number; hash: Buffer }>>;
}

/**
 * The event store's global log. Reads stay below the horizon (docs/adr/0002): first the horizon,
 * then, in a later statement (so a newer snapshot), the events below it. Only two columns travel.
 */
export const EVENT_STORE_LEAVES: LeafSource = {
  log: 'event_store',
  async read(db, afterPosition, limit) {
    const { rows: horizon } = await db.query<{ h: string }>(
      'SELECT event_store.read_horizon() AS h',
    );
    const { rows } = await db.query<{ global_position: string; hash: Buffer }>(
      `SELECT global_position, hash FROM event_store.events
        WHERE global_position > $1 AND global_position < $2 ORDER BY global_position LIMIT $3`,
      [afterPosition, horizon[0].h, limit],
    );
    return rows.map((row) => ({ position: Number(row.global_position), hash: row.hash }));
  },
};
